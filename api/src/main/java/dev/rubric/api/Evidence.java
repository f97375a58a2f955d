package dev.rubric.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A reference to a fact that proves an item: its type, its id where it has one, and a snapshot
 * of its properties so an explanation can show what matched.
 *
 * @param type       the fact's simple type name; never null
 * @param id         the fact's id, or null when the fact has none
 * @param properties the fact's properties at the time it was cited, in declaration order; never null, unmodifiable
 */
public record Evidence(String type, String id, Map<String, Object> properties) {

    public Evidence {
        Objects.requireNonNull(type, "type");
        properties = properties == null ? Map.of() : properties instanceof Snapshot ? properties
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    /**
     * Evidence whose properties are the first {@code size} names and values of two arrays, in that order: what the
     * engine makes for every cited fact. The arrays are copied (two array copies, no map of entries), so the caller may
     * reuse them.
     *
     * @param names  property names, no name twice; never null
     * @param values their values, null allowed; never null, at least {@code size} long
     */
    public static Evidence of(String type, String id, String[] names, Object[] values, int size) {
        return new Evidence(type, id, new Snapshot(Arrays.copyOf(names, size), Arrays.copyOf(values, size)));
    }

    /** Property names and values in order, read-only, backed by two arrays of its own. */
    private static final class Snapshot extends AbstractMap<String, Object> {
        private final String[] names;
        private final Object[] values;

        Snapshot(String[] names, Object[] values) {
            this.names = names;
            this.values = values;
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public Object get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        private int indexOf(Object key) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return names.length;
                }

                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(names[i], values[i]);
                        }
                    };
                }
            };
        }
    }
}

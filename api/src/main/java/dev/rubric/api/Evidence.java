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
        properties = properties == null ? Map.of() : properties instanceof Snapshot || properties instanceof ModelFact ? properties
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

    /**
     * Evidence for a fact of the department fact model ({@code dev.rubric.model}), whose properties are read when first
     * asked for instead of copied when the fact is cited. The same values either way: the model's facts are records, whose
     * components are final and read through the record's own accessors, and no rule can change them. Evidence for any
     * other fact is made with {@link #of(String, String, String[], Object[], int)}.
     *
     * @throws IllegalArgumentException when the fact is not a record of the fact model
     */
    public static Evidence ofModelFact(Record fact) {
        ModelFact.Accessors a = ModelFact.ACCESSORS.get(fact.getClass());
        Object id = a.id < 0 ? null : ModelFact.read(a.getters[a.id], fact);
        return new Evidence(a.type, id == null ? null : id.toString(), new ModelFact(a, fact));
    }

    /** The properties of a record of the fact model, read through its accessors when asked for. */
    private static final class ModelFact extends AbstractMap<String, Object> {
        /** A record class's simple name, component names and accessors, found once per class. */
        private record Accessors(String type, String[] names, java.lang.invoke.MethodHandle[] getters, int id) {
        }

        private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
            @Override
            protected Accessors computeValue(Class<?> type) {
                if (!type.isRecord() || !type.getPackageName().equals("dev.rubric.model")
                        || type.getClassLoader() != Evidence.class.getClassLoader()) { // the model's own, not a namesake's
                    throw new IllegalArgumentException(type.getName() + " is not a record of the fact model (dev.rubric.model)");
                }
                java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
                String[] names = new String[components.length];
                java.lang.invoke.MethodHandle[] getters = new java.lang.invoke.MethodHandle[components.length];
                int id = -1;
                for (int i = 0; i < components.length; i++) {
                    names[i] = components[i].getName();
                    try {
                        getters[i] = java.lang.invoke.MethodHandles.publicLookup().unreflect(components[i].getAccessor())
                                .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                    } catch (IllegalAccessException e) {
                        throw new IllegalArgumentException("the accessor of " + type.getName() + "." + names[i] + " is not public", e);
                    }
                    if (names[i].equals("id")) {
                        id = i;
                    }
                }
                return new Accessors(type.getSimpleName(), names, getters, id);
            }
        };

        private final Accessors accessors;
        private final Object fact;

        ModelFact(Accessors accessors, Object fact) {
            this.accessors = accessors;
            this.fact = fact;
        }

        static Object read(java.lang.invoke.MethodHandle getter, Object fact) {
            try {
                return getter.invokeExact(fact);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e); // an accessor of a record declares no checked exception
            }
        }

        @Override
        public int size() {
            return accessors.names.length;
        }

        @Override
        public Object get(Object key) {
            String[] names = accessors.names;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(key)) {
                    return read(accessors.getters[i], fact);
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return java.util.Arrays.asList(accessors.names).contains(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return accessors.names.length;
                }

                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < accessors.names.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= accessors.names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(accessors.names[i], read(accessors.getters[i], fact));
                        }
                    };
                }
            };
        }
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

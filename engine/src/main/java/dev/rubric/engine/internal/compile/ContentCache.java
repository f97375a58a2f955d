package dev.rubric.engine.internal.compile;

import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * What was compiled from some content against a class loader, by both: the loader and the digest of the content. Each
 * entry is computed once; a thread that asks for an entry another thread is computing waits for it.
 *
 * <p>Design notes. What is compiled from rule files depends on the class loader their imports and fact classes were
 * resolved with, so a digest alone is not a key: the same content under two loaders is two entries. The cache must
 * not keep a loader alive (a service that reloads a plug-in's rubric under a fresh loader would leak the old one), but
 * its values hold their loader (a knowledge base references the classes it was built with), so loaders are weak keys
 * and values are held softly: an entry lives while a loaded rubric uses it, or until memory runs short. Each loader
 * keeps its most recently used {@code perLoader} entries, so a service that reloads changing content does not grow
 * without bound. A computation that fails is not cached: a thread that waited for it computes again, and gets its
 * own error (the message names where it loaded from). Thread-safe.
 *
 * @param <V> what is compiled
 */
public final class ContentCache<V> {

    private final int perLoader;
    private final Map<ClassLoader, Map<String, SoftReference<V>>> done = new WeakHashMap<>(); // guarded by this
    private final Map<Key, CompletableFuture<V>> computing = new HashMap<>(); // guarded by this; holds a loader only while computing

    private record Key(ClassLoader loader, String digest) {
    }

    /**
     * An empty cache.
     *
     * @param perLoader how many entries each class loader keeps, at least 1
     */
    public ContentCache(int perLoader) {
        if (perLoader < 1) {
            throw new IllegalArgumentException("entries per class loader must be at least 1, was [" + perLoader + "]");
        }
        this.perLoader = perLoader;
    }

    /**
     * The entry for {@code digest} under {@code loader}: the cached one, the one another thread is computing, or
     * {@code compute}'s, which is then cached.
     *
     * @param loader  the class loader the value was compiled against, not null
     * @param digest  the digest of the content, not null
     * @param compute computes the value, not null; what it throws is thrown here, and nothing is cached
     */
    public V get(ClassLoader loader, String digest, Supplier<V> compute) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(compute, "compute");
        Key key = new Key(loader, digest);
        while (true) {
            CompletableFuture<V> mine = null;
            CompletableFuture<V> theirs;
            synchronized (this) {
                V cached = cached(loader, digest);
                if (cached != null) {
                    return cached;
                }
                theirs = computing.get(key);
                if (theirs == null) {
                    mine = new CompletableFuture<>();
                    computing.put(key, mine);
                }
            }
            if (mine == null) {
                try {
                    return theirs.join();
                } catch (CompletionException | java.util.concurrent.CancellationException e) {
                    continue; // their computation failed: compute again, for an error of this caller's own
                }
            }
            V value;
            try {
                value = Objects.requireNonNull(compute.get(), "computed value");
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    computing.remove(key);
                }
                mine.completeExceptionally(e);
                throw e;
            }
            synchronized (this) {
                done.computeIfAbsent(loader, l -> lru(perLoader)).put(digest, new SoftReference<>(value));
                computing.remove(key);
            }
            mine.complete(value);
            return value;
        }
    }

    /** How many entries are cached, for all loaders (entries whose value was collected are not counted). */
    public synchronized int size() {
        int n = 0;
        for (Map<String, SoftReference<V>> entries : done.values()) {
            for (SoftReference<V> ref : entries.values()) {
                n += ref.get() == null ? 0 : 1;
            }
        }
        return n;
    }

    private V cached(ClassLoader loader, String digest) {
        Map<String, SoftReference<V>> entries = done.get(loader);
        SoftReference<V> ref = entries == null ? null : entries.get(digest);
        V value = ref == null ? null : ref.get();
        if (ref != null && value == null) {
            entries.remove(digest);
        }
        return value;
    }

    private static <V> Map<String, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        };
    }
}

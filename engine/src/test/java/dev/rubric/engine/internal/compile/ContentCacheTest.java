package dev.rubric.engine.internal.compile;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache of compiled content: keyed by class loader and digest, each entry computed once. */
class ContentCacheTest {

    private static final ClassLoader APP = ContentCacheTest.class.getClassLoader();

    @Test
    void threadsAskingForTheSameNewEntryAtOnceComputeItOnce() throws Exception {
        // given a computation that takes long enough for every thread to ask while it runs
        ContentCache<Object> cache = new ContentCache<>(4);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            // when four threads ask for the same entry
            List<Future<Object>> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(threads.submit(() -> {
                    start.await();
                    return cache.get(APP, "sha256:a", () -> {
                        computed.incrementAndGet();
                        sleep(300);
                        return new Object();
                    });
                }));
            }
            start.countDown();

            // then it is computed once, and all four get it
            Object first = got.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> f : got) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(computed).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theSameDigestUnderTwoClassLoadersIsTwoEntries() throws Exception {
        // given
        ContentCache<String> cache = new ContentCache<>(4);
        try (URLClassLoader other = new URLClassLoader(new URL[0], APP)) {
            // when
            String underApp = cache.get(APP, "sha256:a", () -> "compiled against the application's loader");
            String underOther = cache.get(other, "sha256:a", () -> "compiled against the other loader");

            // then
            assertThat(underApp).isEqualTo("compiled against the application's loader");
            assertThat(underOther).isEqualTo("compiled against the other loader");
            assertThat(cache.size()).isEqualTo(2);
        }
    }

    @Test
    void anEntryIsReusedUnderItsOwnLoader() {
        // given
        ContentCache<Object> cache = new ContentCache<>(4);
        Object first = cache.get(APP, "sha256:a", Object::new);

        // when
        Object again = cache.get(APP, "sha256:a", () -> {
            throw new AssertionError("computed again");
        });

        // then
        assertThat(again).isSameAs(first);
    }

    @Test
    void aFailedComputationIsNotCachedAndItsErrorReachesTheCaller() {
        // given
        ContentCache<String> cache = new ContentCache<>(4);

        // when
        assertThatThrownBy(() -> cache.get(APP, "sha256:a", () -> {
            throw new IllegalStateException("rule [A1] in [a.drl:3] does not compile");
        })).hasMessage("rule [A1] in [a.drl:3] does not compile");

        // then the next caller computes it
        assertThat(cache.get(APP, "sha256:a", () -> "fixed")).isEqualTo("fixed");
    }

    @Test
    void eachLoaderKeepsItsMostRecentlyUsedEntries() {
        // given a cache of two entries per loader
        ContentCache<String> cache = new ContentCache<>(2);
        cache.get(APP, "sha256:a", () -> "a");
        cache.get(APP, "sha256:b", () -> "b");
        cache.get(APP, "sha256:a", () -> "a again");

        // when a third is added
        cache.get(APP, "sha256:c", () -> "c");

        // then the least recently used (b) is gone
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(APP, "sha256:a", () -> "a computed again")).isEqualTo("a");
        assertThat(cache.get(APP, "sha256:b", () -> "b computed again")).isEqualTo("b computed again");
    }

    @Test
    void aCacheOfNoEntriesIsRefusedWithTheNumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContentCache<>(0))
                .withMessage("entries per class loader must be at least 1, was [0]");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

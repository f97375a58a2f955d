package dev.rubric.engine;

import dev.rubric.api.Rubric;
import dev.rubric.engine.internal.compile.CompiledRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled-rules cache is keyed by the class loader rules were compiled against as well as by the content's
 * digest, and loads of the same new content at once compile it once.
 */
class CompiledRulesByClassLoaderTest {

    private static final String MANIFEST = "id: loaders\nversion: \"1\"\ncategories:\n  - id: a\n    max: 10\n";

    @TempDir
    Path dir;

    private RubricFolder folder(String name, String marker) {
        // a marker comment makes the content new to this JVM, so no other test has compiled it
        return RubricFolder.at(dir.resolve(name)).manifest(MANIFEST).file("rules.drl", """
                package loaders;
                global dev.rubric.api.ScoreSheet score;
                // %s
                declare Mark
                  id : String
                end
                rule "M1" @id("M1") @category("a")
                when
                  $m : Mark()
                then
                  score.deduct(1, "mark " + $m.getId(), $m);
                end
                """.formatted(marker));
    }

    private static CompiledRules compiled(Rubric rubric) {
        return ((LoadedRubric) rubric).compiled();
    }

    @Test
    void twoThreadsLoadingTheSameNewContentAtOnceShareOneCompilation() throws Exception {
        // given new content, and two threads that start loading it together
        RubricFolder folder = folder("together", "together " + System.nanoTime());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // when
            Future<Rubric> one = threads.submit(() -> {
                start.await();
                return folder.load();
            });
            Future<Rubric> two = threads.submit(() -> {
                start.await();
                return folder.load();
            });

            // then both hold the same compiled rules: it was compiled once
            assertThat(compiled(one.get(2, TimeUnit.MINUTES))).isSameAs(compiled(two.get(2, TimeUnit.MINUTES)));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theSameContentUnderAnotherClassLoaderIsCompiledAgainstThatLoader() throws Exception {
        // given content loaded under the application's class loader
        RubricFolder folder = folder("loaders", "loaders " + System.nanoTime());
        Rubric underApplication = folder.load();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader plugin = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            // when the same content is loaded under a plug-in's class loader
            thread.setContextClassLoader(plugin);
            Rubric underPlugin = folder.load();

            // then it has the same digest, and rules of its own, compiled against the plug-in's loader
            assertThat(underPlugin.info().digest()).isEqualTo(underApplication.info().digest());
            assertThat(compiled(underPlugin)).isNotSameAs(compiled(underApplication));
            assertThat(compiled(underPlugin).classLoader()).isSameAs(plugin);
            assertThat(compiled(underApplication).classLoader()).isNotSameAs(plugin);

            // and loading it again under either loader reuses that loader's rules
            assertThat(compiled(folder.load())).isSameAs(compiled(underPlugin));
            thread.setContextClassLoader(before);
            assertThat(compiled(folder.load())).isSameAs(compiled(underApplication));
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}

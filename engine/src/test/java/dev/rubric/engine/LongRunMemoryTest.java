package dev.rubric.engine;

import dev.rubric.api.EvaluationException;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A long run leaves nothing behind: every evaluation gives its session back (to the rubric's pool of reusable
 * sessions, or destroyed when a rule failed) without its score sheet, which is also its agenda listener, so the
 * sessions a rubric holds are no more than the evaluations that ran at once, none keeps a listener, and the heap
 * after garbage collection does not grow between 10,000 and 50,000 evaluations.
 */
class LongRunMemoryTest {

    /** Growth of the used heap, after collection, allowed between 10,000 and 50,000 evaluations. */
    private static final long MARGIN = 8L << 20;

    @Test
    void theHeapStaysFlatBetweenTenThousandAndFiftyThousandEvaluations() throws InterruptedException {
        // given a rubric, a thousand kitchens, and the first 10,000 evaluations done
        Rubric rubric = Rubrics.load("classpath:rubrics/hygiene");
        List<Subject> kitchens = ParallelDeterminismTest.kitchens(rubric, 1_000, 11L);
        long bytes = evaluate(rubric, kitchens, 0, 10_000);
        long after10k = usedHeapAfterCollection();
        int sessions = sessions(rubric).size();

        // when 40,000 more run
        bytes += evaluate(rubric, kitchens, 10_000, 50_000);
        long after50k = usedHeapAfterCollection();

        // then the heap has not grown beyond a small margin, and the rubric holds no session
        System.out.printf("memory: used heap after GC %,d KB at 10,000 evaluations, %,d KB at 50,000 (%,d MB of results written)%n",
                after10k >> 10, after50k >> 10, bytes >> 20);
        assertThat(after50k - after10k).as("heap growth in bytes from 10,000 to 50,000 evaluations").isLessThan(MARGIN);
        assertThat(sessions(rubric)).as("sessions the rubric holds (its pool, shared with other tests of this JVM)").hasSize(sessions);
        assertNoSheetListens(rubric);
    }

    @Test
    void anEvaluationThatFailsLeavesNoSessionBehindEither(@TempDir Path dir) {
        // given a rule that throws for every task
        Rubric rubric = RubricFolder.at(dir).manifest("""
                id: failing
                categories:
                  - { id: work, name: Work, max: 10 }
                grades:
                  - { id: done }
                """).file("work.drl", """
                package rubrics.failing;
                global dev.rubric.api.ScoreSheet score;
                declare Task
                  id : String
                end
                rule "W1" @id("W1") @category("work")
                when $t : Task()
                then throw new IllegalStateException("no " + $t.getId());
                end
                """).load();
        Object task = rubric.newFact("Task", Map.of("id", "T1"));

        // when it fails a thousand times
        for (int i = 0; i < 1_000; i++) {
            assertThatThrownBy(() -> rubric.evaluate(Subject.of("S", "s", task))).isInstanceOf(EvaluationException.class);
        }

        // then no session is left open but the pool's one
        assertThat(sessions(rubric)).hasSizeLessThanOrEqualTo(1);
        assertNoSheetListens(rubric);
    }

    /** The sessions a rubric's compiled rules hold: the pool's idle ones, and any an evaluation forgot. */
    static java.util.Collection<? extends org.kie.api.runtime.KieSession> sessions(Rubric rubric) {
        return ((LoadedRubric) rubric).compiled().kieBase().getKieSessions();
    }

    /** No score sheet still listens on a session the rubric holds. */
    static void assertNoSheetListens(Rubric rubric) {
        assertThat(sessions(rubric)).allSatisfy(s -> assertThat(s.getAgendaEventListeners()).as("score sheets still listening").isEmpty());
    }

    private static long evaluate(Rubric rubric, List<Subject> kitchens, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            bytes += ResultJson.toJson(rubric.info(), rubric.evaluate(kitchens.get(i % kitchens.size()))).length();
        }
        return bytes;
    }

    /** The used heap after full collections, the least of three readings (a collection may still be finishing). */
    private static long usedHeapAfterCollection() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}

package dev.rubric.engine;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Determinism at volume: a pool of threads evaluating one shared rubric for different subjects gives, evaluation for
 * evaluation, exactly the bytes of the sequential result. {@link ConcurrentEvaluationTest} shows it for a few hundred
 * evaluations under heavy contention; this one counts: 100,000 evaluations on 4 threads.
 *
 * <pre>{@code
 * mvn -B test -pl engine -Dtest=ParallelDeterminismTest                                   # 100,000 evaluations
 * mvn -B test -pl engine -Dtest=ParallelDeterminismTest -Drubric.determinism.evaluations=1000000
 * }</pre>
 */
class ParallelDeterminismTest {

    /** The system property that sets how many evaluations are compared. */
    static final String EVALUATIONS = "rubric.determinism.evaluations";
    private static final int THREADS = 4;
    private static final int SUBJECTS = 2_000;

    /** Kitchens with 0 to 6 findings (some with many decimals), awards and now and then an incident; the same every run. */
    static List<Subject> kitchens(Rubric rubric, int count, long seed) {
        Random random = new Random(seed);
        List<Subject> subjects = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            List<Object> facts = new ArrayList<>();
            int findings = random.nextInt(7);
            for (int f = 0; f < findings; f++) {
                facts.add(rubric.newFact("Finding", Map.of("id", "F-" + k + "-" + f, "area", random.nextBoolean() ? "hygiene" : "structure",
                        "points", BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(5)))));
            }
            if (random.nextInt(3) == 0) {
                facts.add(rubric.newFact("Award", Map.of("id", "AW-" + k, "level", 1 + random.nextInt(3))));
            }
            if (random.nextInt(12) == 0) {
                facts.add(rubric.newFact("Incident", Map.of("id", "IN-" + k)));
            }
            subjects.add(new Subject(String.format("K%05d", k), "Kitchen " + k, facts));
        }
        return subjects;
    }

    @Test
    void aHundredThousandEvaluationsOnFourThreadsAreByteForByteTheSequentialResults() throws Exception {
        // given one rubric, two thousand kitchens, and each kitchen's result evaluated alone, one after another
        int evaluations = Integer.getInteger(EVALUATIONS, 100_000);
        Rubric rubric = Rubrics.load("classpath:rubrics/hygiene");
        List<Subject> kitchens = kitchens(rubric, SUBJECTS, 20260601L);
        byte[][] sequential = new byte[SUBJECTS][];
        for (int k = 0; k < SUBJECTS; k++) {
            sequential[k] = ResultJson.toJson(rubric.info(), rubric.evaluate(kitchens.get(k))).getBytes(StandardCharsets.UTF_8);
        }

        int sessionsBefore = LongRunMemoryTest.sessions(rubric).size();

        // when four threads share the evaluations, each taking the next kitchen in a scrambled order
        AtomicInteger next = new AtomicInteger();
        AtomicLong compared = new AtomicLong();
        List<String> differences = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < evaluations; i = next.getAndIncrement()) {
                        int k = (int) ((i * 7919L) % SUBJECTS); // consecutive evaluations land on different kitchens
                        byte[] bytes = ResultJson.toJson(rubric.info(), rubric.evaluate(kitchens.get(k))).getBytes(StandardCharsets.UTF_8);
                        if (!Arrays.equals(bytes, sequential[k]) && differences.size() < 5) {
                            differences.add(kitchens.get(k).id() + ":\n" + new String(bytes, StandardCharsets.UTF_8));
                        }
                        compared.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        // then every one of them is the sequential result, byte for byte
        System.out.printf("determinism: %,d evaluations on %d threads compared byte for byte with the sequential results in %,d ms%n",
                compared.get(), THREADS, millis);
        assertThat(differences).as("results that differ from the sequential one").isEmpty();
        assertThat(compared.get()).isEqualTo(evaluations);
        assertThat(LongRunMemoryTest.sessions(rubric)).as("sessions held after the run: at most one per thread, or what the pool held before")
                .hasSizeLessThanOrEqualTo(Math.max(sessionsBefore, THREADS + 1));
        LongRunMemoryTest.assertNoSheetListens(rubric);
    }
}

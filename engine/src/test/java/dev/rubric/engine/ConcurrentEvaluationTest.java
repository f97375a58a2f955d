package dev.rubric.engine;

import dev.rubric.api.Evaluation;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loaded rubric is shared between threads: every evaluation runs in a session and on a score sheet
 * of its own, so no result leaks into another.
 */
class ConcurrentEvaluationTest {

    private static final int THREADS = 16;
    private static final int SUBJECTS = 240;

    /** Kitchens with 0 to 5 findings, awards and sometimes an incident, the same for every run. */
    private static List<Subject> kitchens(Rubric rubric) {
        Random random = new Random(20260601L);
        List<Subject> subjects = new ArrayList<>();
        for (int k = 0; k < SUBJECTS; k++) {
            List<Object> facts = new ArrayList<>();
            int findings = random.nextInt(6);
            for (int f = 0; f < findings; f++) {
                facts.add(rubric.newFact("Finding", Map.of("id", "F-" + k + "-" + f, "area", random.nextBoolean() ? "hygiene" : "structure",
                        "points", BigDecimal.valueOf(random.nextInt(80), 1))));
            }
            if (random.nextInt(3) == 0) {
                facts.add(rubric.newFact("Award", Map.of("id", "AW-" + k, "level", 1 + random.nextInt(3))));
            }
            if (random.nextInt(10) == 0) {
                facts.add(rubric.newFact("Incident", Map.of("id", "IN-" + k)));
            }
            subjects.add(new Subject(String.format("K%03d", k), "Kitchen " + k, facts));
        }
        return subjects;
    }

    private static String json(RubricInfo info, Evaluation e) {
        return ResultJson.toJson(info, e);
    }

    @Test
    void manyThreadsEvaluatingOneRubricGetExactlyTheSequentialResults() throws Exception {
        // given one rubric and the results of evaluating every kitchen one after another
        Rubric rubric = Rubrics.load("classpath:rubrics/hygiene");
        List<Subject> kitchens = kitchens(rubric);
        Map<String, String> sequential = new LinkedHashMap<>();
        for (Subject s : kitchens) {
            sequential.put(s.id(), json(rubric.info(), rubric.evaluate(s)));
        }

        // when 16 threads evaluate them all, three times over in shuffled orders, starting together
        Map<String, List<String>> concurrent = new ConcurrentHashMap<>();
        List<Subject> work = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<Subject> shuffled = new ArrayList<>(kitchens);
            Collections.shuffle(shuffled, new Random(round));
            work.addAll(shuffled);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Subject s : work) {
                futures.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    concurrent.computeIfAbsent(s.id(), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(json(rubric.info(), rubric.evaluate(s)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        // then every concurrent result is byte for byte the sequential one
        assertThat(concurrent).hasSize(SUBJECTS);
        for (Subject s : kitchens) {
            assertThat(concurrent.get(s.id())).as("results of %s", s.id()).hasSize(3).containsOnly(sequential.get(s.id()));
        }
    }

    @Test
    void cohortsEvaluatedConcurrentlyGiveTheSameDocument() throws Exception {
        // given
        Rubric rubric = Rubrics.load("classpath:rubrics/hygiene");
        List<Subject> kitchens = kitchens(rubric).subList(0, 40);
        String expected = ResultJson.toJson(rubric.evaluateCohort(kitchens));

        // when
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> ResultJson.toJson(rubric.evaluateCohort(kitchens))));
            }

            // then
            for (Future<String> f : futures) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loadingOneRubricFromManyThreadsGivesOneDigest() throws Exception {
        // when
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> Rubrics.load("classpath:rubrics/fhrs").info().digest()));
            }

            // then
            String digest = Rubrics.load("classpath:rubrics/fhrs").info().digest();
            for (Future<String> f : futures) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(digest);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

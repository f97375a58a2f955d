package dev.rubric.engine;

import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service reloads a rubric while it evaluates: one thread keeps compiling new versions and swapping them into an
 * {@link AtomicReference}, others keep evaluating with whatever version they find there. Every result is entirely
 * one version's — its rubric info, its items, its total — never old rules beside new ones.
 */
class RubricReloadTest {

    private static final String MANIFEST = """
            id: reload
            name: Reload
            version: "%d"
            categories:
              - { id: targets, name: Targets, max: 10 }
            grades:
              - { id: good, min: 8 }
              - { id: poor }
            """;

    /** Version 1: a late task costs 1, an open task 0.5. */
    private static final String V1 = """
            package rubrics.reload;
            import dev.rubric.model.TargetTask;
            global dev.rubric.api.ScoreSheet score;
            rule "A1 late task" @id("A1") @category("targets")
            when $t : TargetTask( completedOn != null, completedOn > deadline )
            then score.deduct(1, "v1: task " + $t.id() + " was late", $t);
            end
            rule "A2 open task" @id("A2") @category("targets")
            when $t : TargetTask( completedOn == null )
            then score.deduct(0.5, "v1: task " + $t.id() + " is open", $t);
            end
            """;

    /** Version 2: a late task costs 2, a task without owner 1; open tasks cost nothing. */
    private static final String V2 = """
            package rubrics.reload;
            import dev.rubric.model.TargetTask;
            global dev.rubric.api.ScoreSheet score;
            rule "A1 late task" @id("A1") @category("targets")
            when $t : TargetTask( completedOn != null, completedOn > deadline )
            then score.deduct(2, "v2: task " + $t.id() + " was late", $t);
            end
            rule "A3 no owner" @id("A3") @category("targets")
            when $t : TargetTask( responsible == null )
            then score.deduct(1, "v2: task " + $t.id() + " has no owner", $t);
            end
            """;

    private static final int SWAPS = 24;

    static List<Subject> departments(int count) {
        Random random = new Random(7);
        List<Subject> subjects = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            List<Object> tasks = new ArrayList<>();
            for (int t = 0; t < random.nextInt(5); t++) {
                LocalDate deadline = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
                boolean done = random.nextBoolean();
                tasks.add(new TargetTask("T-" + d + "-" + t, "task " + t, random.nextBoolean() ? "王芳" : null, deadline,
                        done ? deadline.plusDays(random.nextInt(20) - 10) : null, done ? TaskStatus.COMPLETED : TaskStatus.IN_PROGRESS));
            }
            subjects.add(new Subject("D" + d, "Department " + d, tasks));
        }
        return subjects;
    }

    /** A result as JSON without its digest: each reload compiles the same rules under a new digest. */
    private static String withoutDigest(String json) {
        return json.replaceAll("\"digest\"\\s*:\\s*\"sha256:[0-9a-f]+\"", "\"digest\":\"…\"");
    }

    private static Rubric load(Path dir, int version, int reload) {
        // a comment of its own makes each reload new content: compiled anew, not taken from the cache
        return RubricFolder.at(dir.resolve("v" + version + "-" + reload)).manifest(MANIFEST.formatted(version))
                .file("targets.drl", (version == 1 ? V1 : V2) + "// reload " + reload + "\n").load();
    }

    @Test
    void aRubricReplacedWhileEvaluationsRunNeverMixesOldAndNewRulesInOneResult(@TempDir Path dir) throws Exception {
        // given each department's result under version 1 and under version 2, evaluated alone
        List<Subject> departments = departments(300);
        Rubric v1 = load(dir, 1, 0);
        Rubric v2 = load(dir, 2, 0);
        Map<String, String> expected1 = new ConcurrentHashMap<>();
        Map<String, String> expected2 = new ConcurrentHashMap<>();
        for (Subject s : departments) {
            expected1.put(s.id(), withoutDigest(ResultJson.toJson(v1.info(), v1.evaluate(s))));
            expected2.put(s.id(), withoutDigest(ResultJson.toJson(v2.info(), v2.evaluate(s))));
        }
        assertThat(expected1).isNotEqualTo(expected2);

        // when one thread reloads the rubric, alternating versions, while three threads evaluate with the current one
        AtomicReference<Rubric> current = new AtomicReference<>(v1);
        Map<String, Integer> versionOfDigest = new ConcurrentHashMap<>(Map.of(v1.info().digest(), 1, v2.info().digest(), 2));
        AtomicBoolean reloading = new AtomicBoolean(true);
        AtomicLong evaluations = new AtomicLong();
        AtomicInteger[] byVersion = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        List<String> mixed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> reloader = pool.submit(() -> {
                for (int reload = 1; reload <= SWAPS; reload++) {
                    int version = reload % 2 == 0 ? 1 : 2;
                    Rubric next = load(dir, version, reload);
                    versionOfDigest.put(next.info().digest(), version);
                    current.set(next);
                }
                reloading.set(false);
                return null;
            });
            List<Future<?>> evaluators = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int offset = t;
                evaluators.add(pool.submit(() -> {
                    for (int i = offset; reloading.get() || i < 3_000; i += 3) {
                        Subject s = departments.get(i % departments.size());
                        Rubric rubric = current.get();
                        String json = ResultJson.toJson(rubric.info(), rubric.evaluate(s));
                        int version = versionOfDigest.get(rubric.info().digest());
                        String want = (version == 1 ? expected1 : expected2).get(s.id());
                        if (!withoutDigest(json).equals(want) && mixed.size() < 3) {
                            mixed.add("version " + version + " for " + s.id() + ":\n" + json);
                        }
                        byVersion[version].incrementAndGet();
                        evaluations.incrementAndGet();
                    }
                    return null;
                }));
            }
            reloader.get(5, TimeUnit.MINUTES);
            for (Future<?> e : evaluators) {
                e.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        // then every result is exactly its version's result, and both versions were in use
        System.out.printf("reload: %d reloads while %,d evaluations ran (%,d under version 1, %,d under version 2)%n",
                SWAPS, evaluations.get(), byVersion[1].get(), byVersion[2].get());
        assertThat(mixed).as("results that are not exactly one version's").isEmpty();
        assertThat(byVersion[1].get()).isPositive();
        assertThat(byVersion[2].get()).isPositive();
    }
}

package dev.rubric.engine.fuzz;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricException;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.engine.DroolsRubricLoader;
import dev.rubric.engine.internal.json.ResultJson;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Mutants of a valid rubric and facts file — tokens deleted, duplicated, swapped or retyped, files cut short,
 * bytes that are not UTF-8 — either load, read and evaluate to valid results, or fail with one of the library's
 * documented exceptions ({@link RubricException} and its subclasses, each with its problems). Never another
 * exception, never a hang.
 *
 * <p>The base is the kitchen-hygiene rubric of the engine's tests (three categories, an {@code @max}, a veto, a
 * grading rule, a quota) and its four-kitchen cohort. Each property runs a few hundred mutants in
 * {@code mvn verify}; ask for more with {@code -Drubric.fuzz.tries=N} (see {@link FuzzBudget}).
 */
@AddLifecycleHook(FuzzBudget.class)
class MutatedInputsFuzzTest {

    /** How long one mutant may take to load, read and evaluate before it counts as a hang. */
    private static final Duration BOUND = Duration.ofSeconds(30);
    /** Tight limits, so a mutant that loops is stopped quickly by the engine itself. */
    private static final LoadOptions OPTIONS = LoadOptions.restricted().withFiringLimit(10_000).withTimeLimit(Duration.ofSeconds(2));

    private static final String MANIFEST = resource("rubrics/hygiene/rubric.yaml");
    private static final String RULES = resource("rubrics/hygiene/hygiene.drl");
    private static final String FACTS = resource("facts/hygiene-cohort.json");

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    });
    private static final Path WORK = tempDir();

    @Provide
    Arbitrary<Mutation> mutations() {
        return Mutation.mutations();
    }

    @Provide
    Arbitrary<Mutation> valueChanges() {
        return Mutation.valueChanges();
    }

    @Property(tries = 250)
    void aMutatedManifestGivesAValidResultOrADocumentedError(@ForAll("mutations") Mutation mutation) {
        String outcome = outcome(mutation.apply(MANIFEST), utf8(RULES), utf8(FACTS), () -> mutation.describe(MANIFEST));
        Statistics.collect(outcome);
    }

    @Property(tries = 250)
    void aMutatedRuleFileGivesAValidResultOrADocumentedError(@ForAll("mutations") Mutation mutation) {
        String outcome = outcome(utf8(MANIFEST), mutation.apply(RULES), utf8(FACTS), () -> mutation.describe(RULES));
        Statistics.collect(outcome);
    }

    @Property(tries = 250)
    void aMutatedFactsFileGivesAValidResultOrADocumentedError(@ForAll("mutations") Mutation mutation) {
        String outcome = outcome(utf8(MANIFEST), utf8(RULES), mutation.apply(FACTS), () -> mutation.describe(FACTS));
        Statistics.collect(outcome);
    }

    @Property(tries = 300)
    void aFactsFileWithValuesOfOtherTypesGivesAValidResultOrADocumentedError(@ForAll("valueChanges") Mutation mutation) {
        String outcome = outcome(utf8(MANIFEST), utf8(RULES), mutation.apply(FACTS), () -> mutation.describe(FACTS));
        Statistics.collect(outcome);
    }

    /**
     * Loads, reads and evaluates on a worker thread, within {@link #BOUND}; returns the outcome's class: "valid result"
     * or the simple name of the documented exception. Anything else fails the property with the mutant's text.
     */
    private static String outcome(byte[] manifest, byte[] rules, byte[] facts, java.util.function.Supplier<String> mutant) {
        Future<String> run = WORKER.submit(() -> {
            try {
                Path dir = Files.createTempDirectory(WORK, "case");
                Files.write(dir.resolve("rubric.yaml"), manifest);
                Files.write(dir.resolve("hygiene.drl"), rules);
                Rubric rubric = new DroolsRubricLoader().load(dir, OPTIONS);
                List<Subject> subjects = rubric.readFacts(new ByteArrayInputStream(facts), "facts.json").subjects();
                CohortResult cohort = rubric.evaluateCohort(subjects);
                for (Evaluation e : cohort.results()) {
                    BigDecimal sum = e.items().stream().map(ScoreItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(e.base().add(sum)).as("base + items of %s", e.subject().id()).isEqualByComparingTo(e.total());
                }
                assertThat(ResultJson.toJson(cohort)).startsWith("{");
                return "valid result";
            } catch (RubricException e) {
                assertThat(e.problems()).as("problems of %s", e).isNotEmpty();
                assertThat(e.problems()).extracting(Problem::message).allSatisfy(m -> assertThat(m).isNotBlank());
                return e.getClass().getSimpleName();
            }
        });
        try {
            return run.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return fail("no outcome within %s (a hang) for the mutant:%n%s", BOUND, mutant.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError a) {
                throw new AssertionError(a.getMessage() + "\nfor the mutant:\n" + mutant.get(), a);
            }
            throw new AssertionError("an undocumented " + cause.getClass().getName() + " for the mutant:\n" + mutant.get(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterContainer
    static void removeTheMutants() throws IOException {
        try (Stream<Path> files = Files.walk(WORK)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = MutatedInputsFuzzTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rubric-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

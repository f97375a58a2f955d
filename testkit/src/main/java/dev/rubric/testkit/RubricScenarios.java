package dev.rubric.testkit;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Numbers;
import dev.rubric.engine.internal.compile.RubricFiles;
import org.junit.jupiter.api.DynamicTest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * A rubric's scenario files as JUnit dynamic tests, one per scenario and named by it (its {@code name}
 * and file), so they appear in the test report; with a minimum coverage, a last test checks the rule coverage the scenarios reached.
 *
 * <pre>{@code
 * class PartyMassScenariosTest {
 *     @TestFactory
 *     Stream<DynamicTest> scenarios() {
 *         return RubricScenarios.of("classpath:rubrics/party-mass-efficiency").withMinCoverage(100).tests();
 *     }
 * }
 * }</pre>
 *
 * <p>The rubric loads restricted; {@link #withOptions(LoadOptions)} loads it as the application does, such as
 * {@code LoadOptions.restricted().allowing("org.example.canteen")} for a rubric over the application's own classes.
 */
public final class RubricScenarios {

    private final String location;
    private final BigDecimal minCoverage;
    private final LoadOptions options;

    private RubricScenarios(String location, BigDecimal minCoverage, LoadOptions options) {
        this.location = location;
        this.minCoverage = minCoverage;
        this.options = options;
    }

    /**
     * The scenarios of the rubric at {@code classpath:NAME} or a folder path, loaded restricted.
     *
     * @param location the rubric; never null
     * @return the scenarios, ready to run as {@link #tests()}
     */
    public static RubricScenarios of(String location) {
        return new RubricScenarios(java.util.Objects.requireNonNull(location, "location"), null, LoadOptions.restricted());
    }

    /**
     * Also fail when the scenarios' rule coverage is below {@code percent}.
     *
     * @param percent the least coverage, 0 to 100
     * @return the scenarios with the check
     */
    public RubricScenarios withMinCoverage(double percent) {
        return new RubricScenarios(location, BigDecimal.valueOf(percent), options);
    }

    /**
     * Loads the rubric with these options (trusted, or restricted with the application's packages allowed).
     *
     * @param loadOptions how the rubric is loaded; never null
     * @return the scenarios with the options
     */
    public RubricScenarios withOptions(LoadOptions loadOptions) {
        return new RubricScenarios(location, minCoverage, java.util.Objects.requireNonNull(loadOptions, "loadOptions"));
    }

    /**
     * One dynamic test per scenario file, then the coverage check when a minimum is set.
     *
     * @return the tests, each named by its scenario
     * @throws dev.rubric.api.InvalidRubricException when the rubric cannot be loaded
     */
    public Stream<DynamicTest> tests() {
        Rubric rubric = Rubrics.load(location, options);
        RubricFiles files = ScenarioRunner.filesOf(location);
        Coverage coverage = new Coverage(rubric.rules());
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : ScenarioRunner.scenarioFiles(files)) {
            String name = ScenarioReader.nameOf(file, files.read(file)) + " (" + file.substring(ScenarioRunner.FOLDER.length()) + ")";
            tests.add(dynamicTest(name, () -> {
                ScenarioResult r = ScenarioRunner.runOne(rubric, files, file, coverage);
                if (!r.passed()) {
                    throw new AssertionError("scenario [" + r.name() + "] (" + file + ") failed:\n" + String.join("\n", r.failures()));
                }
            }));
        }
        if (tests.isEmpty()) {
            tests.add(dynamicTest("scenarios", () -> {
                throw new AssertionError("rubric [" + location + "] has no scenario files under " + ScenarioRunner.FOLDER);
            }));
        }
        if (minCoverage != null) {
            tests.add(dynamicTest("rule coverage ≥ " + Numbers.plain(minCoverage) + "%", () -> {
                if (!coverage.meets(minCoverage)) {
                    throw new AssertionError("rule coverage is below " + Numbers.plain(minCoverage) + "%\n"
                            + coverage.report());
                }
            }));
        }
        return tests.stream();
    }
}

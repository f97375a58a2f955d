package dev.rubric.testkit;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.engine.compile.RubricFiles;
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
 */
public final class RubricScenarios {

    private final String location;
    private final BigDecimal minCoverage;

    private RubricScenarios(String location, BigDecimal minCoverage) {
        this.location = location;
        this.minCoverage = minCoverage;
    }

    /** The scenarios of the rubric at {@code classpath:NAME} or a folder path. */
    public static RubricScenarios of(String location) {
        return new RubricScenarios(location, null);
    }

    /** Also fail when the scenarios' rule coverage is below {@code percent}. */
    public RubricScenarios withMinCoverage(double percent) {
        return new RubricScenarios(location, BigDecimal.valueOf(percent));
    }

    /** One dynamic test per scenario file, then the coverage check when a minimum is set. */
    public Stream<DynamicTest> tests() {
        Rubric rubric = Rubrics.load(location);
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
            tests.add(dynamicTest("rule coverage ≥ " + minCoverage.stripTrailingZeros().toPlainString() + "%", () -> {
                if (!coverage.meets(minCoverage)) {
                    throw new AssertionError("rule coverage is below " + minCoverage.stripTrailingZeros().toPlainString() + "%\n"
                            + coverage.report());
                }
            }));
        }
        return tests.stream();
    }
}

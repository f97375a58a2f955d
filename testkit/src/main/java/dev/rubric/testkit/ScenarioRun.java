package dev.rubric.testkit;

import dev.rubric.api.Numbers;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of running a rubric's scenarios: each scenario's result and the rule coverage they reached.
 *
 * @param rubric   the rubric's location
 * @param results  one per scenario file, in file order
 * @param coverage the rule coverage of all scenarios together
 */
public record ScenarioRun(String rubric, List<ScenarioResult> results, Coverage coverage) {

    public ScenarioRun {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** Whether every scenario passed and coverage reaches {@code minCoverage} (null for no minimum). */
    public boolean succeeded(BigDecimal minCoverage) {
        return failed() == 0 && (minCoverage == null || coverage.meets(minCoverage));
    }

    /**
     * The report a person reads: each scenario's outcome, the diff of each failure, the coverage with every
     * uncovered rule, and the closing line {@code N passed, N failed}.
     */
    public String report(BigDecimal minCoverage) {
        StringBuilder b = new StringBuilder();
        for (ScenarioResult r : results) {
            b.append(r.passed() ? "PASS  " : "FAIL  ").append(r.name()).append("  (").append(r.file()).append(")\n");
            for (String f : r.failures()) {
                f.lines().forEach(l -> b.append("      ").append(l).append('\n'));
            }
        }
        b.append('\n').append(coverage.report());
        if (minCoverage != null && !coverage.meets(minCoverage)) {
            b.append("coverage ").append(Numbers.plain(coverage.percent())).append("% is below the minimum of ")
                    .append(Numbers.plain(minCoverage)).append("%\n");
        }
        b.append(passed()).append(" passed, ").append(failed()).append(" failed\n");
        return b.toString();
    }
}

package dev.rubric.testkit;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule coverage of a rubric's tests: for every rule, whether some evaluation made it fire and whether
 * some evaluation had it not fire.
 *
 * <p>A rule "fires" in an evaluation when it wrote at least one item on the score sheet (a rubric's rules
 * exist to do so). Each rule has two outcomes to cover, so the percentage is the covered outcomes over
 * twice the number of rules. Thread-safe: evaluations may be recorded from parallel tests.
 */
public final class Coverage {

    private final List<RubricRule> rules;
    private final Set<String> fired = new HashSet<>();
    private final Set<String> notFired = new HashSet<>();
    private int evaluations;

    /** Coverage of the given rules, with nothing recorded yet. */
    public Coverage(List<RubricRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Records one evaluation. */
    public synchronized void record(Evaluation e) {
        evaluations++;
        Set<String> here = new HashSet<>();
        for (ScoreItem i : e.items()) {
            if (i.rule() != null) {
                here.add(i.rule());
            }
        }
        for (RubricRule r : rules) {
            (here.contains(r.id()) ? fired : notFired).add(r.id());
        }
    }

    /** Records every evaluation of a cohort. */
    public void record(CohortResult result) {
        result.results().forEach(this::record);
    }

    /** How many evaluations were recorded. */
    public synchronized int evaluations() {
        return evaluations;
    }

    /** Covered outcomes as a percentage of all outcomes (two per rule), rounded down to one decimal. */
    public synchronized BigDecimal percent() {
        if (rules.isEmpty()) {
            return BigDecimal.valueOf(100);
        }
        long covered = rules.stream().filter(r -> fired.contains(r.id())).count()
                + rules.stream().filter(r -> notFired.contains(r.id())).count();
        return BigDecimal.valueOf(covered * 100).divide(BigDecimal.valueOf(2L * rules.size()), 1, RoundingMode.DOWN).stripTrailingZeros();
    }

    /** The rules with an outcome no evaluation produced, each with what is missing. */
    public synchronized Map<RubricRule, String> uncovered() {
        Map<RubricRule, String> missing = new LinkedHashMap<>();
        for (RubricRule r : rules) {
            boolean f = fired.contains(r.id());
            boolean n = notFired.contains(r.id());
            if (!f && !n) {
                missing.put(r, "never evaluated");
            } else if (!f) {
                missing.put(r, "never fired");
            } else if (!n) {
                missing.put(r, "always fired (no test where it does not)");
            }
        }
        return missing;
    }

    /** Whether the percentage reaches {@code minimum}. */
    public boolean meets(BigDecimal minimum) {
        return percent().compareTo(minimum) >= 0;
    }

    /** A report: the percentage, then each uncovered rule with its {@code file:line}. */
    public String report() {
        StringBuilder b = new StringBuilder();
        Map<RubricRule, String> missing = uncovered();
        b.append("rule coverage: ").append(Numbers.plain(percent())).append("% of ").append(rules.size() * 2)
                .append(" outcomes (").append(rules.size()).append(" rules fired and not fired) over ").append(evaluations())
                .append(evaluations() == 1 ? " evaluation" : " evaluations").append('\n');
        List<String> lines = new ArrayList<>();
        missing.forEach((r, why) -> lines.add("  " + r.id() + "  " + r.source() + "  " + why));
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}

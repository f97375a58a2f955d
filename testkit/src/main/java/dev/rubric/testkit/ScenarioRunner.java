package dev.rubric.testkit;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricException;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.api.Numbers;
import dev.rubric.engine.internal.compile.RubricFiles;
import dev.rubric.engine.internal.report.TextReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Runs the scenario files of a rubric ({@code scenarios/*.yaml}) and measures the rule coverage they reach. */
public final class ScenarioRunner {

    /** Where scenarios live inside a rubric folder. */
    public static final String FOLDER = "scenarios/";

    private ScenarioRunner() {
    }

    /**
     * Loads a rubric and runs its scenarios.
     *
     * @param location {@code classpath:NAME} or a folder path
     * @throws dev.rubric.api.InvalidRubricException when the rubric itself cannot be loaded
     */
    public static ScenarioRun run(String location) {
        return run(location, LoadOptions.restricted());
    }

    /**
     * Loads a rubric with the given options and runs its scenarios.
     *
     * @throws dev.rubric.api.InvalidRubricException when the rubric itself cannot be loaded
     */
    public static ScenarioRun run(String location, LoadOptions options) {
        Rubric rubric = Rubrics.load(location, options);
        RubricFiles files = filesOf(location);
        Coverage coverage = new Coverage(rubric.rules());
        List<ScenarioResult> results = new ArrayList<>();
        for (String file : scenarioFiles(files)) {
            results.add(runOne(rubric, files, file, coverage));
        }
        return new ScenarioRun(location, results, coverage);
    }

    /** The scenario files of a rubric, without running them. */
    public static List<String> scenarioFiles(String location) {
        return scenarioFiles(filesOf(location));
    }

    static List<String> scenarioFiles(RubricFiles files) {
        return files.list(".yaml").stream().filter(f -> f.startsWith(FOLDER)).toList();
    }

    /** The files of a rubric folder, looked up where {@link Rubrics#load(String)} looks for it. */
    static RubricFiles filesOf(String location) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        RubricFiles files = RubricFiles.at(location, context != null ? context : ScenarioRunner.class.getClassLoader());
        if (files == null) {
            throw new IllegalArgumentException("rubric [" + location + "] is not on the classpath");
        }
        return files;
    }

    static ScenarioResult runOne(Rubric rubric, RubricFiles files, String file, Coverage coverage) {
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(rubric, file, files.read(file), files::read);
        } catch (RubricException e) {
            return new ScenarioResult(file, file, e.problems().stream().map(Object::toString).toList());
        }
        try {
            Map<String, Evaluation> results = new LinkedHashMap<>();
            if (scenario.subjects().size() == 1) {
                Subject s = scenario.subjects().get(0);
                Evaluation e = rubric.evaluate(s, scenario.periodOrUnbounded());
                coverage.record(e);
                results.put(s.id(), e);
            } else {
                CohortResult cohort = rubric.evaluateCohort(scenario.subjects(), scenario.periodOrUnbounded());
                coverage.record(cohort);
                cohort.results().forEach(e -> results.put(e.subject().id(), e));
            }
            List<String> failures = new ArrayList<>();
            scenario.expected().forEach((id, expectation) -> check(id, expectation, results.get(id), failures, results.size() > 1));
            return new ScenarioResult(file, scenario.name(), failures);
        } catch (RubricException e) {
            return new ScenarioResult(file, scenario.name(), List.of(e.getMessage()));
        }
    }

    private static void check(String id, Scenario.Expectation x, Evaluation e, List<String> failures, boolean cohort) {
        List<String> mismatches = new ArrayList<>();
        String who = cohort ? "[" + id + "] " : "";
        if (x.total() != null && x.total().compareTo(e.total()) != 0) {
            mismatches.add(who + "total: expected " + plain(x.total()) + ", actual " + plain(e.total()));
        }
        if (x.gradeGiven() && !Objects.equals(x.grade(), e.grade())) {
            mismatches.add(who + "grade: expected " + (x.grade() == null ? "none" : x.grade()) + ", actual " + (e.grade() == null ? "none" : e.grade()));
        }
        if (x.vetoed() != null && x.vetoed() != e.vetoed()) {
            mismatches.add(who + "vetoed: expected " + x.vetoed() + ", actual " + e.vetoed());
        }
        if (x.rank() != null && !Objects.equals(x.rank(), e.rank())) {
            mismatches.add(who + "rank: expected " + x.rank() + ", actual " + e.rank());
        }
        Map<String, BigDecimal> actual = netByRule(e);
        boolean itemsWrong = false;
        for (Map.Entry<String, BigDecimal> want : x.items().entrySet()) {
            BigDecimal got = actual.get(want.getKey());
            if (got == null || (want.getValue() != null && want.getValue().compareTo(got) != 0)) {
                itemsWrong = true;
            }
        }
        for (String rule : x.absent()) {
            if (actual.containsKey(rule)) {
                itemsWrong = true;
            }
        }
        if (itemsWrong) {
            mismatches.add(who + "items differ:\n" + itemDiff(x, actual));
        }
        if (!mismatches.isEmpty()) {
            failures.addAll(mismatches);
            failures.add(TextReport.explain(e).stripTrailing());
        }
    }

    /** Each rule's net points in a result (a rule whose items net to zero, such as a veto, is present with 0). */
    static Map<String, BigDecimal> netByRule(Evaluation e) {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        for (ScoreItem i : e.items()) {
            if (i.rule() != null && i.kind() != ItemKind.QUOTA) {
                net.merge(i.rule(), i.points(), BigDecimal::add);
            }
        }
        return net;
    }

    private static String itemDiff(Scenario.Expectation x, Map<String, BigDecimal> actual) {
        TreeSet<String> rules = new TreeSet<>(actual.keySet());
        rules.addAll(x.items().keySet());
        rules.addAll(x.absent());
        StringBuilder b = new StringBuilder(String.format("  %-8s %-10s %s%n", "rule", "expected", "actual"));
        for (String r : rules) {
            String expected = x.items().containsKey(r) ? (x.items().get(r) == null ? "any" : plain(x.items().get(r)))
                    : x.absent().contains(r) ? "absent" : "-";
            String got = actual.containsKey(r) ? plain(actual.get(r)) : "absent";
            boolean ok = expected.equals("-") || expected.equals(got) || (expected.equals("any") && !got.equals("absent"));
            b.append(String.format("  %-8s %-10s %-10s %s", r, expected, got, ok ? "" : "<-- differs").stripTrailing()).append('\n');
        }
        return b.toString().stripTrailing();
    }

    private static String plain(BigDecimal n) {
        return Numbers.plain(n); // one way to write a number: contract §6
    }
}

package dev.rubric.testkit;

import dev.rubric.api.Numbers;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Manifest;
import dev.rubric.api.Period;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.compile.RubricFiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Compares two versions of a rubric: each subject's outcome, the rules of their indexes and their manifests. */
final class RubricComparison {

    private RubricComparison() {
    }

    /**
     * Evaluates both cohorts and compares them subject by subject; rule bodies are compared from the files where
     * both versions' files are given, from the indexes alone where they are null.
     */
    static RubricDiff compare(Rubric before, Rubric after, List<Subject> cohortBefore, List<Subject> cohortAfter,
                              Period period, RubricFiles beforeFiles, RubricFiles afterFiles) {
        CohortResult old = before.evaluateCohort(cohortBefore, period);
        CohortResult neu = after.evaluateCohort(cohortAfter, period);
        return new RubricDiff(before.info(), after.info(), subjectChanges(old, neu),
                ruleChanges(before.rules(), after.rules(), beforeFiles, afterFiles),
                manifestChanges(before.manifest(), after.manifest()));
    }

    /** Each subject of the new results, in their order, with the old result of the same id. */
    static List<RubricDiff.SubjectChange> subjectChanges(CohortResult old, CohortResult neu) {
        Map<String, Evaluation> oldById = new LinkedHashMap<>();
        old.results().forEach(e -> oldById.put(e.subject().id(), e));
        List<RubricDiff.SubjectChange> subjects = new ArrayList<>();
        for (Evaluation a : neu.results()) {
            Evaluation b = oldById.get(a.subject().id());
            Map<String, BigDecimal> nb = ScenarioRunner.netByRule(b);
            Map<String, BigDecimal> na = ScenarioRunner.netByRule(a);
            TreeSet<String> ids = new TreeSet<>(nb.keySet());
            ids.addAll(na.keySet());
            List<RubricDiff.ItemChange> items = new ArrayList<>();
            for (String id : ids) {
                BigDecimal x = nb.get(id);
                BigDecimal y = na.get(id);
                if (x == null || y == null || x.compareTo(y) != 0) {
                    items.add(new RubricDiff.ItemChange(id, x, y));
                }
            }
            subjects.add(new RubricDiff.SubjectChange(a.subject(), b.total(), a.total(), b.grade(), a.grade(), b.rank(), a.rank(),
                    b.vetoed(), a.vetoed(), items));
        }
        return subjects;
    }

    /** Rules removed, added and changed (category, cap, effect, name, and body or table row where files are given). */
    static List<RubricDiff.RuleChange> ruleChanges(List<RubricRule> before, List<RubricRule> after, RubricFiles beforeFiles,
                                                   RubricFiles afterFiles) {
        Map<String, RubricRule> old = new LinkedHashMap<>();
        before.forEach(r -> old.put(r.id(), r));
        Map<String, RubricRule> neu = new LinkedHashMap<>();
        after.forEach(r -> neu.put(r.id(), r));
        List<RubricDiff.RuleChange> changes = new ArrayList<>();
        for (RubricRule r : old.values()) {
            if (!neu.containsKey(r.id())) {
                changes.add(new RubricDiff.RuleChange(r.id(), RubricDiff.RuleChange.Kind.REMOVED, r.name() + " (was " + r.source() + ")"));
            }
        }
        for (RubricRule r : neu.values()) {
            RubricRule o = old.get(r.id());
            if (o == null) {
                changes.add(new RubricDiff.RuleChange(r.id(), RubricDiff.RuleChange.Kind.ADDED, r.name() + " at " + r.source()));
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!Objects.equals(o.category(), r.category())) {
                what.add("category " + o.category() + " -> " + r.category());
            }
            if (!same(o.max(), r.max())) {
                what.add("@max " + value(o.max(), "none") + " -> " + value(r.max(), "none"));
            }
            if (!Objects.equals(o.effect(), r.effect())) {
                what.add("@effect " + o.effect() + " -> " + r.effect());
            }
            if (!Objects.equals(o.name(), r.name())) {
                what.add("name \"" + o.name() + "\" -> \"" + r.name() + "\"");
            }
            if (beforeFiles != null && afterFiles != null) {
                what.addAll(RuleFileScan.changes(beforeFiles, o, afterFiles, r));
            }
            if (!what.isEmpty()) {
                changes.add(new RubricDiff.RuleChange(r.id(), RubricDiff.RuleChange.Kind.CHANGED, String.join("; ", what) + " (" + r.source() + ")"));
            }
        }
        return changes;
    }

    /**
     * The changes of the manifest that move scores, grades or ranks: each category's bounds and mode, each grade's
     * band and quota, the grades' order, the veto effect, which total is better and how ranks are given.
     */
    static List<RubricDiff.ManifestChange> manifestChanges(Manifest before, Manifest after) {
        List<RubricDiff.ManifestChange> changes = new ArrayList<>();
        Map<String, Manifest.Category> oldCategories = new LinkedHashMap<>();
        before.categories().forEach(c -> oldCategories.put(c.id(), c));
        for (Manifest.Category c : after.categories()) {
            Manifest.Category o = oldCategories.remove(c.id());
            if (o == null) {
                changes.add(new RubricDiff.ManifestChange("category " + c.id(), null, describe(c)));
                continue;
            }
            compare(changes, "category " + c.id() + " max", o.max(), c.max());
            compare(changes, "category " + c.id() + " min", o.min(), c.min());
            compare(changes, "category " + c.id() + " mode", o.mode(), c.mode());
        }
        oldCategories.values().forEach(c -> changes.add(new RubricDiff.ManifestChange("category " + c.id(), describe(c), null)));
        Map<String, Manifest.GradeBand> oldGrades = new LinkedHashMap<>();
        before.grades().forEach(g -> oldGrades.put(g.id(), g));
        for (Manifest.GradeBand g : after.grades()) {
            Manifest.GradeBand o = oldGrades.remove(g.id());
            if (o == null) {
                changes.add(new RubricDiff.ManifestChange("grade " + g.id(), null, describe(g)));
                continue;
            }
            compare(changes, "grade " + g.id() + " min", o.min(), g.min());
            compare(changes, "grade " + g.id() + " max", o.max(), g.max());
            compare(changes, "grade " + g.id() + " quota", o.quota(), g.quota());
        }
        oldGrades.values().forEach(g -> changes.add(new RubricDiff.ManifestChange("grade " + g.id(), describe(g), null)));
        List<String> oldOrder = before.grades().stream().map(Manifest.GradeBand::id).filter(id -> after.grade(id).isPresent()).toList();
        List<String> newOrder = after.grades().stream().map(Manifest.GradeBand::id).filter(id -> before.grade(id).isPresent()).toList();
        if (!oldOrder.equals(newOrder)) {
            changes.add(new RubricDiff.ManifestChange("grade order", String.join(", ", oldOrder), String.join(", ", newOrder)));
        }
        compare(changes, "veto effect", before.vetoEffect(), after.vetoEffect());
        compare(changes, "better", before.better(), after.better());
        compare(changes, "ranking vetoed", before.ranking().vetoed(), after.ranking().vetoed());
        if (!before.ranking().tieBreak().equals(after.ranking().tieBreak())) {
            changes.add(new RubricDiff.ManifestChange("ranking tieBreak", list(before.ranking().tieBreak()), list(after.ranking().tieBreak())));
        }
        return changes;
    }

    private static void compare(List<RubricDiff.ManifestChange> changes, String what, Object before, Object after) {
        boolean same = before instanceof BigDecimal a && after instanceof BigDecimal b ? a.compareTo(b) == 0 : Objects.equals(before, after);
        if (!same) {
            changes.add(new RubricDiff.ManifestChange(what, value(before, null), value(after, null)));
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** A manifest value as the report writes it: a number plain (contract §6), an enum in lower case. */
    private static String value(Object v, String none) {
        return v == null ? none : v instanceof BigDecimal n ? Numbers.plain(n)
                : v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : v.toString();
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? null : String.join(", ", ids);
    }

    private static String describe(Manifest.Category c) {
        return c.name() + ", " + value(c.mode(), null) + ", " + value(c.min(), "none") + " to " + value(c.max(), "none");
    }

    private static String describe(Manifest.GradeBand g) {
        String d = ((g.min() == null ? "" : "min " + value(g.min(), null)) + (g.max() == null ? "" : " max " + value(g.max(), null))
                + (g.quota() == null ? "" : " quota " + value(g.quota(), null))).strip();
        return d.isEmpty() ? "no bounds" : d;
    }
}

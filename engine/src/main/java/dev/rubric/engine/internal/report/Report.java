package dev.rubric.engine.internal.report;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the Markdown and HTML reports say alike: the title, the units by grade, an item's name. */
final class Report {

    private Report() {
    }

    /** The units of one grade, in rank order. */
    record GradeGroup(String grade, List<Evaluation> units) {
    }

    /** The title: the rubric's name, the period where one is named, and the word for a results notice. */
    static String title(RubricInfo r, String period, Labels l) {
        String name = r.name() != null ? r.name() : r.id();
        return (period == null ? "" : period) + name + l.notice();
    }

    /** Each grade of the manifest, best first, with its units in rank order; units with no grade last. */
    static List<GradeGroup> byGrade(CohortResult result, Manifest manifest, Labels l) {
        Map<String, List<Evaluation>> groups = new LinkedHashMap<>();
        for (Manifest.GradeBand band : manifest.grades()) {
            groups.put(band.id(), new ArrayList<>());
        }
        for (Evaluation e : result.results()) {
            groups.computeIfAbsent(e.grade() == null ? l.noGrade() : e.grade(), g -> new ArrayList<>()).add(e);
        }
        List<GradeGroup> list = new ArrayList<>();
        groups.forEach((g, units) -> list.add(new GradeGroup(g, units)));
        return list;
    }

    /** An item's name: its rule's name (which starts with its id), or what the arithmetic made it. */
    static String itemName(ScoreItem i, Labels l) {
        if (i.ruleName() != null) {
            String name = i.ruleName();
            return i.rule() != null && !name.startsWith(i.rule()) ? i.rule() + " " + name : name;
        }
        return i.kind() == ItemKind.CAP ? l.clampItem() : l.kind(i.kind());
    }

    /** The rules by id, to find an item's clause; empty when the report is rendered without the rubric's rules. */
    static Map<String, RubricRule> byId(Collection<RubricRule> rules) {
        Map<String, RubricRule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.putIfAbsent(r.id(), r));
        return byId;
    }

    /** The clause of an item's rule, or null when the rule has none or is not known. */
    static String clause(ScoreItem i, Map<String, RubricRule> rules) {
        RubricRule rule = i.rule() == null ? null : rules.get(i.rule());
        return rule == null ? null : rule.clause();
    }

    /** The rules the results cite whose clause the report shows, in order of first appearance, for the appendix of sources. */
    static List<RubricRule> cited(CohortResult result, Map<String, RubricRule> rules) {
        Map<String, RubricRule> cited = new LinkedHashMap<>();
        for (Evaluation e : result.results()) {
            for (ScoreItem i : e.items()) {
                RubricRule rule = i.rule() == null ? null : rules.get(i.rule());
                if (rule != null && rule.clause() != null) {
                    cited.putIfAbsent(rule.id(), rule);
                }
            }
        }
        return List.copyOf(cited.values());
    }
}

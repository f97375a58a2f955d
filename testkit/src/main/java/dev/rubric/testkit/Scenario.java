package dev.rubric.testkit;

import dev.rubric.api.Period;
import dev.rubric.api.Subject;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario file ({@code scenarios/*.yaml} in a rubric folder): facts and what the rubric should make of them.
 *
 * <pre>
 * name: 一项任务逾期完成扣1分
 * description: …              # optional, free text
 * background: well-run.json   # optional: a facts file beside the scenario holding one subject; its facts
 *                             # come first in every subject below (a department that loses no point, say)
 * facts:                      # contract §5: one subject, an array of them, or a file name beside the scenario
 *   id: D01
 *   facts:
 *     - { type: TargetTask, id: T-1, title: …, deadline: 2026-06-30, completedOn: 2026-07-10, status: COMPLETED }
 * period: 2026-Q3             # optional: 2026, 2026-Q3, 2026-H1 or 2026-01-01..2026-12-31 (contract §8)
 * expect:                     # for an array of subjects: a mapping from subject id to such expectations
 *   total: 99
 *   grade: 优秀               # ~ for no grade
 *   vetoed: false
 *   items: { A2: -1, A3: any }   # rule id to its net points, or any
 *   absent: [V1, V2]
 * </pre>
 *
 * @param file     the scenario's path in the rubric folder
 * @param name     its name (the file name when it gives none)
 * @param subjects the subjects its facts describe, each with the background's facts first
 * @param expected what is expected of each subject, by subject id
 * @param period   the period the subjects are scored for ({@code period: 2026-Q3}, or the facts file's), or null for none
 */
public record Scenario(String file, String name, List<Subject> subjects, Map<String, Expectation> expected, Period period) {

    /** Copies the collections: a scenario read once stays as read. */
    public Scenario {
        subjects = List.copyOf(subjects);
        expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    /** A scenario scored with no period named. */
    public Scenario(String file, String name, List<Subject> subjects, Map<String, Expectation> expected) {
        this(file, name, subjects, expected, null);
    }

    /** The period to evaluate with: the scenario's, or the unbounded one. */
    public Period periodOrUnbounded() {
        return period == null ? Period.unbounded() : period;
    }

    /**
     * What is expected of one subject; a null field is not checked.
     *
     * @param total  the total
     * @param grade  the grade; checked when {@code gradeGiven}
     * @param gradeGiven whether the scenario states a grade (a stated {@code ~} means no grade)
     * @param vetoed whether a veto applies
     * @param rank   the rank in the cohort
     * @param items  rule id to its net points, or to null for "any points"
     * @param absent rules that must make no item
     */
    public record Expectation(BigDecimal total, String grade, boolean gradeGiven, Boolean vetoed, Integer rank,
                              Map<String, BigDecimal> items, Set<String> absent) {

        /** Copies the collections, keeping their order; an item's null points stand for "any points". */
        public Expectation {
            items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
            absent = Collections.unmodifiableSet(new LinkedHashSet<>(absent));
        }
    }
}

package dev.rubric.testkit;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Rubric;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.Numbers;
import dev.rubric.engine.internal.text.Spelling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a subject's result would be with some of its facts removed or changed: the result again, as a difference
 * from the real one — items gained and lost, total, grade, and in a cohort the ranks and quota places of the
 * others that move with it.
 *
 * <pre>{@code
 * WhatIf.Outcome o = WhatIf.evaluate(rubric, cohort, true, "D05",
 *         List.of(WhatIf.Change.without("T-D05-03"), WhatIf.Change.set("K-D05-01", "actual", "96")));
 * System.out.print(o.report());
 * }</pre>
 *
 * <p>Works over the public {@link Rubric} interface only: the changed facts are made with
 * {@link Rubric#newFact}, as facts JSON would make them.
 *
 * @param before the subject's result as it is
 * @param after  its result with the changes
 * @param gained items the changed result has and the real one has not
 * @param lost   items the real result has and the changed one has not
 * @param others in a cohort, every other subject whose rank or grade moves; empty for a subject alone
 */
public record WhatIf(Evaluation before, Evaluation after, List<ScoreItem> gained, List<ScoreItem> lost, List<Standing> others) {

    public WhatIf {
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
        others = List.copyOf(others);
    }

    /**
     * One change of a subject's facts: a fact removed, or one property of a fact set to a new value.
     *
     * @param factId   the {@code id} of the fact; never null
     * @param property the property to set, or null to remove the fact
     * @param value    the new value as facts JSON would give it (text for dates and enums, a number, true, false), or null
     */
    public record Change(String factId, String property, Object value) {

        public Change {
            Objects.requireNonNull(factId, "factId");
        }

        /** Removes every fact with this id. */
        public static Change without(String factId) {
            return new Change(factId, null, null);
        }

        /** Sets one property of the fact with this id. */
        public static Change set(String factId, String property, Object value) {
            return new Change(factId, Objects.requireNonNull(property, "property"), value);
        }

        /**
         * A change written as on the command line, {@code FACT_ID.property=value}: the value is read as a number,
         * {@code true}, {@code false} or {@code null} where it is one, else as text.
         *
         * @throws IllegalArgumentException when the text has no {@code .} before its {@code =}
         */
        public static Change parse(String assignment) {
            int eq = assignment.indexOf('=');
            int dot = eq < 0 ? -1 : assignment.lastIndexOf('.', eq);
            if (eq < 0 || dot <= 0) {
                throw new IllegalArgumentException("[" + assignment + "] is not FACT_ID.property=value, such as T-D05-03.completedOn=2026-09-01");
            }
            String v = assignment.substring(eq + 1).strip();
            Object value = v.equals("null") ? null : v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE
                    : v.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(v) : v;
            return set(assignment.substring(0, dot), assignment.substring(dot + 1, eq).strip(), value);
        }

        @Override
        public String toString() {
            return property == null ? "without " + factId : factId + "." + property + " = " + value;
        }
    }

    /** Another subject of the cohort before and after the change. */
    public record Standing(SubjectRef subject, int rankBefore, int rankAfter, String gradeBefore, String gradeAfter) {
    }

    /**
     * Evaluates the subject with and without the changes.
     *
     * @param rubric    the rubric; never null
     * @param subjects  the subjects as read from facts; never null
     * @param together  whether they are a cohort (ranks and quotas) or the one subject alone
     * @param subjectId the subject whose facts change
     * @param changes   what changes, in order
     * @throws IllegalArgumentException when the subject or a fact id is not there, or a property is unknown
     */
    public static WhatIf evaluate(Rubric rubric, List<Subject> subjects, boolean together, String subjectId, List<Change> changes) {
        Subject subject = subjects.stream().filter(s -> s.id().equals(subjectId)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("there is no subject [" + subjectId + "]; the subjects are "
                        + subjects.stream().map(Subject::id).toList() + Spelling.didYouMean(subjectId, subjects.stream().map(Subject::id).toList())));
        Subject changed = apply(rubric, subject, changes);
        List<Subject> after = subjects.stream().map(s -> s == subject ? changed : s).toList();
        if (!together) {
            Evaluation b = rubric.evaluate(subject);
            Evaluation a = rubric.evaluate(changed);
            return new WhatIf(b, a, difference(a.items(), b.items()), difference(b.items(), a.items()), List.of());
        }
        CohortResult b = rubric.evaluateCohort(subjects);
        CohortResult a = rubric.evaluateCohort(after);
        List<Standing> others = new ArrayList<>();
        for (Evaluation x : a.results()) {
            if (x.subject().id().equals(subjectId)) {
                continue;
            }
            Evaluation y = b.of(x.subject().id()).orElseThrow();
            if (x.rank() != y.rank() || !Objects.equals(x.grade(), y.grade())) {
                others.add(new Standing(x.subject(), y.rank(), x.rank(), y.grade(), x.grade()));
            }
        }
        Evaluation eb = b.of(subjectId).orElseThrow();
        Evaluation ea = a.of(subjectId).orElseThrow();
        return new WhatIf(eb, ea, difference(ea.items(), eb.items()), difference(eb.items(), ea.items()), others);
    }

    /** The subject with the changes made to its facts. */
    static Subject apply(Rubric rubric, Subject subject, List<Change> changes) {
        List<Object> facts = new ArrayList<>(subject.facts());
        for (Change c : changes) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                if (c.factId().equals(FactProperties.id(facts.get(i)))) {
                    at.add(i);
                }
            }
            if (at.isEmpty()) {
                Set<String> ids = new LinkedHashSet<>();
                facts.forEach(f -> {
                    String id = FactProperties.id(f);
                    if (id != null) {
                        ids.add(id);
                    }
                });
                throw new IllegalArgumentException("subject [" + subject.id() + "] has no fact with id [" + c.factId() + "]"
                        + Spelling.didYouMean(c.factId(), ids) + "; its facts' ids are " + ids);
            }
            if (c.property() == null) {
                for (int k = at.size() - 1; k >= 0; k--) {
                    facts.remove((int) at.get(k));
                }
                continue;
            }
            for (int i : at) {
                Object fact = facts.get(i);
                Map<String, Object> properties = new LinkedHashMap<>(FactProperties.of(fact));
                if (!properties.containsKey(c.property())) {
                    throw new IllegalArgumentException("fact [" + c.factId() + "] (" + fact.getClass().getSimpleName() + ") has no property ["
                            + c.property() + "]" + Spelling.didYouMean(c.property(), properties.keySet()) + "; its properties are " + properties.keySet());
                }
                properties.put(c.property(), c.value());
                facts.set(i, newFact(rubric, fact.getClass(), properties));
            }
        }
        return new Subject(subject.id(), subject.name(), facts);
    }

    private static Object newFact(Rubric rubric, Class<?> type, Map<String, Object> properties) {
        try {
            return rubric.newFact(type.getSimpleName(), properties); // the fact model and declared types go by simple name
        } catch (InvalidFactsException bySimpleName) {
            if (type.getSimpleName().equals(type.getName())) {
                throw bySimpleName;
            }
            return rubric.newFact(type.getName(), properties);
        }
    }

    /** The items of {@code a} that {@code b} lacks, counting equal items. */
    private static List<ScoreItem> difference(List<ScoreItem> a, List<ScoreItem> b) {
        List<String> rest = new ArrayList<>(b.stream().map(WhatIf::key).toList());
        List<ScoreItem> out = new ArrayList<>();
        for (ScoreItem i : a) {
            if (!rest.remove(key(i))) {
                out.add(i);
            }
        }
        return out;
    }

    private static String key(ScoreItem i) {
        return i.rule() + "|" + i.kind() + "|" + Numbers.plain(i.points()) + "|" + i.reason() + "|" + i.grade();
    }

    /** The difference as a person reads it. */
    public String report() {
        StringBuilder b = new StringBuilder();
        SubjectRef s = after.subject();
        b.append(s.name() == null ? s.id() : s.name() + " (" + s.id() + ")").append('\n');
        b.append("  total  ").append(plain(before.total())).append(" -> ").append(plain(after.total()))
                .append("  (").append(signed(after.total().subtract(before.total()))).append(")\n");
        b.append("  grade  ").append(before.grade()).append(" -> ").append(after.grade()).append('\n');
        if (before.rank() > 0 || after.rank() > 0) {
            b.append("  rank   ").append(before.rank()).append(" -> ").append(after.rank()).append('\n');
        }
        if (gained.isEmpty() && lost.isEmpty()) {
            b.append("  no item changes\n");
        }
        lost.forEach(i -> b.append("  - ").append(describe(i)).append('\n'));
        gained.forEach(i -> b.append("  + ").append(describe(i)).append('\n'));
        if (!others.isEmpty()) {
            b.append("others:\n");
            for (Standing o : others) {
                b.append("  ").append(o.subject().name() == null ? o.subject().id() : o.subject().name() + " (" + o.subject().id() + ")")
                        .append("  rank ").append(o.rankBefore()).append(" -> ").append(o.rankAfter())
                        .append(Objects.equals(o.gradeBefore(), o.gradeAfter()) ? "" : ", grade " + o.gradeBefore() + " -> " + o.gradeAfter()).append('\n');
            }
        }
        return b.toString();
    }

    static String describe(ScoreItem i) {
        String what = i.rule() != null ? i.rule() : i.kind().name();
        return what + " " + (i.points().signum() == 0 ? "" : signed(i.points()) + " ") + i.reason();
    }

    static String plain(BigDecimal n) {
        return n == null ? "none" : Numbers.plain(n);
    }

    static String signed(BigDecimal n) {
        return n.signum() > 0 ? "+" + plain(n) : plain(n);
    }
}

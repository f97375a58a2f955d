package dev.rubric.bench;

import dev.rubric.model.AssessmentPeriod;
import dev.rubric.model.Commendation;
import dev.rubric.model.CommendationKind;
import dev.rubric.model.CommendationLevel;
import dev.rubric.model.CoreSystem;
import dev.rubric.model.CoreSystemKind;
import dev.rubric.model.Disclosure;
import dev.rubric.model.DisclosureKind;
import dev.rubric.model.EvidenceRecord;
import dev.rubric.model.InspectionFinding;
import dev.rubric.model.InspectionKind;
import dev.rubric.model.Kpi;
import dev.rubric.model.PeriodKind;
import dev.rubric.model.RaterGroup;
import dev.rubric.model.ServiceCase;
import dev.rubric.model.Severity;
import dev.rubric.model.StaffAssessment;
import dev.rubric.model.StudySession;
import dev.rubric.model.Survey;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import dev.rubric.model.Violation;
import dev.rubric.model.ViolationKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Arbitraries for the department fact model, drawn from small domains (a few ids, days around the
 * assessment, ties of level and achievement) so that every rule of the bundled rubric fires, caps bite,
 * and the edge cases of G1 (one achievement, several levels, equal levels) come up often.
 */
final class DepartmentFacts {

    static final LocalDate ASSESSED_ON = LocalDate.of(2026, 12, 20);

    private DepartmentFacts() {
    }

    /** A department's facts: usually its annual period first, then up to 40 facts of every type. */
    static Arbitrary<List<Object>> departments() {
        Arbitrary<Object> fact = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, tasks()), net.jqwik.api.Tuple.of(2, kpis()), net.jqwik.api.Tuple.of(2, coreSystems()),
                net.jqwik.api.Tuple.of(2, disclosures()), net.jqwik.api.Tuple.of(2, studySessions()), net.jqwik.api.Tuple.of(2, staffAssessments()),
                net.jqwik.api.Tuple.of(4, serviceCases()), net.jqwik.api.Tuple.of(3, findings()), net.jqwik.api.Tuple.of(1, violations()),
                net.jqwik.api.Tuple.of(3, records()), net.jqwik.api.Tuple.of(3, surveys()), net.jqwik.api.Tuple.of(3, commendations()),
                net.jqwik.api.Tuple.of(1, otherPeriods()));
        Arbitrary<List<Object>> periods = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(17, Arbitraries.just(List.<Object>of(annual()))),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(List.<Object>of())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(List.<Object>of(annual(), annual()))));
        return Combinators.combine(periods, fact.list().ofMaxSize(40)).as((p, f) -> {
            List<Object> all = new ArrayList<>(p);
            all.addAll(f);
            return all;
        });
    }

    static AssessmentPeriod annual() {
        return new AssessmentPeriod("2026年度", 2026, PeriodKind.ANNUAL, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), ASSESSED_ON);
    }

    private static Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(-40, 400).map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
    }

    private static Arbitrary<LocalDate> nullableDays() {
        return days().injectNull(0.25);
    }

    private static Arbitrary<String> ids(String prefix) {
        return Arbitraries.integers().between(1, 12).map(i -> prefix + "-" + i);
    }

    private static Arbitrary<Object> otherPeriods() {
        return Arbitraries.of(PeriodKind.values()).map(k -> new AssessmentPeriod("p-" + k, 2026, k, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 7, 1)));
    }

    private static Arbitrary<Object> tasks() {
        return Combinators.combine(ids("T"), Arbitraries.of("计划", "督办"), Arbitraries.of("王芳", " ", "李明").injectNull(0.2), days(),
                days(), Arbitraries.of(TaskStatus.values())).as((id, title, who, deadline, done, status) ->
                new TargetTask(id, title, who, deadline, status == TaskStatus.COMPLETED ? done : null, status));
    }

    private static Arbitrary<Object> kpis() {
        return Combinators.combine(ids("K"), Arbitraries.integers().between(1, 200), Arbitraries.integers().between(0, 3000),
                Arbitraries.of("%", "件").injectNull(0.3), Arbitraries.of(true, false)).as((id, target, actual, unit, higher) ->
                new Kpi(id, "指标", BigDecimal.valueOf(target), BigDecimal.valueOf(actual, 1), unit, higher));
    }

    private static Arbitrary<Object> coreSystems() {
        return Combinators.combine(ids("CS"), Arbitraries.of(CoreSystemKind.values()), Arbitraries.of(true, false), nullableDays())
                .as(CoreSystem::new);
    }

    private static Arbitrary<Object> disclosures() {
        return Combinators.combine(ids("P"), Arbitraries.of(DisclosureKind.values()), Arbitraries.of(true, false)).as(Disclosure::new);
    }

    private static Arbitrary<Object> studySessions() {
        return Combinators.combine(ids("L"), Arbitraries.integers().between(1, 4), nullableDays(), Arbitraries.of("学习").injectNull(0.3))
                .as(StudySession::new);
    }

    private static Arbitrary<Object> staffAssessments() {
        return Combinators.combine(ids("PA"), Arbitraries.of("上半年", "下半年"), days(), nullableDays()).as(StaffAssessment::new);
    }

    private static Arbitrary<Object> serviceCases() {
        return Combinators.combine(ids("SC"), Arbitraries.of("办证", "咨询"), days(), Arbitraries.integers().between(0, 30), nullableDays(),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(ServiceCase::new);
    }

    private static Arbitrary<Object> findings() {
        return Combinators.combine(ids("F"), days(), Arbitraries.of(InspectionKind.values()), Arbitraries.of(Severity.values()),
                Arbitraries.of("台账不全"), nullableDays(), nullableDays()).as(InspectionFinding::new);
    }

    private static Arbitrary<Object> violations() {
        return Combinators.combine(ids("V"), Arbitraries.of(ViolationKind.values()), Arbitraries.of("张三").injectNull(0.5), days(),
                Arbitraries.of("通报"), Arbitraries.of(true, false)).as(Violation::new);
    }

    private static Arbitrary<Object> records() {
        return Combinators.combine(ids("R"), Arbitraries.of("学习记录"), days(), days()).as(EvidenceRecord::new);
    }

    private static Arbitrary<Object> surveys() {
        return Combinators.combine(ids("SV"), Arbitraries.of(RaterGroup.values()), Arbitraries.integers().between(1, 300),
                Arbitraries.doubles().between(0, 1)).as((id, group, respondents, share) ->
                new Survey(id, group, respondents, (int) Math.floor(respondents * share)));
    }

    private static Arbitrary<Object> commendations() {
        return Combinators.combine(ids("CM"), Arbitraries.of("甲", "乙", "丙"), Arbitraries.of(CommendationKind.values()),
                Arbitraries.of(CommendationLevel.values()), days()).as((id, achievement, kind, level, day) ->
                new Commendation(id, achievement, "先进集体", kind, level, day));
    }
}

package dev.rubric.testkit.model;

import dev.rubric.api.Subject;
import dev.rubric.model.AssessmentPeriod;
import dev.rubric.model.Commendation;
import dev.rubric.model.CommendationKind;
import dev.rubric.model.CommendationLevel;
import dev.rubric.model.CoreSystem;
import dev.rubric.model.CoreSystemKind;
import dev.rubric.model.Department;
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

import dev.rubric.testkit.Decimals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds a department's year for a test, stating only what matters to it.
 *
 * <p>It starts as a well-run department of 2026 (assessed on 2026-12-20) that gives a rubric like the
 * bundled one nothing to deduct: every core system in place, everything disclosed, a study session each
 * quarter, its staff assessed on time. Each {@code with…} adds one fact with sensible values; {@code with}
 * and {@code without} add or remove any fact.
 *
 * <pre>{@code
 * Subject d = department().withLateTask("机要保密检查").build();
 * }</pre>
 */
public final class DepartmentBuilder {

    /** The assessment year's period: 2026, assessed on 2026-12-20. */
    public static final AssessmentPeriod YEAR_2026 = new AssessmentPeriod("2026年度", 2026, PeriodKind.ANNUAL,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 20));

    private final String id;
    private final String name;
    private final List<Object> facts = new ArrayList<>();
    private int next = 1;

    private DepartmentBuilder(String id, String name) {
        this.id = id;
        this.name = name;
        facts.add(new Department(id, name));
        facts.add(YEAR_2026);
        for (CoreSystemKind kind : CoreSystemKind.values()) {
            facts.add(new CoreSystem("CS-" + kind, kind, true, LocalDate.of(2024, 3, 1)));
        }
        for (DisclosureKind kind : DisclosureKind.values()) {
            facts.add(new Disclosure("P-" + kind, kind, true));
        }
        LocalDate[] held = {LocalDate.of(2026, 3, 18), LocalDate.of(2026, 6, 17), LocalDate.of(2026, 9, 16), LocalDate.of(2026, 12, 9)};
        for (int q = 1; q <= 4; q++) {
            facts.add(new StudySession("L-Q" + q, q, held[q - 1], "县委十届五次全会精神"));
        }
        facts.add(new StaffAssessment("PA-1", "2026年上半年", LocalDate.of(2026, 7, 31), LocalDate.of(2026, 7, 24), true));
        facts.add(new EvidenceRecord("R-Q1", "第一季度集中学习记录", LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19)));
    }

    /** A well-run department with id {@code D99}. */
    public static DepartmentBuilder department() {
        return new DepartmentBuilder("D99", "测试单位");
    }

    /** A well-run department with the given id and name. */
    public static DepartmentBuilder department(String id, String name) {
        return new DepartmentBuilder(id, name);
    }

    /** The day of an ISO-8601 date such as {@code "2026-07-31"}, for facts a test writes out in full; null for null. */
    public static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    /** A target task finished ten days after its deadline of 2026-06-30. */
    public DepartmentBuilder withLateTask(String title) {
        return with(new TargetTask(nextId("T"), title, "王芳", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 10), TaskStatus.COMPLETED));
    }

    /** A target task due 2026-09-30 and not finished by the assessment. */
    public DepartmentBuilder withUnfinishedTask(String title) {
        return with(new TargetTask(nextId("T"), title, "王芳", LocalDate.of(2026, 9, 30), null, TaskStatus.IN_PROGRESS));
    }

    /** A target task finished on time but with no responsible person named. */
    public DepartmentBuilder withTaskWithoutResponsible(String title) {
        return with(new TargetTask(nextId("T"), title, null, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 20), TaskStatus.COMPLETED));
    }

    /** A target task finished on time by its responsible person. */
    public DepartmentBuilder withTaskOnTime(String title) {
        return with(new TargetTask(nextId("T"), title, "王芳", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 20), TaskStatus.COMPLETED));
    }

    /** A key performance indicator where higher is better. */
    public DepartmentBuilder withKpi(String name, String target, String actual, String unit) {
        return withKpi(name, Decimals.of(target), Decimals.of(actual), unit);
    }

    /** A key performance indicator where higher is better, its figures as numbers ({@code 157}, {@code 96.2}). */
    public DepartmentBuilder withKpi(String name, Number target, Number actual, String unit) {
        return with(new Kpi(nextId("K"), name, Decimals.of(target), Decimals.of(actual), unit, true));
    }

    /** One of the three core systems is not in place. */
    public DepartmentBuilder withoutCoreSystem(CoreSystemKind kind) {
        facts.removeIf(f -> f instanceof CoreSystem c && c.kind() == kind);
        return with(new CoreSystem("CS-" + kind, kind, false, null));
    }

    /** A disclosure item that is not posted. */
    public DepartmentBuilder withUndisclosed(DisclosureKind kind) {
        facts.removeIf(f -> f instanceof Disclosure d && d.kind() == kind);
        return with(new Disclosure("P-" + kind, kind, false));
    }

    /** No study session held in the given quarter (1–4). */
    public DepartmentBuilder withoutStudySession(int quarter) {
        return without(f -> f instanceof StudySession s && s.quarter() == quarter);
    }

    /** A service case promised in 5 days and finished in 12. */
    public DepartmentBuilder withLateServiceCase(String matter) {
        return with(new ServiceCase(nextId("C"), matter, LocalDate.of(2026, 5, 4), 5, LocalDate.of(2026, 5, 16), false, false));
    }

    /** A service case passed on by the first person asked instead of handled. */
    public DepartmentBuilder withPassedOnServiceCase(String matter) {
        return with(new ServiceCase(nextId("C"), matter, LocalDate.of(2026, 5, 4), 5, LocalDate.of(2026, 5, 8), true, false));
    }

    /** A service case with a complaint that was verified. */
    public DepartmentBuilder withVerifiedComplaint(String matter) {
        return with(new ServiceCase(nextId("C"), matter, LocalDate.of(2026, 5, 4), 5, LocalDate.of(2026, 5, 8), false, true));
    }

    /** An inspection finding of 2026-07-06, rectified on time. */
    public DepartmentBuilder withFinding(Severity severity, String description) {
        return with(new InspectionFinding(nextId("F"), LocalDate.of(2026, 7, 6), InspectionKind.HALF_YEAR, severity, description,
                LocalDate.of(2026, 7, 31), LocalDate.of(2026, 7, 20)));
    }

    /** An evidence record made on 2026-12-10 for activity of 2026-03-15: backfilled (突击补痕迹). */
    public DepartmentBuilder withBackfilledRecord(String activity) {
        return with(new EvidenceRecord(nextId("R"), activity, LocalDate.of(2026, 3, 15), LocalDate.of(2026, 12, 10)));
    }

    /** A survey of a rater group. */
    public DepartmentBuilder withSurvey(RaterGroup group, int respondents, int satisfied) {
        return with(new Survey(nextId("SV"), group, respondents, satisfied));
    }

    /** A commendation of an achievement at a level. */
    public DepartmentBuilder withCommendation(String achievement, CommendationLevel level) {
        return with(new Commendation(nextId("CM"), achievement, achievement + "先进集体", CommendationKind.HONOUR, level, LocalDate.of(2026, 11, 5)));
    }

    /** A violation or incident the unit is responsible for. */
    public DepartmentBuilder withViolation(ViolationKind kind, String description) {
        return with(new Violation(nextId("V"), kind, "张某", LocalDate.of(2026, 8, 12), description, true));
    }

    /** Adds facts as they are. */
    public DepartmentBuilder with(Object... more) {
        facts.addAll(List.of(more));
        return this;
    }

    /** Removes the facts that match. */
    public DepartmentBuilder without(Predicate<Object> which) {
        facts.removeIf(which);
        return this;
    }

    /** The subject, with a copy of the facts so far. */
    public Subject build() {
        return new Subject(id, name, facts);
    }

    private String nextId(String prefix) {
        return prefix + "-" + id + "-" + (next++);
    }
}

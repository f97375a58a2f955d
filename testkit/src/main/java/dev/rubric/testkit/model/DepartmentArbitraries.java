package dev.rubric.testkit.model;

import dev.rubric.api.Subject;
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
import java.util.function.IntFunction;

/**
 * jqwik arbitraries for the department fact model: whole departments with random facts of every kind in
 * the assessment year 2026, and single faults (a late task, a finding, a violation…) to add to one.
 *
 * <p>Use them directly, or through {@link DepartmentDomain} with {@code @Domain(DepartmentDomain.class)}.
 *
 * <p>Every fact's id is drawn like any other value: a department's facts are numbered by their position in it
 * ({@code T-3} is its third fact), a fact generated alone gets a number of the run's random source. Nothing is
 * counted across tries, so a seed reproduces a run, shrinking included.
 */
public final class DepartmentArbitraries {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    /** Numbers for a fact generated on its own, apart from the positions (1 to 52) of a department's facts. */
    private static final int LONE_FACT_NUMBERS = 1001;

    private DepartmentArbitraries() {
    }

    /** A day of the assessment year. */
    public static Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 353).map(START::plusDays);
    }

    /** A department: the well-run defaults, some of them removed or broken, and up to 40 random facts. */
    public static Arbitrary<Subject> departments() {
        Arbitrary<List<IntFunction<Object>>> extra = numberedFact().list().ofMaxSize(40);
        Arbitrary<List<Object>> defaults = Arbitraries.of(true, false).list().ofSize(12).map(keep -> {
            List<Object> kept = new ArrayList<>();
            List<Object> base = DepartmentBuilder.department().build().facts();
            for (int i = 0; i < base.size(); i++) {
                if (i < 2 || keep.get(i % keep.size())) { // the department and its period always stay
                    kept.add(base.get(i));
                }
            }
            return kept;
        });
        return Combinators.combine(defaults, extra, Arbitraries.integers().between(1, 999)).as((base, more, n) -> {
            List<Object> facts = new ArrayList<>(base);
            more.forEach(fact -> facts.add(fact.apply(facts.size() + 1)));
            return new Subject(String.format("D%03d", n), "单位" + n, facts);
        });
    }

    /** Any fact of the model a department's year may hold, good or bad. */
    public static Arbitrary<Object> anyFact() {
        return alone(numberedFact());
    }

    /** A fact given the number its id ends with. */
    private static Arbitrary<IntFunction<Object>> numberedFact() {
        return Arbitraries.oneOf(List.of(tasks(), kpis(), coreSystems(), disclosures(), studySessions(), staffAssessments(),
                serviceCases(), findings(), records(), surveys(), commendations(), violations()));
    }

    /** A fact generated on its own, numbered from the run's random source. */
    private static Arbitrary<Object> alone(Arbitrary<IntFunction<Object>> fact) {
        return Combinators.combine(fact, Arbitraries.integers().between(LONE_FACT_NUMBERS, 9999)).as(IntFunction::apply);
    }

    /** A fact that can only make a department's outcome worse: a late or unfinished task, a finding, a violation… */
    public static Arbitrary<Object> faults() {
        Arbitrary<IntFunction<Object>> lateTask = days().map(d -> task(d, d.plusDays(10), TaskStatus.COMPLETED, "王芳"));
        Arbitrary<IntFunction<Object>> unfinished = Arbitraries.integers().between(0, 300)
                .map(n -> task(START.plusDays(n), null, TaskStatus.IN_PROGRESS, "王芳"));
        Arbitrary<IntFunction<Object>> finding = Combinators.combine(days(), Arbitraries.of(Severity.class), Arbitraries.of(InspectionKind.class))
                .as((d, s, k) -> n -> new InspectionFinding(id("F", n), d, k, s, "问题", d.plusDays(20), d.plusDays(10)));
        Arbitrary<IntFunction<Object>> violation = Arbitraries.of(ViolationKind.class)
                .map(k -> n -> new Violation(id("V", n), k, "张某", LocalDate.of(2026, 8, 1), "违规", true));
        Arbitrary<IntFunction<Object>> complaint = days().map(d -> n -> new ServiceCase(id("C", n), "办件", d, 5, d.plusDays(3), false, true));
        Arbitrary<IntFunction<Object>> backfill = Arbitraries.integers().between(0, 200)
                .map(m -> n -> new EvidenceRecord(id("R", n), "会议记录", START.plusDays(m), LocalDate.of(2026, 12, 15)));
        return alone(Arbitraries.oneOf(List.of(lateTask, unfinished, finding, violation, complaint, backfill)));
    }

    static Arbitrary<IntFunction<Object>> tasks() {
        Arbitrary<LocalDate> deadline = days();
        Arbitrary<Integer> delay = Arbitraries.integers().between(-30, 60);
        Arbitrary<Boolean> done = Arbitraries.of(true, true, true, false);
        Arbitrary<String> who = Arbitraries.of("王芳", "李强", "", null).injectNull(0.1);
        return Combinators.combine(deadline, delay, done, who).as((d, late, isDone, person) -> isDone
                ? task(d, d.plusDays(late), TaskStatus.COMPLETED, person)
                : task(d, null, TaskStatus.IN_PROGRESS, person));
    }

    private static IntFunction<Object> task(LocalDate deadline, LocalDate done, TaskStatus status, String person) {
        return n -> new TargetTask(id("T", n), "任务" + n, person, deadline, done, status);
    }

    static Arbitrary<IntFunction<Object>> kpis() {
        Arbitrary<BigDecimal> target = Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.valueOf(200)).ofScale(1);
        Arbitrary<BigDecimal> actual = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(220)).ofScale(1);
        return Combinators.combine(target, actual, Arbitraries.of(true, false)).as((t, a, higher) -> n -> new Kpi(id("K", n), "指标", t, a, "%", higher));
    }

    static Arbitrary<IntFunction<Object>> coreSystems() {
        return Combinators.combine(Arbitraries.of(CoreSystemKind.class), Arbitraries.of(true, false))
                .as((k, in) -> n -> new CoreSystem(id("CS", n), k, in, in ? LocalDate.of(2025, 1, 1) : null));
    }

    static Arbitrary<IntFunction<Object>> disclosures() {
        return Combinators.combine(Arbitraries.of(DisclosureKind.class), Arbitraries.of(true, false)).as((k, p) -> n -> new Disclosure(id("P", n), k, p));
    }

    static Arbitrary<IntFunction<Object>> studySessions() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), days()).as((q, d) -> n -> new StudySession(id("L", n), q, d, "学习"));
    }

    static Arbitrary<IntFunction<Object>> staffAssessments() {
        return Combinators.combine(days(), Arbitraries.integers().between(-20, 40), Arbitraries.of(true, false))
                .as((due, late, done) -> n -> new StaffAssessment(id("PA", n), "2026年", due, done ? due.plusDays(late) : null));
    }

    static Arbitrary<IntFunction<Object>> serviceCases() {
        return Combinators.combine(days(), Arbitraries.integers().between(1, 30), Arbitraries.integers().between(0, 40),
                Arbitraries.of(true, false, false, false), Arbitraries.of(true, false, false, false))
                .as((d, promised, took, passed, complaint) -> n -> new ServiceCase(id("C", n), "办件", d, promised, d.plusDays(took), passed, complaint));
    }

    static Arbitrary<IntFunction<Object>> findings() {
        return Combinators.combine(days(), Arbitraries.of(InspectionKind.class), Arbitraries.of(Severity.class),
                Arbitraries.integers().between(5, 40), Arbitraries.integers().between(-10, 30), Arbitraries.of(true, true, false))
                .as((d, k, s, allowed, took, fixed) -> n -> new InspectionFinding(id("F", n), d, k, s, "问题", d.plusDays(allowed),
                        fixed ? d.plusDays(Math.max(1, allowed + took)) : null));
    }

    static Arbitrary<IntFunction<Object>> records() {
        return Combinators.combine(days(), Arbitraries.integers().between(0, 300))
                .as((covers, after) -> n -> new EvidenceRecord(id("R", n), "工作记录", covers, covers.plusDays(after)));
    }

    static Arbitrary<IntFunction<Object>> surveys() {
        return Combinators.combine(Arbitraries.of(RaterGroup.class), Arbitraries.integers().between(1, 200), Arbitraries.doubles().between(0, 1))
                .as((g, size, share) -> n -> new Survey(id("SV", n), g, size, (int) Math.floor(size * share)));
    }

    static Arbitrary<IntFunction<Object>> commendations() {
        return Combinators.combine(Arbitraries.of("党建", "宣传", "信访", "廉政"), Arbitraries.of(CommendationLevel.class),
                Arbitraries.of(CommendationKind.class), days())
                .as((a, level, kind, d) -> n -> new Commendation(id("CM", n), a, a + "先进", kind, level, d));
    }

    static Arbitrary<IntFunction<Object>> violations() {
        return Combinators.combine(Arbitraries.of(ViolationKind.class), days(), Arbitraries.of(true, false))
                .as((k, d, responsible) -> n -> new Violation(id("V", n), k, "某人", d, "情况", responsible));
    }

    private static String id(String prefix, int number) {
        return prefix + "-" + number;
    }
}

package dev.rubric.bench;

import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
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
import dev.rubric.engine.internal.compile.RubricFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The departments the benchmarks score: the bundled sample cohort, and synthetic departments of any size
 * whose facts come in the proportions of a real county department's year (mostly target tasks and service
 * cases, a few findings, records and surveys, rarely a violation), drawn from a seeded random source so
 * every run scores the same facts.
 */
public final class Departments {

    /** The bundled rubric. */
    public static final String RUBRIC = "classpath:rubrics/party-mass-efficiency";
    /** The bundled sample cohort. */
    public static final String SAMPLE = "/samples/party-mass-2026.json";

    static final LocalDate ASSESSED_ON = LocalDate.of(2026, 12, 20);
    static final AssessmentPeriod YEAR = new AssessmentPeriod("2026年度", 2026, PeriodKind.ANNUAL,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), ASSESSED_ON);

    private Departments() {
    }

    /** The 21 sample departments of the bundled cohort, read with the rubric's own facts reader. */
    public static List<Subject> sampleCohort(Rubric rubric) {
        try (InputStream in = Departments.class.getResourceAsStream(SAMPLE)) {
            return rubric.readFacts(in, "party-mass-2026.json").subjects();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DRL files of the bundled rubric, by file name. */
    public static Map<String, String> bundledDrl() {
        RubricFiles files = RubricFiles.classpath("rubrics/party-mass-efficiency", Departments.class.getClassLoader());
        Map<String, String> drl = new LinkedHashMap<>();
        for (String f : files.ruleFiles()) {
            drl.put(f, new String(files.read(f), StandardCharsets.UTF_8));
        }
        return drl;
    }

    /** {@code count} synthetic departments of about {@code facts} facts each. */
    public static List<Subject> synthetic(int count, int facts, long seed) {
        Random random = new Random(seed);
        List<Subject> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(synthetic("S" + i, facts, random));
        }
        return result;
    }

    /**
     * One department with {@code facts} facts: its annual period, and the rest drawn type by type in the
     * proportions of the sample cohort.
     */
    public static Subject synthetic(String id, int facts, Random random) {
        List<Object> list = new ArrayList<>(facts);
        list.add(YEAR);
        Counter n = new Counter(id);
        int achievements = Math.max(1, facts / 60);
        for (int i = 1; i < facts; i++) {
            int pick = random.nextInt(1000);
            if (pick < 300) list.add(task(n, random));
            else if (pick < 550) list.add(serviceCase(n, random));
            else if (pick < 670) list.add(record(n, random));
            else if (pick < 750) list.add(finding(n, random));
            else if (pick < 800) list.add(kpi(n, random));
            else if (pick < 850) list.add(survey(n, random));
            else if (pick < 890) list.add(new Disclosure(n.next("P"), pickOf(DisclosureKind.values(), random), random.nextInt(10) > 0));
            else if (pick < 920) list.add(new CoreSystem(n.next("CS"), pickOf(CoreSystemKind.values(), random), random.nextInt(10) > 0, LocalDate.of(2024, 3, 1)));
            else if (pick < 950) list.add(study(n, random));
            else if (pick < 970) list.add(staff(n, random));
            else if (pick < 985) list.add(violation(n, random));
            else list.add(commendation(n, random, achievements));
        }
        return new Subject(id, "合成单位" + id, list);
    }

    /** One department whose facts, beyond its annual period, are all made by {@code kind}. */
    public static Subject ofOneType(String id, String kind, int facts, Random random) {
        List<Object> list = new ArrayList<>(facts);
        list.add(YEAR);
        Counter n = new Counter(id);
        for (int i = 1; i < facts; i++) {
            list.add(switch (kind) {
                case "TargetTask" -> task(n, random);
                case "ServiceCase" -> serviceCase(n, random);
                case "EvidenceRecord" -> record(n, random);
                case "InspectionFinding" -> finding(n, random);
                case "CoreSystem" -> new CoreSystem(n.next("CS"), pickOf(CoreSystemKind.values(), random), random.nextInt(10) == 0, LocalDate.of(2024, 3, 1));
                case "Disclosure" -> new Disclosure(n.next("P"), pickOf(DisclosureKind.values(), random), random.nextInt(10) == 0);
                case "StudySession" -> study(n, random);
                case "StaffAssessment" -> staff(n, random);
                case "Survey" -> survey(n, random);
                // ten achievements, each recognised again and again: the worst case of "once per achievement"
                case "Commendation" -> commendation(n, random, 10);
                default -> throw new IllegalArgumentException("no generator for fact type [" + kind + "]");
            });
        }
        return new Subject(id, "单一类型" + kind, list);
    }

    private static final class Counter {
        private final String prefix;
        private int next;

        Counter(String prefix) {
            this.prefix = prefix;
        }

        String next(String kind) {
            return kind + "-" + prefix + "-" + (++next);
        }
    }

    private static <T> T pickOf(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static LocalDate day(Random random) {
        return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
    }

    private static TargetTask task(Counter n, Random random) {
        LocalDate deadline = day(random);
        int r = random.nextInt(100);
        TaskStatus status = r < 80 ? TaskStatus.COMPLETED : r < 95 ? TaskStatus.IN_PROGRESS : TaskStatus.ADJUSTED;
        LocalDate done = status == TaskStatus.COMPLETED ? deadline.plusDays(random.nextInt(40) - 30) : null;
        String responsible = random.nextInt(20) == 0 ? null : "责任人" + random.nextInt(50);
        return new TargetTask(n.next("T"), "年度目标任务" + random.nextInt(1000), responsible, deadline, done, status);
    }

    private static ServiceCase serviceCase(Counter n, Random random) {
        LocalDate received = day(random);
        int promised = 5 + random.nextInt(25);
        LocalDate finished = random.nextInt(20) == 0 ? null : received.plusDays(random.nextInt(promised + 5));
        return new ServiceCase(n.next("SC"), "群众来访事项" + random.nextInt(1000), received, promised, finished,
                random.nextInt(50) == 0, random.nextInt(80) == 0);
    }

    private static EvidenceRecord record(Counter n, Random random) {
        LocalDate covers = day(random);
        LocalDate made = random.nextInt(30) == 0 ? ASSESSED_ON.minusDays(random.nextInt(20)) : covers.plusDays(random.nextInt(5));
        return new EvidenceRecord(n.next("R"), "工作台账" + random.nextInt(1000), covers, made);
    }

    private static InspectionFinding finding(Counter n, Random random) {
        LocalDate date = day(random);
        LocalDate deadline = random.nextInt(5) == 0 ? null : date.plusDays(30);
        LocalDate rectified = deadline == null || random.nextInt(6) == 0 ? null : date.plusDays(10 + random.nextInt(30));
        return new InspectionFinding(n.next("F"), date, pickOf(InspectionKind.values(), random), pickOf(Severity.values(), random),
                "督查发现问题" + random.nextInt(1000), deadline, rectified);
    }

    private static Kpi kpi(Counter n, Random random) {
        BigDecimal target = BigDecimal.valueOf(90 + random.nextInt(10));
        BigDecimal actual = target.add(BigDecimal.valueOf(random.nextInt(100) - 30, 1));
        return new Kpi(n.next("K"), "关键绩效指标" + random.nextInt(100), target, actual, "%", true);
    }

    private static Survey survey(Counter n, Random random) {
        int respondents = 20 + random.nextInt(200);
        return new Survey(n.next("SV"), pickOf(RaterGroup.values(), random), respondents, respondents - random.nextInt(respondents / 5 + 1));
    }

    private static StudySession study(Counter n, Random random) {
        int quarter = 1 + random.nextInt(4);
        LocalDate held = random.nextInt(10) == 0 ? null : LocalDate.of(2026, quarter * 3, 15);
        return new StudySession(n.next("L"), quarter, held, "集中学习");
    }

    private static StaffAssessment staff(Counter n, Random random) {
        LocalDate due = day(random);
        LocalDate done = random.nextInt(8) == 0 ? null : due.plusDays(random.nextInt(20) - 15);
        return new StaffAssessment(n.next("PA"), "绩效考核" + random.nextInt(10), due, done);
    }

    private static Violation violation(Counter n, Random random) {
        int r = random.nextInt(100);
        ViolationKind kind = r < 50 ? ViolationKind.LAZINESS : r < 90 ? ViolationKind.PARTY_DISCIPLINE
                : r < 94 ? ViolationKind.EIGHT_PROHIBITIONS : r < 98 ? ViolationKind.MAJOR_ACCIDENT : ViolationKind.FALSIFIED_MATERIAL;
        return new Violation(n.next("V"), kind, random.nextBoolean() ? null : "干部" + random.nextInt(100), day(random),
                "违规事项" + random.nextInt(100), random.nextBoolean());
    }

    private static Commendation commendation(Counter n, Random random, int achievements) {
        return new Commendation(n.next("CM"), "成果" + random.nextInt(achievements), "先进集体",
                random.nextInt(5) == 0 ? CommendationKind.INNOVATION_ADOPTED : CommendationKind.HONOUR,
                pickOf(CommendationLevel.values(), random), day(random));
    }
}

package dev.rubric.bench;

import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Rubric;
import dev.rubric.api.Period;
import dev.rubric.api.RubricRule;
import dev.rubric.api.SameProblem;
import dev.rubric.api.Subject;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.internal.scoring.RawItem;
import dev.rubric.engine.internal.scoring.Scoring;
import dev.rubric.engine.internal.scoring.Wording;
import dev.rubric.model.AssessmentPeriod;
import dev.rubric.model.ChineseDate;
import dev.rubric.model.CommendationKind;
import dev.rubric.model.Commendation;
import dev.rubric.model.CommendationLevel;
import dev.rubric.model.CoreSystem;
import dev.rubric.model.CoreSystemKind;
import dev.rubric.model.Disclosure;
import dev.rubric.model.DisclosureKind;
import dev.rubric.model.EvidenceRecord;
import dev.rubric.model.InspectionFinding;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bundled 党群部门效能考评 rubric hand-written in plain Java: the reference a user would weigh the
 * library against, and an independent check of the DRL rules.
 *
 * <p>Design notes. It finds the same items as the rule files ({@code rules/.../party-mass-efficiency/*.drl}),
 * with the same points, reasons and cited facts, by plain loops over the facts, and hands them to the
 * library's own arithmetic ({@link Scoring#subtotal} and {@link Scoring#finish}), so it differs from the
 * engine only in how items are found; the differential property in this module's tests compares exactly
 * that. Items are attributed to the {@link RubricRule}s of the loaded rubric, so ids, categories, caps and
 * {@code file:line} come from the same index. Evidence cites each fact by type and id; unlike the engine it
 * takes no snapshot of the fact's properties (the model's facts are immutable records with ids, and
 * results JSON writes only type and id for them).
 *
 * <p>Every rule is linear in the facts it looks at: G1 groups commendations by achievement in a map.
 * Thread-safe: it keeps no state between evaluations.
 */
public final class PlainJavaPartyMass {

    private static final BigDecimal TWENTY = new BigDecimal("20");
    /** The period the engine inserts when none is named; the reference counts what falls in it, as the rules do. */
    private static final Period PERIOD = Period.unbounded();

    private final Manifest manifest;
    private final List<RubricRule> ruleOrder;
    private final Wording wording;
    private final RubricRule a1, a2, a3, a4, b1, b2, b3, b4, b5, b6, b7, c1, c2, c3, d1, d2, d3, d4, d5, e1, e2, e3, g1, v1, v2, v3;
    private final RubricRule[] f = new RubricRule[6];

    /**
     * The hand-written rubric, attributing its items to the rules of {@code rubric}.
     *
     * @param rubric the loaded bundled rubric ({@code classpath:rubrics/party-mass-efficiency}); never null
     */
    public PlainJavaPartyMass(Rubric rubric) {
        this.manifest = rubric.manifest();
        this.ruleOrder = rubric.rules();
        this.wording = Wording.of(manifest);
        Map<String, RubricRule> byId = new HashMap<>();
        for (RubricRule r : ruleOrder) {
            byId.put(r.id(), r);
        }
        a1 = rule(byId, "A1"); a2 = rule(byId, "A2"); a3 = rule(byId, "A3"); a4 = rule(byId, "A4");
        b1 = rule(byId, "B1"); b2 = rule(byId, "B2"); b3 = rule(byId, "B3"); b4 = rule(byId, "B4");
        b5 = rule(byId, "B5"); b6 = rule(byId, "B6"); b7 = rule(byId, "B7");
        c1 = rule(byId, "C1"); c2 = rule(byId, "C2"); c3 = rule(byId, "C3");
        d1 = rule(byId, "D1"); d2 = rule(byId, "D2"); d3 = rule(byId, "D3"); d4 = rule(byId, "D4"); d5 = rule(byId, "D5");
        e1 = rule(byId, "E1"); e2 = rule(byId, "E2"); e3 = rule(byId, "E3");
        for (int i = 0; i < 6; i++) {
            f[i] = rule(byId, "F" + (i + 1));
        }
        g1 = rule(byId, "G1");
        v1 = rule(byId, "V1"); v2 = rule(byId, "V2"); v3 = rule(byId, "V3");
    }

    private static RubricRule rule(Map<String, RubricRule> byId, String id) {
        return Objects.requireNonNull(byId.get(id), () -> "the rubric has no rule [" + id + "]");
    }

    /**
     * Scores one subject alone, as {@link Rubric#evaluate} does.
     *
     * @param subject the subject and its facts; never null
     */
    public Evaluation evaluate(Subject subject) {
        Facts facts = new Facts(subject.facts());
        List<RawItem> moves = new ArrayList<>();
        List<RawItem> verdicts = new ArrayList<>();

        // targets.drl
        for (AssessmentPeriod p : facts.annual) {
            for (TargetTask t : facts.tasks) {
                if (t.status() == TaskStatus.IN_PROGRESS && t.deadline().isBefore(p.assessedOn()) && PERIOD.contains(t.deadline())) {
                    deduct(moves, a1, 2, "目标任务「" + t.title() + "」限" + cn(t.deadline()) + "前完成，至考评日（" + cn(p.assessedOn())
                            + "）仍未完成，已逾期" + ChronoUnit.DAYS.between(t.deadline(), p.assessedOn()) + "天", t);
                }
            }
        }
        for (TargetTask t : facts.tasks) {
            if (t.status() == TaskStatus.COMPLETED && t.completedOn() != null && t.completedOn().isAfter(t.deadline()) && PERIOD.contains(t.deadline())) {
                deduct(moves, a2, 1, "目标任务「" + t.title() + "」限" + cn(t.deadline()) + "前完成，" + cn(t.completedOn()) + "才完成，逾期"
                        + ChronoUnit.DAYS.between(t.deadline(), t.completedOn()) + "天", t);
            }
        }
        for (TargetTask t : facts.tasks) {
            if (t.status() != TaskStatus.ADJUSTED && t.responsible() == null && PERIOD.contains(t.deadline())) {
                deduct(moves, a3, new BigDecimal("0.5"), "目标任务「" + t.title() + "」未明确责任人", t);
            }
        }
        for (Kpi k : facts.kpis) {
            int c = k.actual().compareTo(k.target());
            if (k.higherIsBetter() ? c < 0 : c > 0) {
                BigDecimal gap = k.higherIsBetter() ? k.target().subtract(k.actual()) : k.actual().subtract(k.target());
                String unit = k.unit() == null ? "" : k.unit();
                boolean rate = "%".equals(k.unit());
                BigDecimal points = rate ? gap.multiply(new BigDecimal("0.2")).setScale(2, RoundingMode.HALF_UP)
                        : gap.multiply(TWENTY).divide(k.target(), 2, RoundingMode.HALF_UP);
                String gapText = rate ? "差" + gap.stripTrailingZeros().toPlainString() + "个百分点"
                        : "差" + gap.stripTrailingZeros().toPlainString() + unit + "（目标值的"
                        + gap.multiply(new BigDecimal("100")).divide(k.target(), 1, RoundingMode.HALF_UP).toPlainString() + "%）";
                deduct(moves, a4, points, "指标「" + k.name() + "」目标" + k.target().toPlainString() + unit + "，实际" + k.actual().toPlainString()
                        + unit + "，" + gapText + "，未达目标", k);
            }
        }

        // systems.drl
        for (CoreSystemKind kind : CoreSystemKind.values()) {
            List<CoreSystem> ofKind = facts.coreSystems.getOrDefault(kind, List.of());
            if (ofKind.stream().noneMatch(CoreSystem::inPlace)) {
                deduct(moves, b1, 3, "核心制度「" + kind.label() + "」未建立或未执行", with(ofKind, "B1-" + kind.name()));
            }
        }
        for (DisclosureKind kind : DisclosureKind.values()) {
            List<Disclosure> ofKind = facts.disclosures.getOrDefault(kind, List.of());
            if (ofKind.stream().noneMatch(Disclosure::posted)) {
                deduct(moves, b2, 1, "办事公开：「" + kind.label() + "」未公开", with(ofKind, "B2-" + kind.name()));
            }
        }
        for (AssessmentPeriod p : facts.annual) {
            for (int q = 1; q <= 4; q++) {
                List<StudySession> ofQuarter = facts.studies.get(q - 1);
                if (PERIOD.contains(LocalDate.of(p.year(), q * 3, 1).plusMonths(1).minusDays(1)) && ofQuarter.stream().noneMatch(s -> s.heldOn() != null)) {
                    deduct(moves, b3, 1, p.year() + "年" + ChineseDate.quarter(q) + "未开展集中学习", with(ofQuarter, "B3-Q" + q));
                }
            }
        }
        for (AssessmentPeriod p : facts.annual) {
            if (facts.staff.stream().noneMatch(a -> PERIOD.contains(a.dueDate()))) {
                deduct(moves, b4, 4, p.id() + "无任何个人绩效考核记录", p, SameProblem.of("B4"));
            }
        }
        for (AssessmentPeriod p : facts.annual) {
            for (StaffAssessment a : facts.staff) {
                if (a.doneOn() == null && a.dueDate().isBefore(p.assessedOn()) && PERIOD.contains(a.dueDate())) {
                    deduct(moves, b5, 2, "个人绩效考核「" + a.period() + "」应于" + cn(a.dueDate()) + "前开展，至考评日仍未开展", a, SameProblem.of(a.id()));
                }
            }
        }
        for (StaffAssessment a : facts.staff) {
            if (a.doneOn() != null && a.doneOn().isAfter(a.dueDate()) && PERIOD.contains(a.dueDate())) {
                deduct(moves, b6, new BigDecimal("0.5"), "个人绩效考核「" + a.period() + "」应于" + cn(a.dueDate()) + "前开展，" + cn(a.doneOn())
                        + "才开展，逾期" + ChronoUnit.DAYS.between(a.dueDate(), a.doneOn()) + "天", a);
            }
        }
        for (StaffAssessment a : facts.staff) {
            if (a.doneOn() != null && !a.rewardsApplied() && PERIOD.contains(a.dueDate())) {
                deduct(moves, b7, 1, "个人绩效考核「" + a.period() + "」已于" + cn(a.doneOn()) + "开展，但考核结果未与奖惩挂钩", a, SameProblem.of(a.id()));
            }
        }

        // service.drl
        for (AssessmentPeriod p : facts.annual) {
            for (ServiceCase c : facts.cases) {
                boolean over = c.finished() != null ? c.finished().isAfter(c.dueOn()) : p.assessedOn().isAfter(c.dueOn());
                if (over && PERIOD.contains(c.received())) {
                    LocalDate until = c.finished() != null ? c.finished() : p.assessedOn();
                    String state = (c.finished() != null ? cn(c.finished()) + "才办结" : "至考评日仍未办结") + "，超时" + c.workingDaysOverdue(until) + "个工作日";
                    deduct(moves, c1, new BigDecimal("0.5"), "办件「" + c.matter() + "」" + cn(c.received()) + "受理，承诺" + c.promisedDays()
                            + "个工作日内办结（应于" + cn(c.dueOn()) + "前），" + state, c);
                }
            }
        }
        for (ServiceCase c : facts.cases) {
            if (c.passedOn() && PERIOD.contains(c.received())) {
                deduct(moves, c2, 1, "办件「" + c.matter() + "」（" + cn(c.received()) + "受理）首问责任人推诿，未负责到底", c);
            }
        }
        for (ServiceCase c : facts.cases) {
            if (c.complaintVerified() && PERIOD.contains(c.received())) {
                deduct(moves, c3, new BigDecimal("1.5"), "办件「" + c.matter() + "」（" + cn(c.received()) + "受理）被投诉，经查属实", c);
            }
        }

        // conduct.drl
        for (InspectionFinding x : facts.findings) {
            if (!PERIOD.contains(x.date())) {
                continue;
            }
            BigDecimal points = x.severity() == Severity.SERIOUS ? new BigDecimal("2")
                    : x.severity() == Severity.GENERAL ? new BigDecimal("1") : new BigDecimal("0.5");
            String reason = finding(x);
            if (x.rectifiedInTime()) {
                points = points.divide(new BigDecimal("2"));
                reason = reason + "，已于" + cn(x.rectifiedOn()) + "整改到位，减半扣分";
            }
            deduct(moves, d1, points, reason, findingEvidence(x));
        }
        for (InspectionFinding x : facts.findings) {
            if (PERIOD.contains(x.date()) && x.rectificationDeadline() != null && x.rectifiedOn() != null && x.rectifiedOn().isAfter(x.rectificationDeadline())) {
                deduct(moves, d2, new BigDecimal("0.5"), finding(x) + "限" + cn(x.rectificationDeadline()) + "前整改，" + cn(x.rectifiedOn())
                        + "才整改到位，逾期" + ChronoUnit.DAYS.between(x.rectificationDeadline(), x.rectifiedOn()) + "天", findingEvidence(x));
            }
        }
        for (AssessmentPeriod p : facts.annual) {
            for (InspectionFinding x : facts.findings) {
                if (PERIOD.contains(x.date()) && x.rectifiedOn() == null && x.rectificationDeadline() != null && x.rectificationDeadline().isBefore(p.assessedOn())) {
                    deduct(moves, d3, 1, finding(x) + "限" + cn(x.rectificationDeadline()) + "前整改，至考评日（" + cn(p.assessedOn())
                            + "）仍未整改，已逾期" + ChronoUnit.DAYS.between(x.rectificationDeadline(), p.assessedOn()) + "天", findingEvidence(x));
                }
            }
        }
        for (Violation v : facts.violations) {
            if (v.kind() == ViolationKind.PARTY_DISCIPLINE && PERIOD.contains(v.date())) {
                deduct(moves, d4, 3, who(v) + "受党纪政纪处分：" + v.description(), v, SameProblem.of(v.id()));
            }
        }
        for (Violation v : facts.violations) {
            if (v.kind() == ViolationKind.LAZINESS && PERIOD.contains(v.date())) {
                deduct(moves, d5, 1, who(v) + "因庸懒散、衙门作风被通报：" + v.description(), v, SameProblem.of(v.id()));
            }
        }

        // records.drl
        for (AssessmentPeriod p : facts.annual) {
            List<EvidenceRecord> backfilled = new ArrayList<>();
            boolean keptInTime = false;
            for (EvidenceRecord r : facts.records) {
                if (!PERIOD.contains(r.coversDate())) {
                    continue;
                }
                if (isBackfilled(r, p.assessedOn())) {
                    backfilled.add(r);
                    deduct(moves, e1, 1, "台账「" + r.activity() + "」记录" + cn(r.coversDate()) + "的活动，却在" + cn(r.madeOn())
                            + "（考评前" + ChronoUnit.DAYS.between(r.madeOn(), p.assessedOn()) + "天）才制作，属突击补痕迹", r);
                } else {
                    keptInTime = true;
                }
            }
            if (!keptInTime) {
                deduct(moves, e3, 5, p.id() + "没有一份平时按时制作的工作台账，督查和考评时查不到工作痕迹资料", p);
            }
            if (!backfilled.isEmpty()) {
                verdicts.add(new RawItem(e2, ItemKind.GRADE_LIMIT, BigDecimal.ZERO,
                        "考评前突击补痕迹资料" + backfilled.size() + "份，不得评为优秀", evidence(backfilled.toArray()), "良好", null));
            }
        }

        // satisfaction.drl
        int[] weights = {3, 4, 2, 2, 2, 2};
        RaterGroup[] groups = {RaterGroup.LEADERS, RaterGroup.PUBLIC, RaterGroup.STAFF, RaterGroup.SUPERIOR, RaterGroup.PEER, RaterGroup.SUBORDINATE};
        for (int g = 0; g < groups.length; g++) {
            for (Survey s : facts.surveys) {
                if (s.group() == groups[g] && s.satisfied() < s.respondents()) {
                    deduct(moves, f[g], dissatisfaction(s, weights[g]), surveyReason(s, weights[g]), s);
                }
            }
        }

        // bonus.drl: each achievement once, at its highest level, the lowest id among equals
        Map<String, Commendation> best = new HashMap<>();
        List<Commendation> counted = facts.commendations.stream()
                .filter(c -> c.kind() != CommendationKind.EFFICIENCY_AWARD && PERIOD.contains(c.date())).toList();
        for (Commendation c : counted) {
            best.merge(c.achievement(), c, (a, b) -> better(b, a) ? b : a);
        }
        for (Commendation c : counted) {
            Commendation top = best.get(c.achievement());
            if (c.level() == top.level() && c.id().equals(top.id())) {
                moves.add(new RawItem(g1, ItemKind.ADDITION, commendationPoints(c.level()), cn(c.date()) + "获" + c.level().label()
                        + c.kind().label() + "「" + c.title() + "」，加" + commendationPoints(c.level()).toPlainString() + "分", evidence(c), null, null));
            }
        }

        // veto.drl
        for (Violation v : facts.violations) {
            if (v.kind() == ViolationKind.EIGHT_PROHIBITIONS && PERIOD.contains(v.date())) {
                veto(verdicts, v1, (v.person() == null ? "" : v.person() + "于") + cn(v.date()) + "违反《云南省公务员八条禁令》：" + v.description(), v);
            }
        }
        for (Violation v : facts.violations) {
            if ((v.kind() == ViolationKind.MAJOR_ACCIDENT || v.kind() == ViolationKind.MASS_INCIDENT) && v.unitResponsible() && PERIOD.contains(v.date())) {
                veto(verdicts, v2, cn(v.date()) + "发生单位负有责任的" + v.kind().label() + "：" + v.description(), v);
            }
        }
        for (Violation v : facts.violations) {
            if (v.kind() == ViolationKind.FALSIFIED_MATERIAL && PERIOD.contains(v.date())) {
                veto(verdicts, v3, cn(v.date()) + "考核材料弄虚作假：" + v.description(), v);
            }
        }

        Scoring.Subtotal subtotal = Scoring.subtotal(manifest, ruleOrder, moves, wording);
        return Scoring.finish(manifest, subject.ref(), subtotal, verdicts, wording);
    }

    /** Whether {@code a} counts before {@code b} for one achievement: a higher level, then the lower id. */
    private static boolean better(Commendation a, Commendation b) {
        if (a.level() != b.level()) {
            return a.level().isHigherThan(b.level());
        }
        return a.id().compareTo(b.id()) < 0;
    }

    private static BigDecimal commendationPoints(CommendationLevel level) {
        switch (level) {
            case NATIONAL: return new BigDecimal("3");
            case PROVINCIAL: return new BigDecimal("2");
            case CITY: return new BigDecimal("1");
            default: return new BigDecimal("0.5");
        }
    }

    private static boolean isBackfilled(EvidenceRecord r, LocalDate assessedOn) {
        return !r.madeOn().isAfter(assessedOn)
                && !r.madeOn().isBefore(assessedOn.minusDays(30))
                && r.coversDate().isBefore(r.madeOn().minusDays(60));
    }

    private static BigDecimal dissatisfaction(Survey s, int weight) {
        long shortfall = 10L * s.respondents() - 10L * s.satisfied() - 6L * s.basicallySatisfied();
        return BigDecimal.valueOf(weight * shortfall).divide(BigDecimal.valueOf(10L * s.respondents()), 2, RoundingMode.HALF_UP);
    }

    private static String surveyReason(Survey s, int weight) {
        BigDecimal rate = BigDecimal.valueOf(100L * s.satisfied() + 60L * s.basicallySatisfied())
                .divide(BigDecimal.valueOf(s.respondents()), 1, RoundingMode.HALF_UP).stripTrailingZeros();
        BigDecimal earned = BigDecimal.valueOf(weight).subtract(dissatisfaction(s, weight));
        return s.group().label() + "：测评" + s.respondents() + "人，满意" + s.satisfied() + "人、基本满意" + s.basicallySatisfied()
                + "人、不满意" + s.dissatisfied() + "人，满意度" + rate.toPlainString() + "%；本项权重" + weight + "分，得"
                + earned.stripTrailingZeros().toPlainString() + "分";
    }

    private static String who(Violation v) {
        return (v.person() == null ? "" : v.person() + "于") + cn(v.date());
    }

    private static String cn(LocalDate day) {
        return ChineseDate.of(day);
    }

    private static String finding(InspectionFinding x) {
        return cn(x.date()) + x.kind().label() + "发现的" + x.severity().label() + "问题「" + x.description() + "」";
    }

    private static Object[] findingEvidence(InspectionFinding x) {
        return x.concerns() == null ? new Object[] {x} : new Object[] {x, SameProblem.of(x.concerns())};
    }

    private static Object[] with(List<?> facts, String problem) {
        Object[] evidence = facts.toArray(new Object[facts.size() + 1]);
        evidence[facts.size()] = SameProblem.of(problem);
        return evidence;
    }

    private static void deduct(List<RawItem> moves, RubricRule rule, long points, String reason, Object... evidence) {
        deduct(moves, rule, BigDecimal.valueOf(points), reason, evidence);
    }

    private static void deduct(List<RawItem> moves, RubricRule rule, BigDecimal points, String reason, Object... evidence) {
        moves.add(new RawItem(rule, ItemKind.DEDUCTION, points.negate(), reason, evidence(evidence), null, null));
    }

    private void veto(List<RawItem> verdicts, RubricRule rule, String reason, Object evidence) {
        VetoEffect effect = rule.effect() != null ? rule.effect() : manifest.vetoEffect();
        verdicts.add(new RawItem(rule, ItemKind.VETO, BigDecimal.ZERO, reason, evidence(evidence), null, effect));
    }

    private static List<Evidence> evidence(Object... facts) {
        List<Evidence> result = new ArrayList<>(facts.length);
        for (Object f : facts) {
            result.add(new Evidence(f.getClass().getSimpleName(), idOf(f), Map.of()));
        }
        return result;
    }

    private static String idOf(Object fact) {
        if (fact instanceof TargetTask t) return t.id();
        if (fact instanceof Kpi k) return k.id();
        if (fact instanceof CoreSystem c) return c.id();
        if (fact instanceof Disclosure d) return d.id();
        if (fact instanceof StudySession s) return s.id();
        if (fact instanceof StaffAssessment a) return a.id();
        if (fact instanceof ServiceCase c) return c.id();
        if (fact instanceof InspectionFinding x) return x.id();
        if (fact instanceof Violation v) return v.id();
        if (fact instanceof EvidenceRecord r) return r.id();
        if (fact instanceof Survey s) return s.id();
        if (fact instanceof Commendation c) return c.id();
        if (fact instanceof AssessmentPeriod p) return p.id();
        if (fact instanceof SameProblem k) return k.id();
        return null;
    }

    /** A subject's facts sorted by type, in their order. */
    private static final class Facts {
        final List<AssessmentPeriod> annual = new ArrayList<>();
        final List<TargetTask> tasks = new ArrayList<>();
        final List<Kpi> kpis = new ArrayList<>();
        final Map<CoreSystemKind, List<CoreSystem>> coreSystems = new EnumMap<>(CoreSystemKind.class);
        final Map<DisclosureKind, List<Disclosure>> disclosures = new EnumMap<>(DisclosureKind.class);
        final List<List<StudySession>> studies = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        final List<StaffAssessment> staff = new ArrayList<>();
        final List<ServiceCase> cases = new ArrayList<>();
        final List<InspectionFinding> findings = new ArrayList<>();
        final List<Violation> violations = new ArrayList<>();
        final List<EvidenceRecord> records = new ArrayList<>();
        final List<Survey> surveys = new ArrayList<>();
        final List<Commendation> commendations = new ArrayList<>();

        Facts(List<Object> facts) {
            for (Object o : facts) {
                if (o instanceof AssessmentPeriod p) {
                    if (p.kind() == PeriodKind.ANNUAL) annual.add(p);
                } else if (o instanceof TargetTask t) tasks.add(t);
                else if (o instanceof Kpi k) kpis.add(k);
                else if (o instanceof CoreSystem c) coreSystems.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
                else if (o instanceof Disclosure d) disclosures.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d);
                else if (o instanceof StudySession s) studies.get(s.quarter() - 1).add(s);
                else if (o instanceof StaffAssessment a) staff.add(a);
                else if (o instanceof ServiceCase c) cases.add(c);
                else if (o instanceof InspectionFinding x) findings.add(x);
                else if (o instanceof Violation v) violations.add(v);
                else if (o instanceof EvidenceRecord r) records.add(r);
                else if (o instanceof Survey s) surveys.add(s);
                else if (o instanceof Commendation c) commendations.add(c);
            }
        }
    }
}

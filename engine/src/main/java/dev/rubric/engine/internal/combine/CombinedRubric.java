package dev.rubric.engine.internal.combine;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Facts;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.ItemKind;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Manifest;
import dev.rubric.api.Period;
import dev.rubric.api.Problem;
import dev.rubric.api.Progress;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.internal.json.FactReader;
import dev.rubric.api.Numbers;
import dev.rubric.engine.internal.manifest.Combination;
import dev.rubric.engine.internal.manifest.Combination.Aggregate;
import dev.rubric.engine.internal.manifest.Combination.PeriodKind;
import dev.rubric.engine.internal.manifest.ManifestReader;
import dev.rubric.engine.internal.scoring.RawItem;
import dev.rubric.engine.internal.scoring.Scoring;
import dev.rubric.engine.internal.scoring.Wording;
import org.kie.api.definition.type.FactType;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A combined rubric (平时考核和半年、年终考核相结合): parts, each a rubric scored over quarters, half-years or the year,
 * whose periods are aggregated (mean, sum, last) and weighted into one itemized result.
 *
 * <p>Design notes. The combined result is made by the same arithmetic as any other ({@link Scoring#finish} and
 * {@link Scoring#cohort}), so grades, grade limits, vetoes, ranks, tie-breaks and quotas mean what they mean for a
 * single rubric. What the combination adds is linear: a part's period {@code i} counts with the factor
 * {@code f = weight / n} (mean over {@code n} periods), {@code weight} (sum) or {@code weight} for the last period and 0
 * for the others (last). Each item a part made in a period is carried over with its points times {@code f}, each
 * category becomes {@code part/category} with its bounds times the part's summed factors, and the base is the sum of
 * the scaled starting values; since {@code f} multiplies exactly (n is 1, 2 or 4, so {@code weight / n} is an exact
 * decimal), {@code base + Σ points == total} holds with no rounding and no residue. A veto in any period is carried
 * with its part's effect and the points its part's zeroing moved, and counts for the combined result.
 */
public final class CombinedRubric implements Rubric {

    /** A part with everything its evaluation needs. */
    record Part(Combination.Part spec, LoadedPart loaded, Map<String, RubricRule> rules) {
    }

    private final RubricInfo info;
    private final Manifest manifest;
    private final Combination combination;
    private final List<Part> parts;
    private final List<RubricRule> rules;
    private final LoadOptions options;
    private final Wording wording;
    private final Map<String, FactType> declaredTypes;
    /** For each fact class, the parts (by position) whose rules can take it. */
    private final Map<Class<?>, BitSet> takers = new ConcurrentHashMap<>();

    CombinedRubric(RubricInfo info, Manifest manifest, Combination combination, List<Part> parts, LoadOptions options) {
        this.info = info;
        this.manifest = manifest;
        this.combination = combination;
        this.parts = List.copyOf(parts);
        this.options = options;
        this.wording = Wording.of(manifest);
        List<RubricRule> all = new ArrayList<>();
        Map<String, FactType> declared = new LinkedHashMap<>();
        for (Part p : parts) {
            all.addAll(p.rules().values());
            p.loaded().declaredTypes().forEach(declared::putIfAbsent);
        }
        this.rules = List.copyOf(all);
        this.declaredTypes = declared;
    }

    @Override
    public RubricInfo info() {
        return info;
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    /** Every rule of every part, in part order: ids as {@code part/id}, files as {@code folder/file}. */
    @Override
    public List<RubricRule> rules() {
        return rules;
    }

    @Override
    public Evaluation evaluate(Subject subject, Period period) {
        Objects.requireNonNull(subject, "subject");
        return combined(subject, checked(period));
    }

    @Override
    public CohortResult evaluateCohort(List<Subject> cohort, Period period) {
        return evaluateCohort(cohort, period, Progress.NONE);
    }

    @Override
    public CohortResult evaluateCohort(List<Subject> cohort, Period period, Progress progress) {
        Period whole = checked(period);
        Objects.requireNonNull(progress, "progress");
        Set<String> ids = new HashSet<>();
        for (Subject s : cohort) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("subject id [" + s.id() + "] appears twice in the cohort; subject ids must be unique");
            }
        }
        List<Evaluation> each = new ArrayList<>(cohort.size());
        for (Subject s : cohort) {
            each.add(combined(s, whole));
            progress.update(each.size(), cohort.size());
        }
        return Scoring.cohort(manifest, info, each, wording);
    }

    @Override
    public Facts readFacts(InputStream json, String sourceName) {
        return reader().read(json, sourceName);
    }

    /** Whether some part's rules can match facts of the class. */
    @Override
    public boolean reads(Class<?> factType) {
        Objects.requireNonNull(factType, "factType");
        return parts.stream().anyMatch(p -> p.loaded().rubric().reads(factType));
    }

    @Override
    public Object newFact(String type, Map<String, ?> properties) {
        return reader().fact(type, properties, "newFact(" + type + ")");
    }

    /** Facts are read with every part's declared types (the first part that declares a name gives its type). */
    private FactReader reader() {
        return new FactReader(declaredTypes, parts.get(0).loaded().classLoader(), options);
    }

    @Override
    public String toString() {
        return "Rubric[" + info.id() + " " + info.version() + " " + info.digest() + ", combined of " + parts.size() + " parts]";
    }

    /** The period, refused unless it is one period of the kind the rubric covers. */
    private Period checked(Period period) {
        Objects.requireNonNull(period, "period");
        PeriodKind over = combination.over();
        String declared = "period: " + over.key() + (combination.overLine() > 0 ? " on line " + combination.overLine() : " by default")
                + " of " + ManifestReader.FILE;
        if (period.isUnbounded()) {
            throw new IllegalArgumentException("rubric [" + info.id() + "] combines periods and covers " + over.noun() + " (" + declared
                    + "); name one, such as " + example(over) + ", in the facts file, with --period or as Period.parse(\"" + example(over) + "\")");
        }
        PeriodKind kind = kindOf(period);
        if (kind != over) {
            List<String> misfits = new ArrayList<>();
            for (Part p : parts) {
                if (kind != null && !p.spec().period().fitsIn(kind)) {
                    misfits.add("part [" + p.spec().id() + "] (line " + p.spec().periodLine() + ") is scored over " + p.spec().period().noun());
                }
            }
            throw new IllegalArgumentException("period [" + (period.id() != null ? period.id() : period.start() + ".." + period.end()) + "] is "
                    + (kind == null ? "not a calendar year, half-year or quarter" : kind.noun())
                    + ", but rubric [" + info.id() + "] covers " + over.noun() + " (" + declared + ")"
                    + (misfits.isEmpty() ? "" : ": " + String.join(", ", misfits) + ", which does not fit in it")
                    + "; name " + over.noun() + ", such as " + example(over));
        }
        return period;
    }

    private static String example(PeriodKind kind) {
        return switch (kind) {
            case YEAR -> "2026";
            case HALF -> "2026-H1";
            case QUARTER -> "2026-Q3";
        };
    }

    /** The kind of a calendar quarter, half-year or year, by its days; null for any other period. */
    static PeriodKind kindOf(Period period) {
        LocalDate start = period.start();
        if (start.getDayOfMonth() != 1 || period.end().equals(LocalDate.MAX)) {
            return null;
        }
        for (PeriodKind kind : PeriodKind.values()) {
            int months = 12 / kind.perYear();
            if ((start.getMonthValue() - 1) % months == 0 && period.end().equals(start.plusMonths(months).minusDays(1))) {
                return kind;
            }
        }
        return null;
    }

    /** The periods of {@code kind} that tile {@code whole}, a period of the kind the rubric covers, in order. */
    static List<Period> split(Period whole, PeriodKind kind) {
        List<Period> periods = new ArrayList<>();
        int year = whole.start().getYear();
        int months = 12 / kind.perYear();
        for (LocalDate start = whole.start(); !start.isAfter(whole.end()); start = start.plusMonths(months)) {
            int index = (start.getMonthValue() - 1) / months + 1;
            periods.add(switch (kind) {
                case QUARTER -> Period.quarter(year, index);
                case HALF -> Period.half(year, index);
                case YEAR -> Period.year(year);
            });
        }
        return periods;
    }

    /** How a period is named in the reasons of the items it carries: 第二季度, 上半年, 2026年度 (Q2 2026, H1 2026, 2026). */
    private String label(PeriodKind kind, Period period) {
        int year = period.start().getYear();
        int months = 12 / kind.perYear();
        int index = (period.start().getMonthValue() - 1) / months + 1;
        boolean zh = Wording.isChinese(manifest);
        return switch (kind) {
            case QUARTER -> zh ? "第" + "一二三四".charAt(index - 1) + "季度" : "Q" + index + " " + year;
            case HALF -> zh ? (index == 1 ? "上半年" : "下半年") : "H" + index + " " + year;
            case YEAR -> zh ? year + "年度" : String.valueOf(year);
        };
    }

    /** The factor period {@code i} of {@code n} counts with: weight / n (mean), weight (sum), weight or 0 (last). */
    static BigDecimal factor(Combination.Part part, int i, int n) {
        return switch (part.aggregate()) {
            case MEAN -> part.weight().divide(BigDecimal.valueOf(n)); // n is 1, 2 or 4: exact
            case SUM -> part.weight();
            case LAST -> i == n - 1 ? part.weight() : BigDecimal.ZERO;
        };
    }

    private Evaluation combined(Subject subject, Period whole) {
        List<Subject> forPart = factsFor(subject);
        List<ScoreItem> items = new ArrayList<>();
        List<RawItem> verdicts = new ArrayList<>();
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        manifest.categories().forEach(c -> scores.put(c.id(), BigDecimal.ZERO));
        BigDecimal total = BigDecimal.ZERO;
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            Combination.Part spec = part.spec();
            List<Period> periods = split(whole, spec.period());
            for (int i = 0; i < periods.size(); i++) {
                Period period = periods.get(i);
                BigDecimal f = factor(spec, i, periods.size());
                Evaluation e = part.loaded().rubric().evaluate(forPart.get(k), period);
                String label = label(spec.period(), period);
                total = total.add(scaled(e.total(), f));
                for (CategoryScore c : e.categories()) {
                    scores.merge(spec.id() + "/" + c.id(), scaled(c.score(), f), BigDecimal::add);
                }
                for (ScoreItem item : e.items()) {
                    switch (item.kind()) {
                        case DEDUCTION, ADDITION, CAP -> {
                            if (f.signum() != 0) {
                                items.add(carried(part, item, f, label, periods.size()));
                            }
                        }
                        case VETO -> verdicts.add(new RawItem(rule(part, item), ItemKind.VETO, scaled(item.points(), f),
                                prefixed(label, item.reason()), item.evidence(), null, item.effect()));
                        case GRADE_LIMIT -> verdicts.add(new RawItem(rule(part, item), ItemKind.GRADE_LIMIT, BigDecimal.ZERO,
                                prefixed(label, item.reason()), item.evidence(), item.grade(), null));
                        case QUOTA -> throw new IllegalStateException("a part evaluated alone has no quota item, found one in part ["
                                + spec.id() + "]");
                    }
                }
            }
        }
        List<CategoryScore> categories = new ArrayList<>();
        for (Manifest.Category c : manifest.categories()) {
            categories.add(new CategoryScore(c.id(), c.name(), scores.get(c.id()), c.max(), c.min()));
        }
        // vetoes are listed after grade limits and both after the items, as Scoring.finish lists them for any rubric
        Scoring.Subtotal subtotal = new Scoring.Subtotal(items, categories, total);
        return Scoring.finish(manifest, new SubjectRef(subject.id(), subject.name()), whole, subtotal, verdicts, wording);
    }

    private static BigDecimal scaled(BigDecimal points, BigDecimal f) {
        BigDecimal p = points.multiply(f);
        return p.signum() == 0 ? BigDecimal.ZERO : p.stripTrailingZeros();
    }

    private String prefixed(String label, String reason) {
        return label + (Wording.isChinese(manifest) ? "：" : ": ") + reason;
    }

    /** An item of a part's period as the combined result lists it: its period named, its points scaled, the scaling told. */
    private ScoreItem carried(Part part, ScoreItem item, BigDecimal f, String label, int n) {
        String id = part.spec().id();
        RubricRule rule = item.rule() == null ? null : part.rules().get(item.rule());
        String reason = wording.withNote(prefixed(label, item.reason()), scaling(part.spec(), item, n));
        return new ScoreItem(rule == null ? null : rule.id(), item.ruleName(), item.category() == null ? null : id + "/" + item.category(),
                item.kind(), scaled(item.points(), f), reason, item.evidence(),
                item.source() == null ? null : part.spec().rubric() + "/" + item.source(), item.grade(), item.effect());
    }

    /** How an item's points were scaled: 原扣5分，按权重0.3、4个季度平均折算 / -5 points, weighted 0.3, averaged over 4 quarters. */
    private String scaling(Combination.Part spec, ScoreItem item, int n) {
        String points = Numbers.plain(item.points().abs());
        String weight = Numbers.plain(spec.weight());
        boolean averaged = spec.aggregate() == Aggregate.MEAN && n > 1;
        if (Wording.isChinese(manifest)) {
            String was = switch (item.kind()) {
                case DEDUCTION -> "原扣" + points + "分";
                case ADDITION -> "原加" + points + "分";
                default -> "原计" + Numbers.plain(item.points()) + "分";
            };
            String over = spec.period() == PeriodKind.HALF && n == 2 ? "上下半年" : n + "个" + (spec.period() == PeriodKind.QUARTER ? "季度" : "半年");
            return was + "，按权重" + weight + (averaged ? "、" + over + "平均" : "") + "折算";
        }
        String unit = spec.period() == PeriodKind.QUARTER ? "quarters" : "half-years";
        return Numbers.plain(item.points()) + " points, weighted " + weight + (averaged ? ", averaged over " + n + " " + unit : "");
    }

    private static RubricRule rule(Part part, ScoreItem item) {
        RubricRule rule = part.rules().get(item.rule());
        if (rule == null) {
            throw new IllegalStateException("part [" + part.spec().id() + "] made an item of rule [" + item.rule() + "], which it does not list");
        }
        return rule;
    }

    /**
     * The subject as each part sees it: the facts its rules can take (the fact model's, and those of types its rules
     * read or it declares). A fact no part takes is refused, as a single rubric refuses it: it would count for nothing.
     */
    private List<Subject> factsFor(Subject subject) {
        List<List<Object>> each = new ArrayList<>();
        parts.forEach(p -> each.add(new ArrayList<>()));
        List<Object> facts = subject.facts();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            Object fact = facts.get(i);
            BitSet taken = takers.computeIfAbsent(fact.getClass(), this::takers);
            if (taken.isEmpty()) {
                problems.add(Problem.atPointer("subject [" + subject.id() + "]", "/facts/" + i, "fact " + i + " is ["
                        + fact.getClass().getName() + "], a type no part of rubric [" + info.id() + "] reads, so it would count for nothing; "
                        + "give facts of the parts' declared types " + new TreeSet<>(declaredTypes.keySet())
                        + " (Rubric.newFact) or of the department fact model (dev.rubric.model)"));
                continue;
            }
            taken.stream().forEach(k -> each.get(k).add(fact));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException("subject [" + subject.id() + "]", problems);
        }
        List<Subject> result = new ArrayList<>();
        for (List<Object> mine : each) {
            result.add(new Subject(subject.id(), subject.name(), mine));
        }
        return result;
    }

    private BitSet takers(Class<?> type) {
        BitSet taken = new BitSet();
        boolean model = type.getName().startsWith(FactReader.MODEL_PACKAGE);
        for (int k = 0; k < parts.size(); k++) {
            LoadedPart p = parts.get(k).loaded();
            // a type of the same name another part (or another load) declares is converted by the part, or refused by it
            if (model || p.rubric().reads(type) || (!model && p.declaredTypes().containsKey(type.getSimpleName()))) {
                taken.set(k);
            }
        }
        return taken;
    }
}

package dev.rubric.engine.internal.session;

import dev.rubric.api.Evidence;
import dev.rubric.engine.internal.sandbox.Budget;
import java.util.function.Predicate;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Numbers;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreSheet;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.internal.compile.RuleIndexer;
import dev.rubric.engine.internal.compile.RuleLookup;
import dev.rubric.engine.internal.scoring.RawItem;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The score sheet of one evaluation: it learns which rule is firing from the agenda, so every item is
 * attributed to its rule without the rule author passing anything but points, reason and evidence.
 *
 * <p>One instance per session and never shared: a global set on a shared session would mix subjects.
 */
final class RecordingSheet extends DefaultAgendaEventListener implements ScoreSheet {

    /** The most digits points may have before, and after, the decimal point; as many as a fact's number may have. */
    private static final int MAX_DIGITS = 1000;

    private final Map<String, RubricRule> rules;
    private final RuleLookup lookup;
    private final Manifest manifest;
    private final List<RawItem> moves = new ArrayList<>();
    private final List<RawItem> verdicts = new ArrayList<>();
    /** Firings per rule, by the rule's place in the rubric: counted on every firing, so no map and no boxing. */
    private final int[] firings;
    private final long deadline;
    /** Which classes may be cited as evidence; null for any (a trusted rubric). */
    private final Predicate<Class<?>> citable;
    private RubricRule current;
    private boolean grading;
    private boolean timedOut;

    /**
     * @param rules  the rubric's rules by package and name
     * @param lookup the same rules by the engine's rule objects, looked up by identity (no name to build per firing), and
     *               their places in the rubric
     */
    RecordingSheet(Map<String, RubricRule> rules, RuleLookup lookup, Manifest manifest, long deadlineNanos,
                   Predicate<Class<?>> citable) {
        this.citable = citable;
        this.rules = rules;
        this.lookup = lookup;
        this.firings = new int[lookup.ruleIndex().size()];
        this.manifest = manifest;
        this.deadline = deadlineNanos;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Budget.checkpoint();
        if (System.nanoTime() - deadline > 0 && !timedOut) {
            timedOut = true;
            event.getKieRuntime().halt(); // takes effect once this firing is done
        }
        Rule rule = event.getMatch().getRule();
        Integer at = lookup.placeOfRule().get(rule);
        if (at != null) {
            current = lookup.rules().get(at);
            firings[at]++;
        } else {
            current = ruleOf(rule);
            Integer known = current == null ? null : lookup.ruleIndex().get(current);
            if (known != null) {
                firings[known]++;
            }
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
    }

    /** The rule whose consequence is running, or null between firings. */
    RubricRule firing() {
        return current;
    }

    RubricRule ruleOf(Rule rule) {
        Integer at = lookup.placeOfRule().get(rule);
        return at != null ? lookup.rules().get(at) : rules.get(RuleIndexer.qualifiedName(rule.getPackageName(), rule.getName()));
    }

    /** Whether the evaluation ran past its time limit. */
    boolean timedOut() {
        return timedOut;
    }

    void startGrading() {
        grading = true;
    }

    List<RawItem> moves() {
        return moves;
    }

    List<RawItem> verdicts() {
        return verdicts;
    }

    /** The rule that fired most often, the likely culprit when the firing limit is reached. */
    RubricRule busiest() {
        RubricRule busiest = null;
        int most = 0;
        for (Map.Entry<RubricRule, Integer> e : lookup.ruleIndex().entrySet()) {
            if (firings[e.getValue()] > most) {
                most = firings[e.getValue()];
                busiest = e.getKey();
            }
        }
        return busiest;
    }

    int firingsOf(RubricRule rule) {
        Integer at = lookup.ruleIndex().get(rule);
        return at == null ? 0 : firings[at];
    }

    @Override
    public void deduct(Number points, String reason, Object... evidence) {
        move("deduct", ItemKind.DEDUCTION, points, reason, evidence);
    }

    @Override
    public void add(Number points, String reason, Object... evidence) {
        move("add", ItemKind.ADDITION, points, reason, evidence);
    }

    @Override
    public void veto(String reason, Object... evidence) {
        RubricRule rule = caller("veto");
        VetoEffect effect = rule.effect() != null ? rule.effect() : manifest.vetoEffect();
        verdicts.add(new RawItem(rule, ItemKind.VETO, BigDecimal.ZERO, reason(reason, "veto"), evidence(evidence), null, effect));
    }

    @Override
    public void limitGrade(String grade, String reason, Object... evidence) {
        RubricRule rule = caller("limitGrade");
        if (grade == null || manifest.gradeIndex(grade) < 0) {
            throw new ScoreSheetMisuse("calls score.limitGrade(\"" + grade + "\"), but the manifest has no such grade; its grades are "
                    + manifest.grades().stream().map(Manifest.GradeBand::id).toList());
        }
        verdicts.add(new RawItem(rule, ItemKind.GRADE_LIMIT, BigDecimal.ZERO, reason(reason, "limitGrade"), evidence(evidence), grade, null));
    }

    private void move(String call, ItemKind kind, Number points, String reason, Object[] evidence) {
        RubricRule rule = caller(call);
        if (grading) {
            throw new ScoreSheetMisuse("calls score." + call
                    + " in the grading phase; grading rules may only call score.veto and score.limitGrade");
        }
        if (rule.category() == null) {
            throw new ScoreSheetMisuse("calls score." + call + " but has no @category; add @category(\"…\") naming one of "
                    + manifest.categories().stream().map(Manifest.Category::id).toList());
        }
        BigDecimal amount = amount(call, points);
        moves.add(new RawItem(rule, kind, kind == ItemKind.DEDUCTION ? amount.negate() : amount, reason(reason, call),
                evidence(evidence), null, null));
    }

    private RubricRule caller(String call) {
        if (current == null) {
            throw new ScoreSheetMisuse("score." + call + " was called outside a rule's consequence (from a condition or a function called by one); call it in the then part of a rule");
        }
        return current;
    }

    private static String reason(String reason, String call) {
        if (reason == null) {
            throw new ScoreSheetMisuse("calls score." + call + " with a null reason; give the sentence an auditor should read");
        }
        return reason;
    }

    private static BigDecimal amount(String call, Number points) {
        if (points == null) {
            throw new ScoreSheetMisuse("calls score." + call + " with null points; give a positive number");
        }
        BigDecimal amount;
        if (points instanceof BigDecimal d) {
            amount = d;
        } else if (points instanceof Integer || points instanceof Long || points instanceof Short || points instanceof Byte) {
            amount = BigDecimal.valueOf(points.longValue());
        } else if (points instanceof BigInteger i) {
            amount = new BigDecimal(i);
        } else {
            double d = points.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ScoreSheetMisuse("calls score." + call + " with " + d + " points; points must be a finite number");
            }
            try {
                amount = new BigDecimal(points.toString());
            } catch (NumberFormatException e) {
                amount = BigDecimal.valueOf(d);
            }
            if (points instanceof Double || points instanceof Float) {
                // binary arithmetic in a rule (0.1 * 3 = 0.30000000000000004) must not leak into exact scores:
                // a double carries 15 significant decimal digits, so round to them and drop the noise
                amount = amount.round(new MathContext(points instanceof Float ? 7 : 15)).stripTrailingZeros();
            }
        }
        if (amount.precision() - amount.scale() > MAX_DIGITS || amount.scale() > MAX_DIGITS) {
            // BigDecimal("1e999999999") is short to write, but adding it to a category's score builds a billion digits
            throw new ScoreSheetMisuse("calls score." + call + " with " + amount + " points; points may have at most " + MAX_DIGITS
                    + " digits before and " + MAX_DIGITS + " after the decimal point");
        }
        if (amount.signum() < 0) {
            throw new ScoreSheetMisuse("calls score." + call + " with " + Numbers.plain(amount)
                    + " points; points are given as a positive number (score.deduct lowers the score, score.add raises it)");
        }
        return amount;
    }

    private List<Evidence> evidence(Object[] facts) {
        if (facts == null || facts.length == 0) {
            return List.of();
        }
        // an immutable list, so the items that carry it take it as it is instead of copying it
        Evidence[] result = new Evidence[facts.length];
        int n = 0;
        for (Object f : facts) {
            if (f != null) {
                if (citable != null && !citable.test(f.getClass())) {
                    throw new ScoreSheetMisuse("cites a [" + f.getClass().getSimpleName() + "] as evidence; evidence is a fact: a fact of "
                            + "the fact model or of a type the rubric declares (restricted mode reads nothing else)");
                }
                result[n++] = EvidenceCapture.of(f);
            }
        }
        return n == 1 ? List.of(result[0]) : List.of(java.util.Arrays.copyOf(result, n));
    }
}

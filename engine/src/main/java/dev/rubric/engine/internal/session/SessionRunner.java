package dev.rubric.engine.internal.session;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.Evaluation;
import dev.rubric.api.EvaluationException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Period;
import dev.rubric.api.Problem;
import dev.rubric.api.RubricException;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Subject;
import dev.rubric.api.TotalScore;
import dev.rubric.engine.internal.compile.CompiledRules;
import dev.rubric.engine.internal.compile.FactModel;
import dev.rubric.engine.internal.compile.RuleIndexer;
import dev.rubric.engine.internal.compile.RuleLookup;
import dev.rubric.engine.internal.sandbox.Budget;
import dev.rubric.engine.internal.sandbox.BudgetExceeded;
import dev.rubric.engine.internal.scoring.Scoring;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaGroup;
import org.kie.api.runtime.rule.ConsequenceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one evaluation: a fresh session and score sheet, the scoring phase, the arithmetic of steps 1–3,
 * the grading phase on the category and total scores, and the arithmetic of steps 4–6.
 *
 * <p>Each phase fires at most {@code firingLimit} rules; a rubric whose rules keep re-activating
 * themselves stops there with an error naming the rule that fired most, instead of hanging. The time limit
 * is checked before each firing (a clock read, no thread per evaluation), so it stops rules that fire for
 * too long; a single consequence that never returns cannot be stopped from outside without killing its thread.
 *
 * <p>Every evaluation pays for what it does, not for the size of its rubric: sessions come from the compiled
 * rules' {@link dev.rubric.engine.internal.compile.SessionPool}, the firing rule is found by identity, items are ordered by
 * a {@link Scoring.RuleOrder} made once, and the grading phase is left out when no rule could see its facts.
 */
public final class SessionRunner {

    /** The most bytes one subject's evaluation may allocate. */
    static final long ALLOCATION_LIMIT = 256L << 20;
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("\\[Rule \"([^\"]+)\"");

    private final CompiledRules rules;
    private final int firingLimit;
    private final long timeLimitNanos;
    private final boolean restricted;
    private final LoadOptions options;
    /** Made once per compiled content, shared by every load of it. */
    private final RuleLookup lookup;
    private final Map<Class<?>, FactType> declaredByClass;

    /**
     * A fact the session may change freely. Facts of the rubric's declared types are mutable and rules may
     * {@code modify} them; the session gets a copy, so an evaluation never changes the caller's facts and the
     * same subject evaluated twice (or one fact shared by several subjects) scores the same each time. Other
     * facts (the fact model's records) are immutable and go in as they are.
     *
     * <p>No fact is left out in silence: a fact of a type another load of a rubric declared (each compiled rubric
     * has classes of its own, so the facts a service read with one version of a rubric would match no rule of the
     * next) is converted to this rubric's type of the same name, property by property, or refused when the
     * properties differ; a fact of a type no rule can match and that is neither declared nor of the fact model is
     * refused, naming the subject and the fact's position.
     *
     * @param at the fact's position in the subject's facts, for messages
     */
    private Object ownCopy(Subject subject, int at, Object fact) {
        FactType type = declaredByClass.get(fact.getClass());
        if (type == null) {
            if (readable.get(fact.getClass())) {
                return fact;
            }
            FactType sameName = rules.declaredTypes().get(fact.getClass().getSimpleName());
            if (sameName != null) {
                return converted(subject, at, fact, sameName);
            }
            if (FactModel.contains(fact.getClass())) {
                return fact; // the department fact model: known to every rubric, read or not
            }
            throw unknownFact(subject, at, fact);
        }
        try {
            Object copy = type.newInstance();
            for (FactField field : type.getFields()) {
                type.set(copy, field.getName(), readOnly(type.get(fact, field.getName())));
            }
            return copy;
        } catch (InstantiationException | IllegalAccessException e) {
            return fact; // a declared type always has its no-argument constructor; keep the original if not
        }
    }


    /** Whether some rule of the rubric can match facts of a class: a pattern of the class or of a supertype of it. */
    private final ClassValue<Boolean> readable = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return reads(rules, type);
        }
    };

    /**
     * Whether some rule of a rubric can match facts of {@code type}: the compiled rules have a pattern of the type or
     * of one of its supertypes.
     */
    public static boolean reads(CompiledRules rules, Class<?> type) {
        if (!(rules.kieBase() instanceof InternalRuleBase base)) {
            return true; // another engine's knowledge base: assume it does
        }
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            ObjectType objectType = node.getObjectType();
            boolean initialFact = objectType instanceof org.drools.base.base.ClassObjectType c
                    && org.drools.base.InitialFact.class.isAssignableFrom(c.getClassType()); // the engine's own, not a rule's
            if (!initialFact && objectType.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /** A fact of another load's declared type, made again as this rubric's type of the same name. */
    private Object converted(Subject subject, int at, Object fact, FactType type) {
        Class<?> foreign = fact.getClass();
        String where = "/facts/" + at;
        List<Problem> problems = new ArrayList<>();
        Map<String, java.lang.reflect.Method> getters = new java.util.TreeMap<>();
        for (java.lang.reflect.Method m : foreign.getMethods()) {
            String property = property(m);
            if (property != null) {
                getters.put(property, m);
            }
        }
        Object copy;
        try {
            copy = type.newInstance();
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("declared type [" + type.getName() + "] cannot be made: " + e.getMessage(), e);
        }
        java.util.Set<String> ours = new java.util.TreeSet<>();
        for (FactField field : type.getFields()) {
            ours.add(field.getName());
            java.lang.reflect.Method getter = getters.get(field.getName());
            if (getter == null) {
                problems.add(Problem.atPointer(source(subject), where + "/" + field.getName(), "the fact's type [" + foreign.getSimpleName()
                        + "] comes from another load of a rubric and has no property [" + field.getName() + "], which this rubric's ["
                        + type.getSimpleName() + "] has; read the facts again with this rubric (Rubric.readFacts or newFact)"));
                continue;
            }
            try {
                Object value = getter.invoke(fact);
                if (value != null && !box(field.getType()).isInstance(value)) {
                    problems.add(Problem.atPointer(source(subject), where + "/" + field.getName(), "property [" + field.getName() + "] of ["
                            + foreign.getSimpleName() + "] from another load of a rubric holds " + value.getClass().getSimpleName()
                            + ", but this rubric's [" + type.getSimpleName() + "] needs " + field.getType().getSimpleName()
                            + "; read the facts again with this rubric"));
                    continue;
                }
                type.set(copy, field.getName(), value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                problems.add(Problem.atPointer(source(subject), where + "/" + field.getName(), "property [" + field.getName() + "] of ["
                        + foreign.getSimpleName() + "] cannot be read: " + e));
            }
        }
        for (String property : getters.keySet()) {
            if (!ours.contains(property)) {
                problems.add(Problem.atPointer(source(subject), where + "/" + property, "the fact's type [" + foreign.getSimpleName()
                        + "] comes from another load of a rubric and has property [" + property + "], which this rubric's ["
                        + type.getSimpleName() + "] does not have, so its value would be lost; read the facts again with this rubric"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(source(subject), problems);
        }
        return copy;
    }

    private static String property(java.lang.reflect.Method m) {
        if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        String n = m.getName();
        String rest = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                : n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class) ? n.substring(2) : null;
        if (rest == null) {
            return null;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
    }

    private static String source(Subject subject) {
        return "subject [" + subject.id() + "]";
    }

    private InvalidFactsException unknownFact(Subject subject, int at, Object fact) {
        String typeName = fact instanceof Map<?, ?> map && map.get("type") != null
                ? "a map (" + fact.getClass().getName() + ") with type [" + map.get("type") + "]" : "[" + fact.getClass().getName() + "]";
        String hint = fact instanceof Map<?, ?> map2 && map2.get("type") != null
                ? "; make the fact with Rubric.newFact(\"" + map2.get("type") + "\", properties) instead of passing a map"
                : "; give facts of the rubric's declared types " + new java.util.TreeSet<>(rules.declaredTypes().keySet())
                + " (Rubric.newFact) or of the department fact model (dev.rubric.model)";
        return new InvalidFactsException(source(subject), List.of(Problem.atPointer(source(subject), "/facts/" + at,
                "fact " + at + " is " + typeName + ", a type no rule of rubric [" + rules.info().id() + "] reads, so it would count for nothing"
                        + hint)));
    }

    /**
     * @param options the limits, and whether evidence is limited to the fact model, the rubric's declared types, the
     *                application's allowed classes and the engine's facts (restricted) or not (trusted)
     */
    /**
     * A collection a fact holds, as a read-only copy: the caller's list is shared by every evaluation of the fact, so a
     * rule that changed it would change what the next evaluation sees. A rule that tries fails with
     * {@link UnsupportedOperationException}, naming the rule.
     */
    private static Object readOnly(Object value) {
        if (value instanceof List<?> list) {
            return java.util.Collections.unmodifiableList(new ArrayList<>(list));
        }
        if (value instanceof java.util.Set<?> set) {
            return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(set));
        }
        if (value instanceof Map<?, ?> map) {
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
        }
        return value;
    }

    public SessionRunner(CompiledRules rules, LoadOptions options) {
        this(rules, options.firingLimit(), options.timeLimit(), options);
    }

    private SessionRunner(CompiledRules rules, int firingLimit, Duration timeLimit, LoadOptions options) {
        this.rules = rules;
        this.options = options;
        this.restricted = !options.trusted();
        this.firingLimit = firingLimit;
        this.timeLimitNanos = timeLimit.toNanos();
        this.lookup = rules.lookup();
        this.declaredByClass = lookup.declaredByClass();
    }

    /**
     * Whether restricted code may cite a fact of this class as evidence: the fact model's, the rubric's declared types
     * and the engine's own facts. Evidence is read through its getters, so anything else (an engine object the rule
     * found) is refused rather than looked into.
     */
    private boolean citable(Class<?> type) {
        return citable.get(type);
    }

    /** {@link #citable} per class, worked out once: every cited fact asks. */
    private final ClassValue<Boolean> citable = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return citableType(type);
        }
    };

    private boolean citableType(Class<?> type) {
        return declaredByClass.containsKey(type) || type == CategoryScore.class || type == TotalScore.class || type == Period.class
                || type == dev.rubric.api.SameProblem.class || options.allows(type.getName())
                || FactModel.contains(type);
    }

    /** Scores one subject alone for a period ({@link Period#unbounded()} when none is named). */
    public Evaluation evaluate(Subject subject, Period period) {
        KieSession session = rules.sessions().borrow();
        boolean reusable = false;
        RecordingSheet sheet = new RecordingSheet(rules.byQualifiedName(), lookup, rules.manifest(), System.nanoTime() + timeLimitNanos,
                restricted ? this::citable : null);
        try (Budget.Meter meter = Budget.start(timeLimitNanos, ALLOCATION_LIMIT)) {
            if (lookup.declaresSheet()) {
                session.setGlobal("score", sheet);
            }
            session.addEventListener(sheet);
            run(subject, sheet, "scoring", () -> {
                session.insert(period); // stays for the grading phase too (contract §8)
                int at = 0;
                for (Object fact : subject.facts()) {
                    session.insert(ownCopy(subject, at++, fact));
                }
                return 0;
            });
            fire(session, sheet, subject, "scoring");
            Scoring.Subtotal subtotal = Scoring.subtotal(rules.manifest(), lookup.order(), sheet.moves(), rules.wording());
            if (!lookup.gradingPhaseMatters()) {
                Evaluation result = Scoring.finish(rules.manifest(), subject.ref(), period, subtotal, sheet.verdicts(), rules.wording());
                reusable = true;
                return result;
            }
            sheet.startGrading();
            run(subject, sheet, "grading", () -> {
                for (CategoryScore c : subtotal.categories()) {
                    session.insert(c);
                }
                session.insert(new TotalScore(subtotal.total()));
                return 0;
            });
            AgendaGroup grading = session.getAgenda().getAgendaGroup(RuleIndexer.GRADING);
            if (grading != null) { // null when the rubric has no grading rules
                grading.setFocus();
            }
            fire(session, sheet, subject, "grading");
            Evaluation result = Scoring.finish(rules.manifest(), subject.ref(), period, subtotal, sheet.verdicts(), rules.wording());
            reusable = true;
            return result;
        } finally {
            session.removeEventListener(sheet);
            if (reusable) {
                rules.sessions().giveBack(session);
            } else {
                rules.sessions().discard(session); // a session a failure or a halt left behind is not reused
            }
        }
    }

    private void fire(KieSession session, RecordingSheet sheet, Subject subject, String phase) {
        int fired = run(subject, sheet, phase, () -> session.fireAllRules(firingLimit));
        if (sheet.timedOut()) {
            RubricRule culprit = sheet.busiest();
            String message = "the evaluation exceeded its time limit of " + Duration.ofNanos(timeLimitNanos).toMillis() + " ms in the "
                    + phase + " phase" + (culprit == null ? "" : "; rule [" + culprit.id() + "] fired most (" + sheet.firingsOf(culprit) + " times)")
                    + ". Simplify the rules or raise the limit (LoadOptions.withTimeLimit)";
            throw new EvaluationException(subject.id(), culprit == null ? new Problem(null, 0, 0, null, message)
                    : Problem.at(culprit.file(), culprit.line(), 0, message), null);
        }
        if (fired >= firingLimit && run(subject, sheet, phase, () -> session.fireAllRules(1)) > 0) {
            RubricRule culprit = sheet.busiest();
            String message = "the " + phase + " phase reached the firing limit of " + firingLimit + " rule firings"
                    + (culprit == null ? "" : "; rule [" + culprit.id() + "] fired " + sheet.firingsOf(culprit)
                    + " times. It probably re-activates itself (it changes a fact it matches): add no-loop, or a condition that stops it");
            throw new EvaluationException(subject.id(), culprit == null ? new Problem(null, 0, 0, null, message)
                    : Problem.at(culprit.file(), culprit.line(), 0, message), null);
        }
    }

    private interface Step {
        int run();
    }

    private int run(Subject subject, RecordingSheet sheet, String phase, Step step) {
        try {
            return step.run();
        } catch (RubricException e) {
            throw e;
        } catch (ConsequenceException e) {
            if (budgetError(e) instanceof BudgetExceeded b) {
                throw overBudget(subject, sheet, b, b.site(), b.describe());
            }
            RubricRule rule = sheet.ruleOf(e.getRule());
            throw failure(subject, rule, e.getRule().getName(), e.getCause() != null ? e.getCause() : e, "then");
        } catch (RuntimeException e) {
            if (budgetError(e) instanceof BudgetExceeded b) {
                throw overBudget(subject, sheet, b, b.site(), b.describe());
            }
            Matcher m = RULE_IN_MESSAGE.matcher(String.valueOf(e.getMessage()));
            RubricRule rule = null;
            String name = null;
            if (m.find()) {
                name = m.group(1);
                String wanted = name;
                rule = rules.rules().stream().filter(r -> r.name().equals(wanted)).findFirst().orElse(null);
            }
            throw failure(subject, rule, name, e, "when");
        } catch (StackOverflowError e) {
            // a rule, or a function it calls, that recurses without end: the stack unwinds and the thread lives on, so
            // it is the rule's error like any other
            RubricRule rule = sheet.firing();
            throw failure(subject, rule, null, e, rule != null ? "then" : "when");
        } catch (BudgetExceeded e) {
            throw overBudget(subject, sheet, e, e.site(), e.describe());
        } catch (OutOfMemoryError e) {
            // one allocation larger than the heap fails before it takes anything: the evaluation's garbage is freed as it
            // unwinds, and the budget then names the code that asked for it
            Budget.Meter meter = Budget.current();
            throw overBudget(subject, sheet, e, meter == null ? -1 : meter.site(), "asked for more memory than the JVM has ("
                    + e.getMessage() + ")");
        }
    }

    /** An evaluation stopped by its budget, naming the rule (or function) whose code ran. */
    private EvaluationException overBudget(Subject subject, RecordingSheet sheet, Throwable cause, int site, String what) {
        RubricRule rule = rules.restricted().sites().get(site);
        String helper = rules.restricted().helpers().get(site);
        if (rule == null) {
            rule = sheet.firing(); // a function or a declared type's code, run by the rule that fires
        }
        if (rule == null) {
            rule = sheet.busiest(); // between firings (a condition, a fact's setter): the rule that kept the engine busy
        }
        String who = rule != null ? "rule [" + rule.id() + "]" + (helper == null ? "" : " (in " + helper + ")")
                : helper != null ? helper : "a rule's condition";
        String message = who + " " + what + " while evaluating subject [" + subject.id() + "]; the evaluation was stopped";
        Problem problem = rule != null ? Problem.at(rule.file(), rule.line(), 0, message) : new Problem(null, 0, 0, null, message);
        return new EvaluationException(subject.id(), problem, cause);
    }

    /** The budget error a runtime exception of the engine wraps, or null. */
    private static Throwable budgetError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BudgetExceeded) {
                return t;
            }
        }
        return null;
    }

    private static EvaluationException failure(Subject subject, RubricRule rule, String ruleName, Throwable cause, String part) {
        Throwable root = cause;
        while (!(root instanceof ScoreSheetMisuse) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String who = rule != null ? "rule [" + rule.id() + "]" : ruleName != null ? "rule [" + ruleName + "]" : "a rule's condition";
        String what;
        if (root instanceof ScoreSheetMisuse) {
            what = who + " " + root.getMessage();
        } else if (root instanceof StackOverflowError) {
            what = who + " recursed without end (StackOverflowError, in its " + part + " part) while evaluating subject [" + subject.id()
                    + "]; a function it calls probably calls itself with no case that stops";
        } else {
            String detail = root.getMessage() == null ? "" : ": " + root.getMessage().replaceAll("\\s*\\n\\s*", " ");
            what = who + " threw " + root.getClass().getSimpleName() + detail + " (in its " + part + " part) while evaluating subject ["
                    + subject.id() + "]; fix the rule or the facts it met";
        }
        Problem problem = rule != null ? Problem.at(rule.file(), rule.line(), 0, what) : new Problem(null, 0, 0, null, what);
        return new EvaluationException(subject.id(), problem, cause);
    }
}

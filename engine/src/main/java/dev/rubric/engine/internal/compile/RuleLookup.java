package dev.rubric.engine.internal.compile;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.RubricRule;
import dev.rubric.api.TotalScore;
import dev.rubric.engine.internal.scoring.Scoring;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactType;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every evaluation of one compiled rubric looks rules and types up in, made once per compiled content (not per
 * load of it, nor per evaluation) and read by many threads.
 *
 * @param rules               the rubric's rules in file and line order
 * @param placeOfRule         each rule's place in {@code rules}, by the engine's rule object, looked up by identity: one lookup
 *                            per firing finds the rule and where its firings are counted (no name to build)
 * @param ruleIndex           each rule's place in {@code rules}, by identity: an evaluation counts firings in an array
 * @param order               every rule's place in file and line order, for the arithmetic
 * @param declaredByClass     the rubric's declared types by their classes
 * @param declaresSheet       whether the rule files declare the {@code score} global
 * @param gradingPhaseMatters whether the grading phase can change anything (see {@link #gradingPhaseMatters(KieBase, List)})
 */
public record RuleLookup(List<RubricRule> rules, Map<Rule, Integer> placeOfRule, Map<RubricRule, Integer> ruleIndex, Scoring.RuleOrder order,
                         Map<Class<?>, FactType> declaredByClass, boolean declaresSheet, boolean gradingPhaseMatters) {

    /** The lookups of compiled rules. */
    static RuleLookup of(KieBase kieBase, List<RubricRule> rules, Map<String, RubricRule> byQualifiedName,
                         Map<String, FactType> declaredTypes) {
        Map<RubricRule, Integer> ruleIndex = new IdentityHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.putIfAbsent(rules.get(i), i);
        }
        Map<Rule, Integer> placeOfRule = new IdentityHashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RubricRule known = byQualifiedName.get(RuleIndexer.qualifiedName(r.getPackageName(), r.getName()));
                Integer at = known == null ? null : ruleIndex.get(known);
                if (at != null) {
                    placeOfRule.put(r, at);
                }
            }
        }
        Map<Class<?>, FactType> declared = new IdentityHashMap<>();
        declaredTypes.values().forEach(t -> declared.put(t.getFactClass(), t));
        boolean declaresSheet = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("score")));
        return new RuleLookup(List.copyOf(rules), Collections.unmodifiableMap(placeOfRule), Collections.unmodifiableMap(ruleIndex), Scoring.RuleOrder.of(rules),
                Collections.unmodifiableMap(declared), declaresSheet, gradingPhaseMatters(kieBase, rules));
    }

    /**
     * Whether the grading phase can change anything: the rubric has grading rules, or some rule matches a
     * {@code CategoryScore} or {@code TotalScore} (or any supertype of them). When none does, inserting the
     * scores into the session and firing again only costs time (a tenth of a small rubric's evaluation),
     * so the phase is left out.
     */
    static boolean gradingPhaseMatters(KieBase kieBase, List<RubricRule> rules) {
        if (rules.stream().anyMatch(RubricRule::grading)) {
            return true;
        }
        if (!(kieBase instanceof InternalRuleBase base)) {
            return true; // another engine's knowledge base: keep the phase
        }
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            ObjectType type = node.getObjectType();
            if (type.isAssignableFrom(CategoryScore.class) || type.isAssignableFrom(TotalScore.class)) {
                return true;
            }
        }
        return false;
    }
}

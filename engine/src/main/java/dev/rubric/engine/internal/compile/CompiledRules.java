package dev.rubric.engine.internal.compile;

import dev.rubric.api.Manifest;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.engine.internal.scoring.Wording;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;

import java.util.List;
import java.util.Map;

/**
 * A rubric's compiled rules with everything an evaluation needs: the validated manifest, the rule index
 * (id, category, {@code @max}, {@code @effect}, {@code file:line} of every rule), the Drools knowledge
 * base and the types the rubric declares. Immutable; shared by every evaluation of the same content.
 *
 * @param info            id, version and content digest
 * @param manifest        the validated manifest
 * @param rules           every rule in file and line order
 * @param byQualifiedName rules by package and name, as the engine names a firing rule
 * @param kieBase         the compiled rules; creates one session per evaluation
 * @param declaredTypes   types declared in the rubric's DRL, by simple name
 * @param classLoader     where fact classes named by fully qualified name are found
 * @param wording         the language of the arithmetic's explanations
 * @param sessions        sessions of {@code kieBase} for evaluations to borrow and give back; one pool per compiled
 *                        content, shared by every load of it, so reloading never leaves sessions behind
 * @param restricted      restricted mode's verdict on the compiled code, and the rules behind its budget sites
 * @param lookup          what every evaluation looks rules and types up in, made once with the compiled rules
 */
public record CompiledRules(RubricInfo info, Manifest manifest, List<RubricRule> rules, Map<String, RubricRule> byQualifiedName,
                            KieBase kieBase, Map<String, FactType> declaredTypes, ClassLoader classLoader, Wording wording,
                            SessionPool sessions, Restricted restricted, RuleLookup lookup) {

    /** Compiled rules with the lookups made from them. */
    public CompiledRules(RubricInfo info, Manifest manifest, List<RubricRule> rules, Map<String, RubricRule> byQualifiedName,
                         KieBase kieBase, Map<String, FactType> declaredTypes, ClassLoader classLoader, Wording wording,
                         SessionPool sessions, Restricted restricted) {
        this(info, manifest, rules, byQualifiedName, kieBase, declaredTypes, classLoader, wording, sessions, restricted,
                RuleLookup.of(kieBase, rules, byQualifiedName, declaredTypes));
    }

    /** Compiled rules with a session pool of their own. */
    public CompiledRules(RubricInfo info, Manifest manifest, List<RubricRule> rules, Map<String, RubricRule> byQualifiedName,
                         KieBase kieBase, Map<String, FactType> declaredTypes, ClassLoader classLoader, Wording wording,
                         Restricted restricted) {
        this(info, manifest, rules, byQualifiedName, kieBase, declaredTypes, classLoader, wording, new SessionPool(kieBase), restricted);
    }
}

package dev.rubric.engine.internal.compile;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Problem;
import dev.rubric.api.RubricRule;
import dev.rubric.engine.internal.sandbox.BytecodeVerifier;
import dev.rubric.engine.internal.sandbox.Origins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restricted mode's verdict on a compiled rubric, in a rubric author's terms: each refused reference as a problem at
 * the rule, function or declared type that makes it (at the line of the rule file that names the member, where one
 * does), and for each budget site the rule whose code it is.
 *
 * @param refusals the references that keep the rubric from loading restricted, each with the class whose member it is
 *                 (a load that allows that class's package lifts it); empty when it may load
 * @param sites    the rule of each budget site that belongs to one
 * @param helpers  the budget sites that belong to the rubric's functions or declared types, with what they are
 */
public record Restricted(List<Refusal> refusals, Map<Integer, RubricRule> sites, Map<Integer, String> helpers) {

    /** One refused reference as a problem, and the class (binary name) whose member it is, or null. */
    public record Refusal(Problem problem, String owner) {
    }

    /** The problems that keep the rubric from loading with these options; empty when it may. */
    public List<Problem> refused(LoadOptions options) {
        List<Problem> out = new ArrayList<>();
        for (Refusal r : refusals) {
            if (r.owner() == null || !options.allows(r.owner())) {
                out.add(r.problem());
            }
        }
        return out;
    }

    private static final List<String> RESERVED = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/drools/", "org/kie/",
            "org/mvel2/", "dev/rubric/");
    static final String ADVICE = "; restricted rubrics may use only the fact model, their declared types, the score sheet, Period "
            + "and harmless library types (see docs/reliability.md). Load a rubric you wrote or reviewed yourself trusted "
            + "(LoadOptions.unrestricted(), ./rubric --trusted) to lift this";

    public Restricted {
        refusals = List.copyOf(refusals);
        sites = Map.copyOf(sites);
        helpers = Map.copyOf(helpers);
    }

    /** The same verdict with each problem moved by {@code move} (a rule table's generated DRL to its cells). */
    public Restricted relocated(java.util.function.UnaryOperator<Problem> move) {
        List<Refusal> moved = new ArrayList<>();
        refusals.forEach(r -> moved.add(new Refusal(move.apply(r.problem()), r.owner())));
        return new Restricted(moved, sites, helpers);
    }

    /** The verdict on compiled code, placed in the rule files. */
    public static Restricted of(RubricCompiler.CompiledCode code, List<RubricRule> rules, Map<String, String> texts) {
        Map<String, RubricRule> byName = new HashMap<>();
        rules.forEach(r -> byName.putIfAbsent(r.name(), r));
        Origins origins = code.origins();
        Set<String> refusedPackages = new LinkedHashSet<>();
        for (String c : code.sites().values()) {
            for (String reserved : RESERVED) {
                if (c.startsWith(reserved) && c.lastIndexOf('/') > 0) {
                    refusedPackages.add(c.substring(0, c.lastIndexOf('/')).replace('/', '.'));
                }
            }
        }
        List<Refusal> refused = new ArrayList<>();
        for (String pkg : refusedPackages) {
            RuleText.Place at = RuleText.first(texts, Pattern.compile("(?m)^\\s*package\\s+" + Pattern.quote(pkg) + "\\b"));
            refused.add(new Refusal(at == null ? Problem.at(null, 0, 0, "the rubric's package [" + pkg + "] belongs to the platform" + ADVICE)
                    : Problem.at(at.file(), at.line(), at.column(), "the rubric's package [" + pkg + "] belongs to the platform; "
                    + "name the rubric's own package (such as rubrics.mine)"), null));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (BytecodeVerifier.Finding f : code.findings()) {
            Problem p = place(f, origins, byName, texts);
            if (seen.add(p.toString())) {
                refused.add(new Refusal(p, f.owner() == null ? null : f.owner().replace('/', '.')));
            }
        }
        Map<Integer, RubricRule> sites = new HashMap<>();
        Map<Integer, String> helpers = new HashMap<>();
        code.sites().forEach((site, where) -> {
            int hash = where.indexOf('#');
            String className = hash < 0 ? where : where.substring(0, hash);
            String method = hash < 0 ? null : where.substring(hash + 1);
            String rule = origins.ruleOf(className, method);
            RubricRule r = rule == null ? null : byName.get(rule);
            if (r != null) {
                sites.put(site, r);
            } else if (origins.isFunction(className, method)) {
                RuleText.Place at = RuleText.first(texts, Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\], ]+?\\s+" + Pattern.quote(method) + "\\s*\\("));
                helpers.put(site, "the function [" + method + "]" + (at == null ? "" : " (" + at.file() + ":" + at.line() + ")"));
            } else if (origins.rulesClasses().contains(className)) {
                helpers.put(site, "the rubric's definitions");
            } else {
                String simple = className.substring(className.lastIndexOf('/') + 1);
                RuleText.Place at = RuleText.first(texts, Pattern.compile("(?m)^\\s*declare\\s+(enum\\s+)?" + Pattern.quote(simple) + "\\b"));
                helpers.put(site, "the declared type [" + simple + "]" + (at == null ? "" : " (" + at.file() + ":" + at.line() + ")"));
            }
        });
        return new Restricted(refused, sites, helpers);
    }

    private static Problem place(BytecodeVerifier.Finding f, Origins origins, Map<String, RubricRule> byName, Map<String, String> texts) {
        String rule = origins.ruleOf(f.className(), f.methodName());
        RubricRule r = rule == null ? null : byName.get(rule);
        String what = f.what() + ", which restricted mode does not allow" + ADVICE;
        Matcher global = Pattern.compile("^declares the global \\[([\\w$]+)\\]").matcher(f.what());
        if (global.find()) {
            RuleText.Place at = RuleText.first(texts, Pattern.compile("(?m)^\\s*global\\s+[\\w.$<>]+\\s+" + Pattern.quote(global.group(1)) + "\\b"));
            return at == null ? Problem.at(null, 0, 0, "the rule files' code " + what)
                    : Problem.at(at.file(), at.line(), at.column(), "the rule file " + what);
        }
        if (r != null) {
            int[] at = refine(texts.get(r.file()), r.line(), f.name());
            return Problem.at(r.file(), at[0], at[1], "rule [" + r.id() + "] " + what);
        }
        if (origins.isFunction(f.className(), f.methodName())) {
            RuleText.Place at = RuleText.first(texts, Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\], ]+?\\s+" + Pattern.quote(f.methodName()) + "\\s*\\("));
            if (at != null) {
                String file = at.file();
                int[] refined = refine(texts.get(file), at.line(), f.name());
                return Problem.at(file, refined[0], refined[1], "function [" + f.methodName() + "] " + what);
            }
            return Problem.at(null, 0, 0, "function [" + f.methodName() + "] " + what);
        }
        String simple = f.className().substring(f.className().lastIndexOf('/') + 1);
        RuleText.Place at = RuleText.first(texts, Pattern.compile("(?m)^\\s*declare\\s+(enum\\s+)?" + Pattern.quote(simple) + "\\b"));
        if (at != null) {
            String file = at.file();
            int[] refined = refine(texts.get(file), at.line(), f.name());
            return Problem.at(file, refined[0], refined[1], "the declared type [" + simple + "] " + what);
        }
        return Problem.at(null, 0, 0, "the rule files' code " + what);
    }

    /** The line and column where {@code name} first appears as a word in the rule or block starting at {@code line}. */
    private static int[] refine(String text, int line, String name) {
        if (text == null || name == null || name.isEmpty() || line <= 0) {
            return new int[] {Math.max(line, 0), 0};
        }
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
        List<String> lines = RuleText.rule(text, line);
        for (int n = 0; n < lines.size(); n++) {
            Matcher m = word.matcher(lines.get(n));
            if (m.find()) {
                return new int[] {line + n, m.start() + 1};
            }
        }
        return new int[] {line, 0};
    }
}

package dev.rubric.engine.internal.compile;

import dev.rubric.api.Manifest;
import dev.rubric.api.Problem;
import dev.rubric.api.RubricRule;
import dev.rubric.api.ScoreSheet;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.internal.manifest.GradeGivers;
import dev.rubric.engine.internal.text.Spelling;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rule files' structure (without compiling them) into the rubric's rule index, and checks
 * what only the rubric knows: rule metadata against the manifest (contract §3).
 *
 * <p>Syntax errors are left to the compiler, which reports them with their place; the parser runs in its
 * recovering mode here, so the rules of a file that do parse are still indexed and checked.
 */
public final class RuleIndexer {

    /** The rule group whose rules fire in the grading phase. */
    public static final String GRADING = "grading";

    private static final String SHEET = ScoreSheet.class.getName();
    private static final Set<String> KNOWN_ANNOTATIONS = Set.of("id", "category", "max", "effect");
    private static final Pattern CALL = Pattern.compile("\\bscore\\s*\\.\\s*(deduct|add|veto|limitGrade)\\s*\\(");
    private static final Pattern LIMIT_LITERAL = Pattern.compile("\\bscore\\s*\\.\\s*limitGrade\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern LIMIT_CALL = Pattern.compile("\\bscore\\s*\\.\\s*limitGrade\\s*\\(\\s*(\"?)");
    private static final Pattern VETO_CALL = Pattern.compile("\\bscore\\s*\\.\\s*veto\\s*\\(");
    /** A negative number written where deduct or add takes its points: {@code score.deduct(-2, …)}. */
    private static final Pattern NEGATIVE_POINTS = Pattern.compile(
            "\\bscore\\s*\\.\\s*(deduct|add)\\s*\\(\\s*(?:\\(\\s*)?(-\\s*[0-9][0-9_.]*[a-zA-Z]?)\\s*\\)?\\s*,");

    private final Manifest manifest;
    private final List<Problem> problems = new ArrayList<>();
    private final List<RubricRule> rules = new ArrayList<>();
    private final Map<String, RubricRule> byQualifiedName = new HashMap<>();
    private final Map<String, RubricRule> byId = new LinkedHashMap<>();
    private final List<VetoEffect> vetoes = new ArrayList<>();
    private final java.util.Set<String> limits = new java.util.HashSet<>();
    private boolean anyGrade;

    private RuleIndexer(Manifest manifest) {
        this.manifest = manifest;
    }

    /**
     * The index of a rubric's rules, the problems its metadata has, and the grades its rules can give beyond the
     * totals (for the reachability of grade bands, contract §2).
     */
    public record Index(List<RubricRule> rules, Map<String, RubricRule> byQualifiedName, List<Problem> problems,
                        GradeGivers gradeGivers) {
    }

    /**
     * Indexes rule files.
     *
     * @param files    rule file path to DRL text, in load order; never null
     * @param manifest the validated manifest, or null when it has problems (checks against it are then skipped)
     */
    public static Index index(Map<String, String> files, Manifest manifest) {
        RuleIndexer indexer = new RuleIndexer(manifest);
        files.forEach(indexer::indexFile);
        return new Index(List.copyOf(indexer.rules), Map.copyOf(indexer.byQualifiedName), List.copyOf(indexer.problems),
                new GradeGivers(indexer.vetoes, indexer.limits, indexer.anyGrade));
    }

    /**
     * The constructs of rule files that restricted mode refuses before compiling, because what they make the engine do
     * happens outside the compiled code it verifies: an imported accumulate function (the engine makes it from a class
     * name), events ({@code @role(event)}, whose expiry and windows run on the engine's clock) and annotations on
     * declared types and fields (the engine makes their values), other than {@code @position} and {@code @key}.
     */
    public static List<Problem> refusedConstructs(Map<String, String> files) {
        List<Problem> problems = new ArrayList<>();
        files.forEach((file, text) -> {
            RuleText.Parsed parsed = RuleText.parse(text);
            if (parsed == null || !parsed.complete()) {
                return; // the file's syntax errors come first; a half-parsed file would give false refusals
            }
            PackageDescr pkg = parsed.descr();
            for (RuleDescr r : pkg.getRules()) {
                for (var an : r.getAnnotations()) {
                    if (an.getName() != null && an.getName().contains(".")) {
                        problems.add(Problem.at(file, r.getLine(), r.getColumn() + 1, "rule [" + r.getName() + "] has the annotation [@"
                                + an.getName() + "], a class name, which restricted mode does not allow (the engine would load that class); "
                                + "annotations are simple names such as @id, @category, @max and @effect"));
                    }
                }
            }
            for (var g : pkg.getGlobals()) {
                if (!"score".equals(g.getIdentifier())) {
                    problems.add(Problem.at(file, g.getLine(), g.getColumn() + 1, "declares the global [" + g.getIdentifier()
                            + "], which restricted mode does not allow: a restricted rubric has one global, the score sheet [score]"));
                }
            }
            for (RuleDescr r : pkg.getRules()) {
                for (var an : r.getAnnotations()) {
                    for (Object v : an.getValueMap().values()) {
                        if (!(v instanceof String value) || !LITERAL.matcher(value.strip()).matches()) {
                            problems.add(Problem.at(file, r.getLine(), r.getColumn() + 1, "rule [" + r.getName() + "] has the annotation [@"
                                    + an.getName() + "] with the value [" + v + "], which is not a literal; restricted mode allows only "
                                    + "literal values (a text in quotes, a number, true, false or a single word), because the engine evaluates any other "
                                    + "value while it compiles"));
                        }
                    }
                }
            }
            for (var t : pkg.getTypeDeclarations()) {
                for (var f : t.getFields().values()) {
                    String type = f.getPattern() == null ? null : f.getPattern().getObjectType();
                    if (type != null && !fieldTypeAllowed(type, declaredNames(pkg))) {
                        problems.add(Problem.at(file, f.getLine(), f.getColumn() + 1, "the field [" + f.getFieldName() + "] of [" + t.getTypeName()
                                + "] has the type [" + type + "], which restricted mode does not allow; a declared field holds a number, "
                                + "text, a truth value, a date, a collection, or a fact of the fact model or of a declared type"));
                    }
                }
            }
            for (var a : pkg.getAccumulateImports()) {
                problems.add(Problem.at(file, a.getLine(), a.getColumn() + 1, "imports the accumulate function [" + a.getTarget()
                        + "], which restricted mode does not allow (the engine makes it from its class name); use the built-in "
                        + "accumulate functions (count, sum, min, max, average, collectList)"));
            }
            for (var t : pkg.getTypeDeclarations()) {
                for (var an : t.getAnnotations()) {
                    if (!SAFE_ANNOTATIONS.contains(an.getName())) {
                        problems.add(Problem.at(file, t.getLine(), t.getColumn() + 1, "the declared type [" + t.getTypeName() + "] has the annotation [@"
                                + an.getName() + "], which restricted mode does not allow (events and annotation values run outside the "
                                + "verified code); declare plain fact types"));
                    }
                }
                for (var f : t.getFields().values()) {
                    for (var an : f.getAnnotations()) {
                        if (!SAFE_ANNOTATIONS.contains(an.getName())) {
                            problems.add(Problem.at(file, f.getLine(), f.getColumn() + 1, "the field [" + f.getFieldName() + "] of [" + t.getTypeName()
                                    + "] has the annotation [@" + an.getName() + "], which restricted mode does not allow; declare plain fields"));
                        }
                    }
                }
            }
        });
        return problems;
    }

    private static final java.util.Set<String> SAFE_ANNOTATIONS = java.util.Set.of("position", "key");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]|\\\\[^u])*\"|-?\\d+(\\.\\d+)?|true|false|[A-Za-z_][\\w\\p{IsHan}-]*");
    private static final Pattern FIELD_TYPES = Pattern.compile("(int|long|double|float|short|byte|boolean|char|"
            + "(java\\.lang\\.)?(Integer|Long|Double|Float|Short|Byte|Boolean|Character|String|Number|Object)|"
            + "(java\\.math\\.)?(BigDecimal|BigInteger)|(java\\.time\\.)?(LocalDate|LocalDateTime|LocalTime|YearMonth|Year|Duration|Period)|"
            + "(java\\.util\\.)?(List|Set|Map|Collection)(<.*>)?)(\\[\\])?");

    /** Whether a declared field may have this type: a value type of the platform, a declared type or a fact-model class. */
    private static boolean fieldTypeAllowed(String type, java.util.Set<String> declared) {
        if (FIELD_TYPES.matcher(type).matches()) {
            return true;
        }
        String simple = type.startsWith("dev.rubric.model.") ? type.substring("dev.rubric.model.".length()) : type;
        if (declared.contains(simple)) {
            return true;
        }
        try {
            Class.forName("dev.rubric.model." + simple, false, RuleIndexer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static java.util.Set<String> declaredNames(PackageDescr pkg) {
        java.util.Set<String> names = new java.util.HashSet<>();
        pkg.getTypeDeclarations().forEach(t -> names.add(t.getTypeName()));
        pkg.getEnumDeclarations().forEach(t -> names.add(t.getTypeName()));
        return names;
    }

    /** The key a rule is found by at run time: its package and name. */
    public static String qualifiedName(String packageName, String ruleName) {
        return (packageName == null ? "" : packageName) + "\u0000" + ruleName;
    }

    private void indexFile(String file, String text) {
        RuleText.Parsed parsed = RuleText.parse(text); // the rules that do parse are still checked
        if (parsed == null) {
            return; // the compiler reports the file's problem
        }
        PackageDescr pkg = parsed.descr();
        boolean usesScore = false;
        for (RuleDescr r : pkg.getRules()) {
            usesScore |= CALL.matcher(consequence(r)).find();
        }
        GlobalDescr global = pkg.getGlobals().stream().filter(g -> "score".equals(g.getIdentifier())).findFirst().orElse(null);
        if (global == null && usesScore) {
            problems.add(Problem.at(file, 1, 1, "rules of this file call score.… but the file does not declare the score sheet; add the line: global "
                    + SHEET + " score;"));
        } else if (global != null && !SHEET.equals(global.getType()) && !"ScoreSheet".equals(global.getType())) {
            problems.add(Problem.at(file, global.getLine(), global.getColumn(), "global [score] must have the type [" + SHEET
                    + "], not [" + global.getType() + "]"));
        }
        for (RuleDescr r : pkg.getRules()) {
            indexRule(file, text, pkg.getNamespace(), r);
        }
    }

    private void indexRule(String file, String text, String packageName, RuleDescr r) {
        int line = r.getLine();
        int column = r.getColumn() + 1;
        String name = r.getName();
        String label = "rule [" + name + "]";
        for (AnnotationDescr a : r.getAnnotations()) {
            if (!KNOWN_ANNOTATIONS.contains(a.getName())) {
                String hint = Spelling.didYouMean(a.getName(), KNOWN_ANNOTATIONS);
                if (!hint.isEmpty()) {
                    problems.add(Problem.at(file, lineOf(a, line), column, label + " has annotation [@" + a.getName() + "]" + hint
                            + "; the rubric annotations are @id, @category, @max and @effect"));
                }
            }
        }
        String id = value(r, "id");
        boolean idWritten = id != null && !id.isBlank();
        if (id == null) {
            id = name;
        } else if (id.isBlank()) {
            problems.add(Problem.at(file, lineOf(r.getAnnotation("id"), line), column, label + " has an empty @id; give it the rubric's item number, such as @id(\"A1\")"));
            id = name;
        }
        String category = value(r, "category");
        BigDecimal max = null;
        String maxText = value(r, "max");
        if (maxText != null) {
            try {
                max = new BigDecimal(maxText.trim());
                if (max.signum() <= 0) {
                    problems.add(Problem.at(file, lineOf(r.getAnnotation("max"), line), column, label + " has @max(" + maxText
                            + "); the most points a rule may move must be a positive number"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.at(file, lineOf(r.getAnnotation("max"), line), column, label + " has @max(" + maxText
                        + "), which is not a number; write the most points the rule may move, such as @max(2)"));
            }
        }
        VetoEffect effect = null;
        String effectText = value(r, "effect");
        if (effectText != null) {
            try {
                effect = VetoEffect.parse(effectText);
                if (effect instanceof VetoEffect.Cap cap && manifest != null && manifest.gradeIndex(cap.grade()) < 0) {
                    problems.add(Problem.at(file, lineOf(r.getAnnotation("effect"), line), column, label + " has @effect(\"" + effectText
                            + "\") naming grade [" + cap.grade() + "], which the manifest does not have; its grades are " + gradeIds()
                            + Spelling.didYouMean(cap.grade(), gradeIds())));
                }
            } catch (IllegalArgumentException e) {
                problems.add(Problem.at(file, lineOf(r.getAnnotation("effect"), line), column, label + ": " + e.getMessage()));
            }
        }
        AttributeDescr group = r.getAttributes().get("agenda-group");
        String groupName = group == null ? null : group.getValue();
        boolean grading = GRADING.equals(groupName);
        if (groupName != null && !grading) {
            problems.add(Problem.at(file, lineOf(group, line), column, label + " is in agenda-group [" + groupName
                    + "], which never fires; scoring rules have no agenda-group and grading rules use agenda-group \"grading\""));
        }

        String consequence = consequence(r);
        int thenLine = r.getConsequenceLine() > 0 ? r.getConsequenceLine() : line;
        Matcher calls = CALL.matcher(consequence);
        boolean movesPoints = false;
        while (calls.find()) {
            String call = calls.group(1);
            if (call.equals("deduct") || call.equals("add")) {
                movesPoints = true;
                if (grading) {
                    problems.add(Problem.at(file, thenLine, 0, label + " calls score." + call
                            + " in the grading phase; grading rules may only call score.veto and score.limitGrade. Move the rule out of agenda-group \"grading\""));
                }
            }
        }
        if (movesPoints && category == null) {
            problems.add(Problem.at(file, line, column, label + " calls score.deduct or score.add but has no @category; add @category(\"…\") naming "
                    + (manifest == null ? "a category of the manifest" : "one of " + categoryIds())));
        }
        // a manifest without categories is reported as such; every rule's category would only repeat it
        if (category != null && manifest != null && !manifest.categories().isEmpty() && manifest.category(category).isEmpty()) {
            problems.add(Problem.at(file, lineOf(r.getAnnotation("category"), line), column, label + " has @category(\"" + category
                    + "\"), which the manifest does not have; its categories are " + categoryIds() + Spelling.didYouMean(category, categoryIds())));
        }
        Matcher negative = NEGATIVE_POINTS.matcher(consequence);
        while (negative.find()) {
            String literal = negative.group(2).replaceAll("\\s+", "");
            problems.add(Problem.at(file, thenLine, 0, label + " calls score." + negative.group(1) + "(" + literal
                    + ", …) with a negative number; points are given as a positive number, score." + negative.group(1) + "("
                    + literal.substring(1) + ", …): score.deduct lowers the score and score.add raises it"));
        }
        Matcher limitCalls = LIMIT_CALL.matcher(consequence);
        while (limitCalls.find()) {
            anyGrade |= limitCalls.group(1).isEmpty(); // a grade given by an expression could be any grade
        }
        if (VETO_CALL.matcher(consequence).find() && manifest != null) {
            vetoes.add(effect != null ? effect : manifest.vetoEffect());
        }
        if (manifest != null) {
            Matcher limits = LIMIT_LITERAL.matcher(consequence);
            while (limits.find()) {
                String grade = limits.group(1);
                this.limits.add(grade);
                if (manifest.gradeIndex(grade) < 0) {
                    problems.add(Problem.at(file, thenLine, 0, label + " calls score.limitGrade(\"" + grade
                            + "\"), but the manifest has no such grade; its grades are " + gradeIds() + Spelling.didYouMean(grade, gradeIds())));
                }
            }
        }

        RubricRule rule = new RubricRule(id, name, category, max, effect, grading, file, line, idWritten,
                RuleClause.above(text, line, id));
        RubricRule clash = byId.putIfAbsent(id, rule);
        if (clash != null) {
            problems.add(Problem.at(file, lineOf(r.getAnnotation("id"), line), column, label + " has @id(\"" + id + "\"), already used by rule ["
                    + clash.name() + "] at " + clash.source() + "; every rule's id must be unique"));
        }
        rules.add(rule);
        byQualifiedName.put(qualifiedName(packageName, name), rule);
    }

    private List<String> categoryIds() {
        return manifest == null ? List.of() : manifest.categories().stream().map(Manifest.Category::id).toList();
    }

    private List<String> gradeIds() {
        return manifest == null ? List.of() : manifest.grades().stream().map(Manifest.GradeBand::id).toList();
    }

    private static String consequence(RuleDescr r) {
        Object c = r.getConsequence();
        return c == null ? "" : stripComments(c.toString());
    }

    private static String stripComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    private static String value(RuleDescr r, String annotation) {
        AnnotationDescr a = r.getAnnotation(annotation);
        if (a == null) {
            return null;
        }
        Object v = a.getSingleValue();
        if (v == null) {
            return a.getValueMap().isEmpty() ? "" : a.getValueMap().toString();
        }
        return AnnotationDescr.unquote(v.toString().trim());
    }

    private static int lineOf(org.drools.drl.ast.descr.BaseDescr d, int fallback) {
        return d != null && d.getLine() > 0 ? d.getLine() : fallback;
    }
}

package dev.rubric.engine.internal.compile;

import dev.rubric.api.Problem;
import dev.rubric.engine.internal.text.Spelling;
import org.kie.api.builder.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compilers' messages as problems a rubric author can act on: each placed at the line of a rule file it concerns,
 * worded in the author's terms, and each reported once.
 *
 * <p>Design notes. The DRL parser, MVEL and the executable model's Java compiler report in their own words and often
 * without a place. Known messages are rewritten ({@link #explain}); a message without a line is placed where the
 * rule files hold what it names; an unclosed string is reported where it opens, not where the file ends; a missing
 * import is reported once, at the import, not again on every rule of its package; and an error in the generated Java
 * is traced back to the rule file line it was copied from.
 */
final class CompilerMessages {

    private static final String RESOURCES = "src/main/resources/";

    private CompilerMessages() {
    }

    /** Whether a problem is a syntax error: the file did not parse. */
    static boolean isSyntaxError(Problem p) {
        return p.message().startsWith(SYNTAX_ERROR);
    }

    /** The problems the compiler's error messages report about {@code files} (path to DRL text), in the author's terms. */
    static List<Problem> problems(List<Message> messages, Map<String, String> files) {
        Set<String> missingImports = new HashSet<>();
        for (Message m : messages) {
            Matcher bad = BAD_IMPORT.matcher(String.valueOf(m.getText()));
            if (bad.find()) {
                missingImports.add(bad.group(1));
            }
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, String> generated = new HashMap<>();
        for (Message m : messages) {
            Matcher source = GENERATED_SOURCE.matcher(String.valueOf(m.getText()));
            if (source.find()) {
                generated.put(source.group(1), source.group(2));
            }
        }
        for (Message m : messages) {
            String text = String.valueOf(m.getText());
            if (GENERATED_SOURCE.matcher(text).find()) {
                continue; // the whole generated source, kept only to place the errors in it
            }
            if (m.getPath() != null && m.getPath().endsWith(".java")) {
                Problem p = generatedCodeProblem(m, text, generated.get(m.getPath()), files);
                if (seen.add(p.toString())) {
                    problems.add(p);
                }
                continue;
            }
            if (text.contains("Parser returned a null Package")) {
                continue; // a consequence of the syntax errors reported beside it
            }
            Matcher follow = IMPORT_FOLLOW_UP.matcher(text);
            if (follow.find() && missingImports.contains(follow.group(1))) {
                continue; // the missing import again, on a rule of its package
            }
            String file = m.getPath() == null ? null : m.getPath().replaceFirst("^" + RESOURCES, "");
            int line = Math.max(0, m.getLine());
            int column = Math.max(0, m.getColumn());
            Matcher place = ERR_PLACE.matcher(text);
            if (column == 0 && place.find()) {
                column = Integer.parseInt(place.group(1)) + 1; // the parser counts columns from 0
            }
            Matcher bad = BAD_IMPORT.matcher(text);
            if (bad.find()) {
                int[] at = importPlace(files.get(file), bad.group(1));
                line = at[0] > 0 ? at[0] : line;
                column = at[0] > 0 ? at[1] : column;
            }
            Matcher analysis = UNANALYSABLE.matcher(text);
            if (line == 0 && analysis.find()) {
                // MVEL's analysis of a constraint comes without a line: find the constraint in the file
                int[] at = place(files.get(file), analysis.group(1).trim());
                line = at[0];
                column = at[1];
            }
            if (text.startsWith("[ERR ") && line > 0) {
                int[] open = unclosedString(files.get(file));
                if (open[0] > 0 && open[0] <= line) {
                    // the parser only notices an unclosed string where the file ends; say where it starts
                    line = open[0];
                    column = open[1];
                    text = "[ERR 0] Line 0:0 the string that starts here is not closed; end it with a \"";
                } else {
                    String unended = unendedDeclare(files.get(file), line);
                    if (unended != null) {
                        text = text + " (" + unended + ")";
                    } else if (text.contains("mismatched input '<eof>' in rule")) {
                        text = text + " (the file ends before the rule's end)";
                    }
                }
            }
            Matcher noClass = NO_CLASS.matcher(text);
            Matcher leftPart = LEFT_PART.matcher(text);
            if (line == 0 && noClass.find()) {
                // the executable model names the class without a place: at its import, if any, and where it is used
                String simple = noClass.group(1);
                String source = files.get(file);
                int[] imported = source == null ? new int[] {0, 0} : place(source, Pattern.compile(
                        "(?m)^[ \\t]*import\\s+([\\w.]+\\." + Pattern.quote(simple) + ")\\s*;?"));
                if (imported[0] > 0) {
                    Problem p = Problem.at(file, imported[0], 1, explain("Error importing : '" + importedName(source, simple) + "'"));
                    if (seen.add(p.toString())) {
                        problems.add(p);
                    }
                }
                int[] used = source == null ? new int[] {0, 0} : place(source, Pattern.compile("(?<![\\w.$])" + Pattern.quote(simple) + "\\s*\\("));
                String explained = explain("Unable to resolve ObjectType '" + simple + "'");
                String suggestion = Spelling.didYouMean(simple, knownTypes(files));
                if (suggestion != null && !suggestion.isEmpty()) {
                    explained = explained.replaceFirst("\\]: ", "]" + Matcher.quoteReplacement(suggestion) + ": ");
                }
                Problem p = Problem.at(file, used[0], used[1], explained);
                if (seen.add(p.toString())) {
                    problems.add(p);
                }
                continue;
            }
            if (line == 0 && leftPart.find()) {
                String expression = leftPart.group(1).trim();
                String source = files.get(file);
                int at = source == null ? -1 : source.indexOf(expression);
                String property = expression.split("[^\\w$]", 2)[0];
                String type = "the fact type";
                if (at >= 0) {
                    Matcher pattern = Pattern.compile("([\\w$]+)\\s*\\([^()]*$").matcher(source.substring(Math.max(0, at - 400), at));
                    if (pattern.find()) {
                        type = pattern.group(1);
                    }
                }
                int[] where = at < 0 ? new int[] {0, 0} : place(source, expression);
                Problem p = Problem.at(file, where[0], 0, "unknown property [" + property + "] of [" + type
                        + "]: check the spelling against the type's properties");
                if (seen.add(p.toString())) {
                    problems.add(p);
                }
                continue;
            }
            Problem p = Problem.at(file, line, column, explain(text));
            if (seen.add(p.toString())) {
                problems.add(p);
            }
        }
        return problems;
    }

    /**
     * A problem for a rule file the compilers cannot read for its depth (their parsers recurse on nesting): at the longest
     * line of the largest file, which is where such an expression usually stands.
     */
    static Problem tooDeep(Map<String, String> files) {
        String file = null;
        int best = -1;
        int line = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            String[] lines = RuleText.lines(f.getValue());
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].length() > best) {
                    best = lines[n].length();
                    file = f.getKey();
                    line = n + 1;
                }
            }
        }
        return Problem.at(file, line, 0, "the rule files hold an expression too long or too deeply nested for the compiler "
                + "to read (it ran out of stack), probably near here; write it in smaller steps: a function, or several conditions");
    }

    /** The line and column of {@code import className} in a file's text, or {0, 0} when it is not found. */
    private static int[] importPlace(String text, String className) {
        Matcher m = text == null ? null : Pattern.compile("(?m)^([ \\t]*)import\\s+" + Pattern.quote(className) + "\\s*;?").matcher(text);
        return m != null && m.find() ? RuleText.at(text, m.end(1)) : new int[] {0, 0};
    }

    /** A problem for a compiler that threw instead of reporting: at the missing class where it names one. */
    static Problem crash(Map<String, String> files, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof NoClassDefFoundError)) {
            root = root.getCause();
        }
        if (root instanceof NoClassDefFoundError && root.getMessage() != null) {
            String missing = root.getMessage().replace('/', '.');
            for (Map.Entry<String, String> f : files.entrySet()) {
                int[] at = place(f.getValue(), missing);
                if (at[0] > 0) {
                    return Problem.at(f.getKey(), at[0], at[1], "unknown class [" + missing + "]: check its package and spelling "
                            + "(the department fact model is dev.rubric.model), or declare the type in the rubric instead (declare ... end)");
                }
            }
            return new Problem(null, 0, 0, null, "the rule files name a class that does not exist: [" + missing + "]");
        }
        return new Problem(null, 0, 0, null, "the rule files cannot be compiled: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage().replaceAll("\\s*\\n\\s*", " ")));
    }

    /**
     * A Java error in the code generated from the rule files, placed at the line of a rule file that holds the
     * erroneous generated line (a consequence is copied into the generated code nearly as written), and worded for the
     * rubric author.
     */
    private static Problem generatedCodeProblem(Message m, String text, String source, Map<String, String> files) {
        String message = text.trim();
        Matcher unresolved = UNRESOLVED_TYPE.matcher(message);
        if (unresolved.find()) {
            String type = unresolved.group(1);
            for (Map.Entry<String, String> f : files.entrySet()) {
                int[] at = place(f.getValue(), type);
                if (at[0] > 0) {
                    return Problem.at(f.getKey(), at[0], at[1], "unknown class [" + type + "]: check its package and spelling (the department "
                            + "fact model is dev.rubric.model), or declare the type in the rubric instead (declare ... end)");
                }
            }
        }
        String explained = explain("Rule Compilation error " + message);
        if (source != null && m.getLine() > 0) {
            String[] lines = RuleText.lines(source);
            if (m.getLine() <= lines.length) {
                String code = lines[m.getLine() - 1].strip();
                for (String candidate : new String[] {code, code.replaceAll(";$", "")}) {
                    if (candidate.length() < 3) {
                        continue;
                    }
                    for (Map.Entry<String, String> f : files.entrySet()) {
                        int[] at = place(f.getValue(), candidate);
                        if (at[0] > 0) {
                            return Problem.at(f.getKey(), at[0], 0, explained);
                        }
                    }
                }
            }
        }
        return Problem.at(files.size() == 1 ? files.keySet().iterator().next() : null, 0, 0, explained);
    }

    /** The line and column where a pattern first matches in a file's text, or {0, 0}. */
    private static int[] place(String text, Pattern pattern) {
        return RuleText.find(text, pattern);
    }

    /** The simple names of the types the rule files declare and of the department fact model, for suggestions. */
    private static List<String> knownTypes(Map<String, String> files) {
        List<String> names = new ArrayList<>();
        Pattern declare = Pattern.compile("(?m)^\\s*declare\\s+(?:enum\\s+)?([\\w$]+)");
        for (String text : files.values()) {
            Matcher m = declare.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        names.addAll(List.of("TargetTask", "ServiceCase", "CoreSystem", "Disclosure", "Survey", "InspectionFinding", "EvidenceRecord",
                "StaffAssessment", "StudySession", "Violation", "Kpi", "Commendation", "Department", "AssessmentPeriod"));
        return names;
    }

    /** The fully qualified name an import gives a simple class name. */
    private static String importedName(String text, String simple) {
        Matcher m = Pattern.compile("(?m)^[ \\t]*import\\s+([\\w.]+\\." + Pattern.quote(simple) + ")\\s*;?").matcher(text);
        return m.find() ? m.group(1) : simple;
    }

    /** The line and column where {@code snippet} first appears in a file's text, or {0, 0}. */
    private static int[] place(String text, String snippet) {
        return RuleText.find(text, snippet);
    }

    private static final Pattern TOP_LEVEL = Pattern.compile("^\\s*(declare|rule|query|function|end)\\b\\s*(\\S*)");

    /**
     * Which {@code declare} before {@code line} has no {@code end} before the next rule, query, function or declare,
     * in words; null when each has one. The parser reads such a rule as more fields and stumbles on its name.
     */
    private static String unendedDeclare(String text, int line) {
        if (text == null) {
            return null;
        }
        String[] lines = RuleText.lines(text);
        String open = null;
        int openLine = 0;
        for (int n = 0; n < Math.min(line, lines.length); n++) {
            Matcher m = TOP_LEVEL.matcher(lines[n]);
            if (!m.find()) {
                continue;
            }
            if (m.group(1).equals("end")) {
                open = null;
            } else if (open != null) {
                return "the declare of [" + open + "] on line " + openLine + " has no end";
            } else if (m.group(1).equals("declare")) {
                open = m.group(2);
                openLine = n + 1;
            }
        }
        return null;
    }

    /** The line and column of a string literal that is not closed on its line, or {0, 0}; comments and text blocks are skipped. */
    private static int[] unclosedString(String text) {
        if (text == null) {
            return new int[] {0, 0};
        }
        String[] lines = RuleText.lines(text);
        boolean inComment = false;
        for (int n = 0; n < lines.length; n++) {
            String l = lines[n];
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (inComment) {
                    if (l.startsWith("*/", i)) {
                        inComment = false;
                        i++;
                    }
                } else if (l.startsWith("/*", i)) {
                    inComment = true;
                    i++;
                } else if (l.startsWith("//", i)) {
                    break;
                } else if (l.startsWith("\"\"\"", i)) {
                    return new int[] {0, 0}; // a text block spans lines; no guess then
                } else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < l.length() && l.charAt(j) != c) {
                        j += l.charAt(j) == '\\' ? 2 : 1;
                    }
                    if (j >= l.length()) {
                        return new int[] {n + 1, i + 1};
                    }
                    i = j;
                }
            }
        }
        return new int[] {0, 0};
    }

    private static final Pattern GENERATED_SOURCE = Pattern.compile("(?s)^Java source of (\\S+) in error:\\s*\\n(.*)$");
    private static final Pattern UNRESOLVED_TYPE = Pattern.compile("^([\\w.$]+) cannot be resolved to a type$");
    private static final Pattern PARSE_CONSEQUENCE = Pattern.compile(
            "(?s)^Unable to parse consequence caused by: \\(line (\\d+),col (\\d+)\\) Parse error\\. Found\\s+\"([^\"]*)\".*?expected (?:one of\\s+)?(.*?)(?:Problem stacktrace.*)?$");
    private static final Pattern NO_CLASS = Pattern.compile("^Unable to find class: ([\\w$]+)\\s*$");
    private static final Pattern LEFT_PART = Pattern.compile("^Unable to parse left part of expression: (.+)$");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile(
            "(?s).*unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\).*");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("(?s).*[Uu]nknown field (\\w+) on (?:class )?([\\w.$]+).*");
    private static final Pattern ERR_PREFIX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");
    private static final Pattern ERR_PLACE = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:(\\d+) ");
    private static final Pattern BAD_IMPORT = Pattern.compile("^Error importing : '([^']+)'");
    private static final Pattern IMPORT_FOLLOW_UP = Pattern.compile("Only a type can be imported\\. ([\\w.$]+) resolves to a package");
    private static final String SYNTAX_ERROR = "syntax error: ";
    private static final Pattern UNANALYSABLE = Pattern.compile("^Unable to Analyse Expression ([^\\n]*?):\\s*\\n\\[Error: ([^\\]\\n]*)\\]");
    private static final Pattern COMPILATION = Pattern.compile("^Rule Compilation error\\s*");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (?:Rule_|LambdaConsequence)\\w+");

    /** Rewrites the compiler's common messages in the words of a rubric author; others pass through tidied. */
    static String explain(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = BAD_IMPORT.matcher(t);
        if (m.find()) {
            return "unknown class [" + m.group(1) + "] in an import: check its package and spelling (the department fact model is "
                    + "dev.rubric.model), or declare the type in the rubric instead (declare ... end)";
        }
        m = UNKNOWN_TYPE.matcher(t);
        if (m.find()) {
            return "unknown fact type [" + m.group(1) + "]: declare it in the rubric (declare " + m.group(1)
                    + " ... end), import its class, or use a type of the department fact model (dev.rubric.model)";
        }
        m = UNKNOWN_PROPERTY.matcher(t);
        if (m.matches()) {
            return "unknown property [" + m.group(2) + "] of [" + simple(m.group(1)) + "]: check the spelling against the type's properties";
        }
        m = UNKNOWN_FIELD.matcher(t);
        if (m.matches()) {
            return "unknown property [" + m.group(1) + "] of [" + simple(m.group(2)) + "]: check the spelling against the type's properties";
        }
        m = UNANALYSABLE.matcher(t);
        if (m.find()) {
            return "the condition [" + m.group(1).trim() + "] cannot be evaluated: " + m.group(2).replace("class java.lang.", "")
                    + "; compare a property with a value of its own type";
        }
        m = PARSE_CONSEQUENCE.matcher(t);
        if (m.find()) {
            boolean semicolon = m.group(4).contains("\";\"");
            return "the rule's code does not compile: " + (semicolon ? "a ; is missing before [" + m.group(3) + "]"
                    : "[" + m.group(3) + "] is not expected there") + " (line " + m.group(1) + " of its then part, column " + m.group(2) + ")";
        }
        if (t.startsWith("Cannot coerce ")) {
            return "a condition compares values of different types (" + t.replaceAll("!$", "") + "); compare a property with a value of its own type";
        }
        m = COMPILATION.matcher(t);
        if (m.find()) {
            String errors = UNDEFINED_METHOD.matcher(t.substring(m.end())).replaceAll(
                    "there is no function [$1] taking ($2): declare it in the rubric (function ... $1(...) { ... }) or check its name");
            return "the rule's code does not compile: " + errors.replaceAll("\\s*\\n\\s*", "; ");
        }
        Matcher prefix = ERR_PREFIX.matcher(t);
        if (prefix.find()) {
            t = SYNTAX_ERROR + t.substring(prefix.end());
        }
        return t.replaceAll("\\s*\\n\\s*", " ");
    }

    private static String simple(String className) {
        int dot = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return dot < 0 ? className : className.substring(dot + 1);
    }
}

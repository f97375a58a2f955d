package dev.rubric.engine.internal.table;

import dev.rubric.engine.internal.json.FactReader;
import dev.rubric.engine.internal.text.Spelling;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The condition column of a 评分细则 table, in its simple form, translated to DRL patterns.
 *
 * <p>The form: one or more facts separated by {@code ;}, each a type and, in parentheses, constraints
 * separated by commas; {@code not} before a type means "there is no such fact". One item is written for
 * every match of the last fact that is not negated, and that fact is the item's evidence.
 *
 * <pre>
 * TargetTask(status == COMPLETED, completedOn > deadline)
 * AssessmentPeriod(kind == ANNUAL, $assessedOn : assessedOn); TargetTask(status == IN_PROGRESS, deadline &lt; $assessedOn)
 * AssessmentPeriod(kind == ANNUAL); not StaffAssessment()
 * </pre>
 *
 * A constraint is {@code property op value} ({@code == != > >= < <=}; {@code =} is read as {@code ==}), a
 * boolean property alone or after {@code !}, or {@code $name : property}, which names a value for later
 * facts. A value is a number, text in quotes, a date {@code 2026-06-30}, {@code true}, {@code false},
 * {@code null}, another property of the same fact, a {@code $name}, or, for a property of an enum type of
 * the fact model, a constant's name alone ({@code COMPLETED}). Chinese punctuation （），；：＝ is read
 * as its ASCII counterpart. Anything else, such as {@code ||}, is a problem to write as a DRL rule instead.
 */
final class Condition {

    /** Fact types of the scoring contract a condition may use beside the fact model and declared types. */
    private static final Map<String, String> API_TYPES = Map.of(
            "CategoryScore", "dev.rubric.api.CategoryScore",
            "TotalScore", "dev.rubric.api.TotalScore",
            "Period", "dev.rubric.api.Period");
    private static final Set<String> OPERATORS = Set.of("==", "!=", ">", ">=", "<", "<=");

    /** A condition that cannot be translated; the message says what to write instead. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The translated condition.
     *
     * @param patterns the DRL patterns, one a line
     * @param item     the type of the item's fact (the last pattern not negated), or null when every pattern is negated
     * @param itemClass the class of the item's fact when it is a class (not a declared type), else null
     * @param grading  whether the condition looks at CategoryScore or TotalScore, so it belongs to the grading phase
     */
    record Drl(List<String> patterns, String item, Class<?> itemClass, boolean grading) {
    }

    private final String text;
    private final Set<String> declared;
    private final ClassLoader loader;
    private List<String> tokens;
    private int at;
    private final Set<String> bound = new LinkedHashSet<>();

    private Condition(String text, Set<String> declared, ClassLoader loader) {
        this.text = text;
        this.declared = declared;
        this.loader = loader;
    }

    /**
     * Translates a condition.
     *
     * @param text     the cell's text
     * @param declared the names of the types the rubric's DRL declares
     * @param itemVar  the variable the item's fact is bound to
     */
    static Drl translate(String text, Set<String> declared, String itemVar, ClassLoader loader) throws Unreadable {
        return new Condition(text, declared, loader).translate(itemVar);
    }

    private Drl translate(String itemVar) throws Unreadable {
        tokens = tokenize(text);
        if (tokens.isEmpty()) {
            throw new Unreadable("the condition is empty; name the fact the item is about, such as TargetTask(completedOn > deadline)");
        }
        record Pattern(boolean negated, String type, Class<?> cls, String constraints) {
        }
        List<Pattern> patterns = new ArrayList<>();
        boolean grading = false;
        while (at < tokens.size()) {
            boolean negated = false;
            if (peek().equals("not")) {
                negated = true;
                at++;
            }
            String type = next("a fact type such as TargetTask");
            if (!isIdentifier(type)) {
                throw new Unreadable("expected a fact type where [" + type + "] is; a condition starts with the type, such as TargetTask(…)");
            }
            Class<?> cls = typeClass(type);
            grading |= type.equals("CategoryScore") || type.equals("TotalScore");
            String constraints = "";
            if (at < tokens.size() && peek().equals("(")) {
                at++;
                constraints = constraints(type, cls);
            }
            patterns.add(new Pattern(negated, type, cls, constraints));
            if (at < tokens.size()) {
                String sep = next("");
                if (!sep.equals(";")) {
                    throw new Unreadable("unexpected [" + sep + "] after " + type + "(…); separate facts with a semicolon ;"
                            + (sep.equals("||") || sep.equals("&&") || sep.equalsIgnoreCase("or") ? " (a table row cannot say \"or\": write two rows, or the rule in DRL)" : ""));
                }
            }
        }
        int last = -1;
        for (int i = 0; i < patterns.size(); i++) {
            if (!patterns.get(i).negated()) {
                last = i;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            lines.add((p.negated() ? "not " : i == last ? itemVar + " : " : "") + p.type() + "( " + p.constraints() + " )");
        }
        Pattern item = last < 0 ? null : patterns.get(last);
        return new Drl(lines, item == null ? null : item.type(), item == null ? null : item.cls(), grading);
    }

    private String constraints(String type, Class<?> cls) throws Unreadable {
        List<String> out = new ArrayList<>();
        if (peek().equals(")")) {
            at++;
            return "";
        }
        while (true) {
            out.add(constraint(type, cls));
            String t = next("a comma or )");
            if (t.equals(")")) {
                return String.join(", ", out);
            }
            if (!t.equals(",")) {
                throw new Unreadable("unexpected [" + t + "] in the constraints of " + type
                        + (t.equals("||") || t.equals("&&") ? "; a table row joins constraints with commas (and), it cannot say \"or\": write two rows, or the rule in DRL"
                        : "; separate constraints with commas and close them with )"));
            }
        }
    }

    private String constraint(String type, Class<?> cls) throws Unreadable {
        String first = next("a constraint");
        if (first.startsWith("$")) {
            if (!next("a colon").equals(":")) {
                throw new Unreadable("[" + first + "] must be followed by a colon and a property, such as " + first + " : assessedOn");
            }
            String property = next("a property");
            Class<?> propertyType = property(type, cls, property);
            bound.add(first);
            return first + " : " + property;
        }
        boolean negated = false;
        if (first.equals("!")) {
            negated = true;
            first = next("a property");
        }
        Class<?> propertyType = property(type, cls, first);
        String op = peek();
        if (negated || !OPERATORS.contains(op)) {
            if (propertyType != null && propertyType != boolean.class && propertyType != Boolean.class) {
                throw new Unreadable("[" + first + "] of " + type + " is not true or false; compare it with a value, such as " + first + " == …");
            }
            return (negated ? "!" : "") + first;
        }
        at++;
        String value = next("a value after " + op);
        return first + " " + op + " " + value(type, cls, first, propertyType, value);
    }

    private String value(String type, Class<?> cls, String property, Class<?> propertyType, String value) throws Unreadable {
        if (value.startsWith("\"")) {
            return value;
        }
        if (value.startsWith("$")) {
            if (!bound.contains(value)) {
                throw new Unreadable("[" + value + "] is not named by an earlier fact of the condition; name it first, such as AssessmentPeriod(" + value + " : assessedOn); …");
            }
            return value;
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                LocalDate d = LocalDate.parse(value);
                return "LocalDate.of(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ")";
            } catch (DateTimeException e) {
                throw new Unreadable("[" + value + "] is not a date that exists; write a date as 2026-06-30");
            }
        }
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        if (value.equals("true") || value.equals("false") || value.equals("null")) {
            return value;
        }
        if (!isIdentifier(value)) {
            throw new Unreadable("[" + value + "] after " + property + " is not a value; write a number, text in quotes, a date such as 2026-06-30, true, false, null or a property");
        }
        if (cls == null) {
            return value; // a declared type: the compiler checks what the name means
        }
        Map<String, Class<?>> properties = properties(cls);
        if (properties.containsKey(value)) {
            return value;
        }
        if (propertyType != null && propertyType.isEnum()) {
            List<String> constants = Arrays.stream(propertyType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!constants.contains(value)) {
                throw new Unreadable("[" + value + "] is not a value of " + property + " (" + propertyType.getSimpleName() + "); its values are "
                        + constants + Spelling.didYouMean(value, constants));
            }
            return propertyType.getSimpleName() + "." + value;
        }
        throw new Unreadable("[" + value + "] is neither a property of " + type + " nor a value; put text in quotes, such as \"" + value + "\"");
    }

    private Class<?> property(String type, Class<?> cls, String property) throws Unreadable {
        if (!isIdentifier(property)) {
            throw new Unreadable("expected a property of " + type + " where [" + property + "] is");
        }
        if (cls == null) {
            return null;
        }
        Map<String, Class<?>> properties = properties(cls);
        Class<?> t = properties.get(property);
        if (t == null) {
            throw new Unreadable(type + " has no property [" + property + "]; its properties are " + new TreeSet<>(properties.keySet())
                    + Spelling.didYouMean(property, properties.keySet()));
        }
        return t;
    }

    private Class<?> typeClass(String type) throws Unreadable {
        if (declared.contains(type)) {
            return null;
        }
        String name = API_TYPES.getOrDefault(type, FactReader.MODEL_PACKAGE + type);
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            Set<String> known = new TreeSet<>(declared);
            known.addAll(API_TYPES.keySet());
            throw new Unreadable("[" + type + "] is not a type of the fact model, a type the rubric's DRL declares, or CategoryScore, TotalScore or Period"
                    + Spelling.didYouMean(type, known) + "; check its spelling (types start with a capital letter, such as TargetTask)");
        }
    }

    /** A class's bean properties: a record's components, else its getters, by property name. */
    static Map<String, Class<?>> properties(Class<?> cls) {
        Map<String, Class<?>> properties = new LinkedHashMap<>();
        if (cls.isRecord()) {
            for (RecordComponent c : cls.getRecordComponents()) {
                properties.put(c.getName(), c.getType());
            }
            return properties;
        }
        for (Method m : cls.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            String p = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                    : n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class) ? n.substring(2) : null;
            if (p != null) {
                properties.put(Character.toLowerCase(p.charAt(0)) + p.substring(1), m.getReturnType());
            }
        }
        return properties;
    }

    /** The accessor call of a property in Java: {@code title()} for a record, {@code getTitle()} otherwise. */
    static String accessor(Class<?> cls, String property) {
        if (cls != null && cls.isRecord()) {
            return property + "()";
        }
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        if (cls != null) {
            try {
                Method is = cls.getMethod("is" + cap);
                if (is.getReturnType() == boolean.class) {
                    return "is" + cap + "()";
                }
            } catch (NoSuchMethodException e) {
                // not a boolean getter: the get form follows
            }
        }
        return "get" + cap + "()";
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : "";
    }

    private String next(String expected) throws Unreadable {
        if (at >= tokens.size()) {
            throw new Unreadable("the condition ends early; expected " + expected);
        }
        return tokens.get(at++);
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(Character::isJavaIdentifierPart);
    }

    private static List<String> tokenize(String text) throws Unreadable {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = normalize(text.charAt(i));
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'' || c == '“' || c == '「') {
                char close = c == '“' ? '”' : c == '「' ? '」' : c;
                int end = text.indexOf(close, i + 1);
                if (end < 0) {
                    throw new Unreadable("text opened with " + c + " is not closed; close it with " + close);
                }
                tokens.add(GeneratedDrl.quote(text.substring(i + 1, end)));
                i = end + 1;
            } else if ("(),;:".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if ("=!<>&|".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < text.length() && "=&|".indexOf(normalize(text.charAt(j))) >= 0 && j - i < 2) {
                    j++;
                }
                StringBuilder op = new StringBuilder();
                for (int k = i; k < j; k++) {
                    op.append(normalize(text.charAt(k)));
                }
                String o = op.toString();
                tokens.add(o.equals("=") ? "==" : o);
                i = j;
            } else if (c == '$' || Character.isJavaIdentifierStart(c) || Character.isDigit(c) || c == '-') {
                int j = i + 1;
                while (j < text.length() && (Character.isJavaIdentifierPart(text.charAt(j)) || text.charAt(j) == '.' || text.charAt(j) == '-')
                        && !Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            } else {
                throw new Unreadable("[" + text.charAt(i) + "] cannot stand in a condition; write facts as Type(property op value, …)");
            }
        }
        return tokens;
    }

    private static char normalize(char c) {
        return switch (c) {
            case '（' -> '(';
            case '）' -> ')';
            case '，' -> ',';
            case '；' -> ';';
            case '：' -> ':';
            case '＝' -> '=';
            case '！' -> '!';
            case '＞' -> '>';
            case '＜' -> '<';
            default -> c;
        };
    }
}

package dev.rubric.engine.compile;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Problem;
import dev.rubric.engine.Spelling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check of restricted loading: the code of a rubric that comes from someone else may use only the fact
 * model, its own declared types, the score sheet and a small set of harmless library types; anything else is
 * refused, with its file, line and column, before a line of it is compiled.
 *
 * <p>Design notes. The check reads the rule files as the Java and MVEL compilers will: Unicode escapes are
 * decoded first (javac decodes {@code \u0053ystem} before it sees a token), then comments and string
 * literals are set aside (strings are data: without reflection no string becomes code). What remains is
 * judged token by token, with one allowlist and one denylist:
 * <ul>
 *   <li>a qualified name such as {@code java.io.File} or {@code java.lang.Runtime.getRuntime} must name an
 *       allowed class, in an import, a declared field, a constraint, a consequence or a function alike;</li>
 *   <li>a simple type name (an identifier starting with an upper-case letter, not after a dot) must be an
 *       allowed {@code java.lang} type, a type the rubric declares, a class of the department fact model, a
 *       score-sheet type, or an allowed class the file imports — a name like {@code System}, {@code Thread} or
 *       {@code Class} is refused wherever it appears;</li>
 *   <li>a member after a dot must not be one of the doors to reflection, class loading, processes or the
 *       engine's own runtime ({@code getClass}, {@code forName}, {@code invoke}, {@code exec},
 *       {@code getKieRuntime}…), and {@code kcontext} is refused outright.</li>
 * </ul>
 * A qualified name is judged wherever its first segment is a well-known root ({@code java}, {@code org}…) or
 * the package of any class on the class path: a host application's own {@code cn.gov.payroll.Payroll} is as far
 * out of bounds as {@code java.io.File}. After an allowed class, each member is judged again, so
 * {@code java.time.LocalDate.class.getClassLoader()} is refused at {@code getClassLoader}. Annotations must be
 * simple names ({@code @id}, {@code @role}): Drools loads the class a qualified one names. Identifiers are read
 * as javac reads them, without the "identifier-ignorable" control characters it drops.
 *
 * <p>A name that is refused is refused even where it would be harmless; a rubric that needs more runs trusted.
 * A simple type name that names nothing at all (a misspelt fact type) is refused in the words of the mistake,
 * "unknown type", without the advice to trust the rubric, which would not help.
 * What the check cannot stop is code that only burns time (an endless loop in a consequence): the firing
 * limit and the evaluation time limit are the guard there.
 */
public final class CodePolicy {

    private static final Set<String> JAVA_LANG = Set.of("String", "Math", "StrictMath", "Integer", "Long", "Double", "Float", "Short",
            "Byte", "Boolean", "Character", "Number", "Object", "Comparable", "CharSequence", "StringBuilder", "Iterable",
            "IllegalArgumentException", "IllegalStateException", "RuntimeException", "ArithmeticException", "NullPointerException",
            "UnsupportedOperationException", "Exception");
    private static final Set<String> SCORE_TYPES = Set.of("dev.rubric.api.ScoreSheet", "dev.rubric.api.CategoryScore", "dev.rubric.api.TotalScore",
            "dev.rubric.api.Period");
    private static final Set<String> CLASSES = Set.of(
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode", "java.math.MathContext",
            "java.util.List", "java.util.ArrayList", "java.util.LinkedList", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.Collection",
            "java.util.Collections", "java.util.Arrays", "java.util.Objects", "java.util.Optional", "java.util.Comparator", "java.util.Iterator",
            "java.util.Deque", "java.util.ArrayDeque", "java.util.Queue", "java.util.Map.Entry",
            "java.util.stream.Stream", "java.util.stream.Collectors", "java.util.stream.IntStream");
    private static final List<String> PACKAGES = List.of("java.time.", "dev.rubric.model.");
    private static final Set<String> ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io", "dev", "jakarta",
            "kotlin", "scala", "groovy", "lombok", "mvel", "mvel2");
    private static final Set<String> DENIED_MEMBERS = Set.of("getClass", "class", "forName", "getClassLoader", "getContextClassLoader",
            "classLoader", "loadClass", "defineClass", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField",
            "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
            "getDeclaredConstructors", "invoke", "invokeExact", "invokeWithArguments", "newInstance", "setAccessible", "trySetAccessible",
            "getRuntime", "runtime", "exec", "exit", "halt", "getKieRuntime", "kieRuntime", "getWorkingMemory", "workingMemory",
            "getKieBase", "kieBase", "getEnvironment", "getChannels", "getEntryPoint", "getEntryPoints", "getSession",
            "getKnowledgeRuntime", "getProtectionDomain", "getModule", "lookup", "getResource", "getResourceAsStream", "getenv",
            "getProperty", "setProperty", "wait", "notify", "notifyAll", "getGlobal", "setGlobal", "getGlobals", "getContext", "getChannel");
    private static final Set<String> DENIED_NAMES = Set.of("kcontext");
    /** Classes of allowed packages that change the whole JVM: a rubric must not register time-zone rules for everyone. */
    private static final Set<String> DENIED_CLASSES = Set.of("java.time.zone.ZoneRulesProvider");
    private static final List<String> DENIED_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun", "org.drools", "org.kie",
            "org.mvel2", "dev.rubric");

    private final String file;
    private final List<Problem> problems;
    private final Set<String> allowed = new HashSet<>(JAVA_LANG);
    private final ClassLoader loader;
    /** The application's own classes the load options allow ({@link LoadOptions#allows}). */
    private final LoadOptions options;
    /** The file's package: a simple name may name a class of it. */
    private String packageName = "";
    /** Packages of the application's own the file imports whole ({@code import org.example.canteen.*;}), where the options allow them. */
    private final List<String> allowedWildcards = new ArrayList<>();
    /** Simple names of imported classes that do not exist; reported at the import only. */
    private final Set<String> unknownImports = new HashSet<>();

    private CodePolicy(String file, List<Problem> problems, Set<String> declared, ClassLoader loader, LoadOptions options) {
        this.file = file;
        this.problems = problems;
        this.loader = loader;
        this.options = options;
        allowed.addAll(declared);
        for (String s : SCORE_TYPES) {
            allowed.add(s.substring(s.lastIndexOf('.') + 1));
        }
    }

    /**
     * Checks every rule file of a rubric.
     *
     * @param files  rule file path to DRL text
     * @param loader where the fact model's classes are found
     * @return every use of something not allowed, with its place; empty when the rubric may be compiled
     */
    public static List<Problem> check(Map<String, String> files, ClassLoader loader) {
        return check(files, loader, LoadOptions.restricted());
    }

    /**
     * Checks every rule file of a rubric, allowing also the application's classes the options name.
     *
     * @param files   rule file path to DRL text
     * @param loader  where the fact model's and the application's classes are found
     * @param options whose {@link LoadOptions#allowed()} packages and classes count as fact model
     * @return every use of something not allowed, with its place; empty when the rubric may be compiled
     */
    public static List<Problem> check(Map<String, String> files, ClassLoader loader, LoadOptions options) {
        List<Problem> problems = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        Map<String, List<Token>> tokens = new java.util.LinkedHashMap<>();
        files.forEach((path, text) -> {
            List<Token> t = Lexer.tokens(text);
            tokens.put(path, t);
            declared.addAll(declaredTypes(t));
        });
        tokens.forEach((path, t) -> new CodePolicy(path, problems, declared, loader, options).judge(t));
        return problems;
    }

    private static Set<String> declaredTypes(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("declare")) {
                int j = i + 1;
                while (j < tokens.size() && (tokens.get(j).is("enum") || tokens.get(j).is("trait"))) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).ident) {
                    names.add(tokens.get(j).text);
                }
            }
        }
        return names;
    }

    private void judge(List<Token> tokens) {
        // imports first: an allowed import makes its simple name usable anywhere in the file
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("import") && startOfStatement(tokens, i)) {
                int j = i + 1;
                while (j < tokens.size() && (tokens.get(j).is("static") || tokens.get(j).is("function") || tokens.get(j).is("accumulate"))) {
                    j++;
                }
                String chain = chain(tokens, j);
                if (chain.endsWith(".*")) {
                    String pkg = chain.substring(0, chain.length() - 1);
                    if (options.allowed().contains(chain.substring(0, chain.length() - 2))) {
                        allowedWildcards.add(chain.substring(0, chain.length() - 2));
                    } else if (PACKAGES.stream().noneMatch(pkg::equals)) {
                        refuse(t, "imports all of [" + chain + "]; import the allowed classes one by one");
                    }
                } else if (!allowedClass(classPart(chain))) {
                    if (exists(classPart(chain))) {
                        refuse(t, "imports [" + chain + "], which a restricted rubric may not use");
                    } else {
                        unknownImports.add(simpleName(classPart(chain)));
                        unknown(t, "unknown class [" + chain + "] in an import: check its package and spelling (the department fact model is dev.rubric.model), or declare the type in the rubric instead (declare ... end)");
                    }
                } else {
                    allowed.add(simpleName(classPart(chain)));
                }
            }
            if (t.is("package") && startOfStatement(tokens, i)) {
                String pkg = chain(tokens, i + 1);
                packageName = pkg;
                for (String denied : DENIED_PACKAGES) {
                    if (pkg.equals(denied) || pkg.startsWith(denied + ".")) {
                        refuse(t, "declares package [" + pkg + "], which belongs to the platform; use a package of the rubric's own, such as rubrics.myrubric");
                    }
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.ident) {
                continue;
            }
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            if (prev != null && (prev.is("import") || prev.is("package") || prev.is("static") && i > 1 && tokens.get(i - 2).is("import"))) {
                i = skipChain(tokens, i);
                continue;
            }
            if (prev != null && prev.is("@") && i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
                // Drools loads the class a qualified annotation names (running its static initialiser) and evaluates
                // rule metadata as MVEL; the rubric annotations are simple names
                refuse(t, "uses the annotation [@" + chain(tokens, i) + "]; a restricted rubric's annotations are simple names such as @id, @category, @max and @effect");
                i = skipChain(tokens, i);
                continue;
            }
            if (prev != null && (prev.is("rule") || prev.is("query") || prev.is("@"))) {
                continue; // a rule or query name, or an annotation
            }
            boolean member = prev != null && (prev.is(".") || prev.is("::") || prev.is(".?"));
            if (member) {
                if (DENIED_MEMBERS.contains(t.text)) {
                    refuse(t, "uses [" + t.text + "], which reaches reflection, class loading, processes or the engine itself");
                }
                continue;
            }
            if (DENIED_NAMES.contains(t.text)) {
                refuse(t, "uses [" + t.text + "], the engine's own context; a rule needs only its facts and the score sheet");
                continue;
            }
            if (i + 2 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 2).ident
                    && (ROOTS.contains(t.text) || Character.isLowerCase(t.text.charAt(0)) && exists(classPart(chain(tokens, i))))) {
                // a qualified name: under a well-known root, or under any package a class on the classpath lives in
                // (a host application's own classes, say cn.gov.payroll.Payroll, are as out of bounds as java.io.File)
                String chain = chain(tokens, i);
                String cls = classPart(chain);
                boolean namesClass = !cls.equals(chain) || Character.isUpperCase(simpleName(chain).charAt(0));
                if (namesClass && !allowedClass(cls)) {
                    refuse(t, "refers to [" + cls + "], which a restricted rubric may not use");
                }
                // what follows the class (.getClass, .class, .forName…) is judged member by member
                i = namesClass ? i + 2 * (cls.split("\\.").length - 1) : skipChain(tokens, i);
                continue;
            }
            if (constant(t.text)) {
                continue; // an enum constant such as a switch label (case NATIONAL:); no class of java.lang is named so
            }
            if (Character.isUpperCase(t.text.charAt(0)) && !allowed.contains(t.text) && !modelClass(t.text)
                    && !applicationClass(t.text)) {
                if (unknownImports.contains(t.text)) {
                    continue; // reported once, at its import
                }
                if (!exists("java.lang." + t.text) && !exists(packageName + "." + t.text) && !imported(tokens, t.text)) {
                    // a misspelt or undeclared type: trusting the rubric would not help, so do not suggest it
                    unknown(t, "unknown type [" + t.text + "]" + Spelling.didYouMean(t.text, allowed)
                            + ": declare it in the rubric (declare " + t.text + " ... end), import its class, or use a type of the department fact model (dev.rubric.model)");
                    continue;
                }
                refuse(t, "refers to [" + t.text + "]" + Spelling.didYouMean(t.text, allowed)
                        + ", which is not a type a restricted rubric may use (the fact model, its declared types, "
                        + "the score sheet, String, Math, BigDecimal, java.time and collections)");
            }
        }
    }

    /** Whether a simple name names an allowed class of the application, in the file's package or one it imports whole. */
    private boolean applicationClass(String simpleName) {
        if (options.allows(packageName + "." + simpleName) && exists(packageName + "." + simpleName)) {
            return true;
        }
        return allowedWildcards.stream().anyMatch(p -> exists(p + "." + simpleName));
    }

    /** Whether a class of this name can be loaded at all (not initialised): it only ever makes the check refuse more, or word a refusal, never allow. */
    private boolean exists(String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether the file imports some class of this simple name, allowed or not. */
    private static boolean imported(List<Token> tokens, String simpleName) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("import") && startOfStatement(tokens, i)) {
                int j = i + 1;
                while (j < tokens.size() && (tokens.get(j).is("static") || tokens.get(j).is("function") || tokens.get(j).is("accumulate"))) {
                    j++;
                }
                String chain = chain(tokens, j);
                if (chain.equals(simpleName) || chain.endsWith("." + simpleName) || chain.contains("." + simpleName + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean constant(String name) {
        return name.length() > 1 && name.chars().noneMatch(Character::isLowerCase);
    }

    private boolean allowedClass(String className) {
        if (DENIED_CLASSES.contains(className)) {
            return false;
        }
        if (CLASSES.contains(className) || SCORE_TYPES.contains(className)) {
            return true;
        }
        if (options.allows(className)) {
            return true; // the application's own fact model, which the load options name
        }
        if (className.startsWith("java.lang.") && JAVA_LANG.contains(className.substring("java.lang.".length()))) {
            return true;
        }
        for (String p : PACKAGES) {
            if (className.startsWith(p)) {
                return p.equals("java.time.") || modelClass(className.substring(p.length()));
            }
        }
        return false;
    }

    private boolean modelClass(String simpleName) {
        if (simpleName.contains(".")) {
            return false;
        }
        try {
            Class.forName("dev.rubric.model." + simpleName, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The class a qualified name names: up to and including its first upper-case segment (nested types kept for allowed ones). */
    private static String classPart(String chain) {
        String[] parts = chain.split("\\.");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(parts[i]);
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                if (i + 1 < parts.length && CLASSES.contains(b + "." + parts[i + 1])) {
                    b.append('.').append(parts[i + 1]);
                }
                return b.toString();
            }
        }
        return b.toString();
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String chain(List<Token> tokens, int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.ident || t.is("*")) {
                b.append(t.text);
                if (i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
                    b.append('.');
                    i++;
                    continue;
                }
            }
            break;
        }
        return b.toString();
    }

    private static int skipChain(List<Token> tokens, int from) {
        int i = from;
        while (i + 2 < tokens.size() && tokens.get(i + 1).is(".") && (tokens.get(i + 2).ident || tokens.get(i + 2).is("*"))) {
            i += 2;
        }
        return i;
    }

    private static boolean startOfStatement(List<Token> tokens, int i) {
        return i == 0 || tokens.get(i - 1).is(";") || tokens.get(i - 1).line < tokens.get(i).line;
    }

    private void refuse(Token t, String message) {
        problems.add(Problem.at(file, t.line, t.column, "restricted rubric: " + message + "; load the rubric as trusted if you wrote it yourself"));
    }

    /** A name that names nothing: refused like any other, but worded as the mistake it is. */
    private void unknown(Token t, String message) {
        problems.add(Problem.at(file, t.line, t.column, message));
    }

    /** One token of a rule file, with its place in the file as written (before Unicode escapes were decoded). */
    record Token(String text, boolean ident, int line, int column) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    /** Splits DRL text into identifiers and punctuation, leaving out comments and string and character literals. */
    static final class Lexer {

        private final StringBuilder chars = new StringBuilder();
        private final List<int[]> places = new ArrayList<>();

        private Lexer(String text) {
            // decode Unicode escapes as javac does, remembering where each decoded character was written
            int line = 1;
            int col = 1;
            for (int i = 0; i < text.length(); ) {
                char c = text.charAt(i);
                int startLine = line;
                int startCol = col;
                int consumed = 1;
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && !escapedBackslash(text, i)) {
                    int j = i + 1;
                    while (j < text.length() && text.charAt(j) == 'u') {
                        j++;
                    }
                    if (j + 4 <= text.length() && text.substring(j, j + 4).matches("[0-9a-fA-F]{4}")) {
                        c = (char) Integer.parseInt(text.substring(j, j + 4), 16);
                        consumed = j + 4 - i;
                    }
                }
                chars.append(c);
                places.add(new int[] {startLine, startCol});
                for (int k = 0; k < consumed; k++) {
                    if (text.charAt(i + k) == '\n') {
                        line++;
                        col = 1;
                    } else {
                        col++;
                    }
                }
                i += consumed;
            }
        }

        private static boolean escapedBackslash(String text, int i) {
            int n = 0;
            for (int k = i - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
                n++;
            }
            return n % 2 == 1;
        }

        static List<Token> tokens(String text) {
            return new Lexer(text).split();
        }

        private List<Token> split() {
            List<Token> tokens = new ArrayList<>();
            String s = chars.toString();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (s.startsWith("//", i)) {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                } else if (s.startsWith("\"\"\"", i)) {
                    int end = s.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? s.length() : end + 3;
                } else if (c == '"' || c == '\'') {
                    i++;
                    while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                        i += s.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                        i++;
                    }
                    // javac ignores "identifier-ignorable" characters: Sys\u0001tem is System to it, so to the check
                    StringBuilder name = new StringBuilder();
                    s.substring(start, i).chars().filter(ch -> !Character.isIdentifierIgnorable(ch)).forEach(ch -> name.append((char) ch));
                    tokens.add(new Token(name.toString(), true, places.get(start)[0], places.get(start)[1]));
                } else if (Character.isDigit(c)) {
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                        i++;
                    }
                } else if (s.startsWith("::", i) || s.startsWith(".?", i)) {
                    tokens.add(new Token(s.substring(i, i + 2), false, places.get(i)[0], places.get(i)[1]));
                    i += 2;
                } else {
                    tokens.add(new Token(String.valueOf(c), false, places.get(i)[0], places.get(i)[1]));
                    i++;
                }
            }
            return tokens;
        }
    }
}

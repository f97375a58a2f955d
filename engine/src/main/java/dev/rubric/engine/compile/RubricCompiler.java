package dev.rubric.engine.compile;

import dev.rubric.api.Problem;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieContainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles rule files with the classic DRL compiler through the public KIE API, and turns its messages
 * into problems a rubric author can act on.
 *
 * <p>Each build gets a release id of its own, and the module is removed from the KIE repository once its
 * knowledge base is taken, so repeated loads in a long-running service leave nothing behind.
 *
 * <p>Two compiler habits would bury the one real mistake under errors that are not: a file that does not
 * parse stops Drools from declaring the types of every other file (which then report "unknown fact type"
 * for types they declare), so the files that do parse are built again on their own for their true
 * problems; and an import of a missing class is reported on line 1 and again on every rule of its package,
 * so it is reported once, at the import.
 */
public final class RubricCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RubricCompiler() {
    }

    /** The compiled knowledge base and the types the rubric declares, or the problems that prevent it. */
    public record Result(KieBase kieBase, Map<String, FactType> declaredTypes, List<Problem> problems) {
    }

    /**
     * Compiles DRL files.
     *
     * @param rubricId the manifest id (or a placeholder), used in the release id
     * @param files    rule file path (relative to the rubric) to its DRL text
     * @param loader   the class loader fact classes and imports are resolved with
     */
    public static Result compile(String rubricId, Map<String, String> files, ClassLoader loader) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("dev.rubric.generated", rubricId == null ? "rubric" : rubricId,
                "1.0." + BUILDS.incrementAndGet());
        List<Problem> problems = build(ks, releaseId, files, loader);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            Set<String> unparsed = new HashSet<>();
            problems.stream().filter(p -> p.message().startsWith(SYNTAX_ERROR)).forEach(p -> unparsed.add(p.file()));
            if (!unparsed.isEmpty() && unparsed.size() < files.size()) {
                Map<String, String> parsed = new LinkedHashMap<>(files);
                parsed.keySet().removeAll(unparsed);
                problems.removeIf(p -> !unparsed.contains(p.file()));
                ReleaseId again = ks.newReleaseId("dev.rubric.generated", rubricId == null ? "rubric" : rubricId,
                        "1.0." + BUILDS.incrementAndGet());
                problems.addAll(build(ks, again, parsed, loader));
                ks.getRepository().removeKieModule(again);
            }
            return new Result(null, Map.of(), problems);
        }
        KieContainer container = ks.newKieContainer(releaseId, loader);
        KieBase kieBase = container.getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        Map<String, FactType> declared = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType t : pkg.getFactTypes()) {
                if (!existsOutside(t.getName(), loader)) { // metadata on an existing class is no declared type
                    declared.put(t.getSimpleName(), t);
                }
            }
        }
        return new Result(kieBase, Map.copyOf(declared), problems);
    }

    /** Builds the files into the KIE repository under {@code releaseId}; the problems, or none when it worked. */
    private static List<Problem> build(KieServices ks, ReleaseId releaseId, Map<String, String> files, ClassLoader loader) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((path, text) -> kfs.write(RESOURCES + path, text));
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        Set<String> missingImports = new HashSet<>();
        for (Message m : messages) {
            Matcher bad = BAD_IMPORT.matcher(String.valueOf(m.getText()));
            if (bad.find()) {
                missingImports.add(bad.group(1));
            }
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Message m : messages) {
            String text = String.valueOf(m.getText());
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
            Problem p = Problem.at(file, line, column, explain(text));
            if (seen.add(p.toString())) {
                problems.add(p);
            }
        }
        return problems;
    }

    /** The line and column of {@code import className} in a file's text, or {0, 0} when it is not found. */
    private static int[] importPlace(String text, String className) {
        if (text == null) {
            return new int[] {0, 0};
        }
        Matcher m = Pattern.compile("(?m)^([ \\t]*)import\\s+" + Pattern.quote(className) + "\\s*;?").matcher(text);
        if (!m.find()) {
            return new int[] {0, 0};
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new int[] {line, m.group(1).length() + 1};
    }

    private static boolean existsOutside(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile(
            "(?s).*unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\).*");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("(?s).*[Uu]nknown field (\\w+) on (?:class )?([\\w.$]+).*");
    private static final Pattern ERR_PREFIX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");
    private static final Pattern ERR_PLACE = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:(\\d+) ");
    private static final Pattern BAD_IMPORT = Pattern.compile("^Error importing : '([^']+)'");
    private static final Pattern IMPORT_FOLLOW_UP = Pattern.compile("Only a type can be imported\\. ([\\w.$]+) resolves to a package");
    private static final String SYNTAX_ERROR = "syntax error: ";

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

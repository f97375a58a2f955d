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
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("dev.rubric.generated", rubricId == null ? "rubric" : rubricId,
                "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((path, text) -> kfs.write(RESOURCES + path, text));
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (m.getText() != null && m.getText().contains("Parser returned a null Package")) {
                continue; // a consequence of the syntax errors reported beside it
            }
            String file = m.getPath() == null ? null : m.getPath().replaceFirst("^" + RESOURCES, "");
            Problem p = Problem.at(file, Math.max(0, m.getLine()), Math.max(0, m.getColumn()), explain(m.getText()));
            if (seen.add(p.toString())) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
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

    /** Rewrites the compiler's common messages in the words of a rubric author; others pass through tidied. */
    static String explain(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = UNKNOWN_TYPE.matcher(t);
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
            t = "syntax error: " + t.substring(prefix.end());
        }
        return t.replaceAll("\\s*\\n\\s*", " ");
    }

    private static String simple(String className) {
        int dot = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return dot < 0 ? className : className.substring(dot + 1);
    }
}

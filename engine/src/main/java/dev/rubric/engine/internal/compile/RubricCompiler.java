package dev.rubric.engine.internal.compile;

import dev.rubric.api.Problem;
import dev.rubric.engine.internal.sandbox.Allowlist;
import dev.rubric.engine.internal.sandbox.Budget;
import dev.rubric.engine.internal.sandbox.BudgetExceeded;
import dev.rubric.engine.internal.sandbox.BytecodeVerifier;
import dev.rubric.engine.internal.sandbox.Instrumenter;
import dev.rubric.engine.internal.sandbox.Origins;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.util.PortablePath;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicLong;

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

    /**
     * The compiled knowledge base and the types the rubric declares, or the problems that prevent it.
     *
     * @param code what restricted mode found in the compiled classes, and where each came from; null when it did not compile
     */
    public record Result(KieBase kieBase, Map<String, FactType> declaredTypes, List<Problem> problems, CompiledCode code) {
    }

    /** The rubric's code ran past its budget while the knowledge base was built; {@code code} maps the site to its rule. */
    public static final class BuildStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CompiledCode code;

        BuildStopped(BudgetExceeded cause, CompiledCode code) {
            super(cause.getMessage(), cause, false, false);
            this.code = code;
        }

        /** What ran out. */
        public BudgetExceeded budget() {
            return (BudgetExceeded) getCause();
        }

        /** The verified code, whose sites name the rules. */
        public CompiledCode code() {
            return code;
        }
    }

    /**
     * The verdict of restricted mode on a rubric's compiled classes, made whatever the mode of the load (so a cached
     * rubric can be loaded in either), and the map from the sites of its budget calls back to its rules.
     *
     * @param findings every reference restricted mode refuses; empty when the rubric may run restricted
     * @param origins  which rule, function or declared type each class came from
     * @param sites    the class of each site number {@link Budget} reports
     */
    public record CompiledCode(List<BytecodeVerifier.Finding> findings, Origins origins, Map<Integer, String> sites) {
    }

    /**
     * Compiles DRL files, and builds the knowledge base only when {@code mayRun} accepts the verified code: building it
     * loads the rubric's classes and runs some of its code (rule metadata, constant conditions), so code restricted
     * mode refuses is never built. The build runs under a {@link Budget} of {@code buildLimit}.
     *
     * @param rubricId the manifest id (or a placeholder), used in the release id
     * @param files    rule file path (relative to the rubric) to its DRL text
     * @param loader   the class loader fact classes and imports are resolved with
     * @return the result; its knowledge base is null when {@code mayRun} refused the code (its {@code code} says why)
     * @throws BuildStopped when the rubric's code runs past the budget while the knowledge base is built
     */
    public static Result compile(String rubricId, Map<String, String> files, ClassLoader loader, Predicate<String> factModel,
                                 Predicate<CompiledCode> mayRun, java.time.Duration buildLimit) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("dev.rubric.generated", rubricId == null ? "rubric" : rubricId,
                "1.0." + BUILDS.incrementAndGet());
        KieBuilder[] built = new KieBuilder[1];
        List<Problem> problems = build(ks, releaseId, files, loader, built);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            Set<String> unparsed = new HashSet<>();
            problems.stream().filter(p -> CompilerMessages.isSyntaxError(p)).forEach(p -> unparsed.add(p.file()));
            if (!unparsed.isEmpty() && unparsed.size() < files.size()) {
                Map<String, String> parsed = new LinkedHashMap<>(files);
                parsed.keySet().removeAll(unparsed);
                problems.removeIf(p -> !unparsed.contains(p.file()));
                ReleaseId again = ks.newReleaseId("dev.rubric.generated", rubricId == null ? "rubric" : rubricId,
                        "1.0." + BUILDS.incrementAndGet());
                problems.addAll(build(ks, again, parsed, loader, new KieBuilder[1]));
                ks.getRepository().removeKieModule(again);
            }
            return new Result(null, Map.of(), problems, null);
        }
        CompiledCode code;
        try {
            code = verifyAndInstrument((InternalKieModule) built[0].getKieModule(), loader, factModel);
        } catch (RuntimeException e) {
            ks.getRepository().removeKieModule(releaseId);
            return new Result(null, Map.of(), List.of(CompilerMessages.crash(files, e)), null);
        }
        if (!mayRun.test(code)) {
            ks.getRepository().removeKieModule(releaseId);
            return new Result(null, Map.of(), problems, code);
        }
        KieBase kieBase;
        try (Budget.Meter meter = Budget.start(buildLimit.toNanos(), 256L << 20)) {
            kieBase = ks.newKieContainer(releaseId, loader).getKieBase();
        } catch (BudgetExceeded e) {
            ks.getRepository().removeKieModule(releaseId);
            throw new BuildStopped(e, code);
        } catch (LinkageError | RuntimeException e) {
            ks.getRepository().removeKieModule(releaseId);
            return new Result(null, Map.of(), List.of(CompilerMessages.crash(files, e)), null);
        }
        ks.getRepository().removeKieModule(releaseId);
        Map<String, FactType> declared = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType t : pkg.getFactTypes()) {
                if (!existsOutside(t.getName(), loader)) { // metadata on an existing class is no declared type
                    declared.put(t.getSimpleName(), t);
                }
            }
        }
        return new Result(kieBase, Map.copyOf(declared), problems, code);
    }

    /**
     * Checks every class the rubric compiled to against restricted mode's allowlist, then rewrites each to report to
     * the evaluation's {@link Budget}, in place in the module, before any of them is loaded to run.
     */
    private static CompiledCode verifyAndInstrument(InternalKieModule module, ClassLoader loader, Predicate<String> factModel) {
        Map<String, byte[]> classes = new TreeMap<>();
        for (String f : module.getFileNames()) {
            if (f.endsWith(".class")) {
                classes.put(f.substring(0, f.length() - ".class".length()), module.getBytes(f));
            }
        }
        Set<String> exempt = new HashSet<>();
        classes.keySet().stream().filter(n -> n.startsWith(PROJECT_MODEL)).forEach(exempt::add);
        BytecodeVerifier verifier = new BytecodeVerifier(Allowlist.builtIn(), classes.keySet(), factModel, loader, exempt);
        List<BytecodeVerifier.Finding> findings = verifier.verify(classes);
        Map<String, byte[]> rubricClasses = new TreeMap<>(classes);
        rubricClasses.keySet().removeAll(exempt);
        Instrumenter instrumenter = new Instrumenter(rubricClasses, loader);
        Map<String, byte[]> rewritten = instrumenter.instrumentAll();
        MemoryFileSystem mfs = memoryOf(module);
        rewritten.forEach((name, bytes) -> mfs.write(PortablePath.of(name + ".class"), bytes));
        return new CompiledCode(List.copyOf(findings), Origins.of(classes), Map.copyOf(instrumenter.sites()));
    }

    private static final String PROJECT_MODEL = "org/drools/project/model/ProjectModel";

    private static MemoryFileSystem memoryOf(InternalKieModule module) {
        InternalKieModule inner = module instanceof CanonicalKieModule canonical ? canonical.getInternalKieModule() : module;
        if (inner instanceof MemoryKieModule memory) {
            return memory.getMemoryFileSystem();
        }
        throw new IllegalStateException("the compiled rules are not held in memory (" + inner.getClass().getName() + ")");
    }

    /** Builds the files into the KIE repository under {@code releaseId}; the problems, or none when it worked. */
    private static List<Problem> build(KieServices ks, ReleaseId releaseId, Map<String, String> files, ClassLoader loader, KieBuilder[] built) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((path, text) -> kfs.write(RESOURCES + path, text));
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs, loader).buildAll(ExecutableModelProject.class);
            built[0] = builder;
        } catch (LinkageError | RuntimeException e) {
            // the compiler does not always report: a declared field of a class that does not exist escapes it as an error
            return List.of(CompilerMessages.crash(files, e));
        } catch (StackOverflowError e) {
            return List.of(CompilerMessages.tooDeep(files));
        }
        return CompilerMessages.problems(builder.getResults().getMessages(Message.Level.ERROR), files);
    }

    private static boolean existsOutside(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

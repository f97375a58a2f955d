package dev.rubric.engine;

import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Location;
import dev.rubric.api.Manifest;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricLoader;
import dev.rubric.engine.internal.combine.CombinedRubrics;
import dev.rubric.engine.internal.combine.LoadedPart;
import dev.rubric.engine.internal.compile.CompiledRules;
import dev.rubric.engine.internal.compile.ContentCache;
import dev.rubric.engine.internal.compile.FactModel;
import dev.rubric.engine.internal.compile.Placement;
import dev.rubric.engine.internal.compile.Restricted;
import dev.rubric.engine.internal.compile.RubricCompiler;
import dev.rubric.engine.internal.compile.RubricFiles;
import dev.rubric.engine.internal.compile.RuleIndexer;
import dev.rubric.engine.internal.compile.RuleTextLimits;
import dev.rubric.engine.internal.manifest.ManifestReader;
import dev.rubric.engine.internal.scoring.Wording;
import dev.rubric.engine.internal.table.RuleTables;
import dev.rubric.engine.internal.text.Utf8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads rubrics with Drools: reads and validates the manifest, indexes and checks the rule files, compiles
 * them, and reports every problem of the rubric at once.
 *
 * <p>Every rubric is compiled to bytecode (Drools' executable model), checked by restricted mode's verifier and
 * rewritten to report to the evaluation's budget before any of its code is loaded to run; a rubric loaded
 * restricted (the default) whose code the verifier refuses is refused with each place, and none of its code runs.
 *
 * <p>A manifest with {@code parts} makes a combined rubric: each part's folder is loaded as a rubric of its own (with
 * the same options, so restricted mode checks every part) and {@link CombinedRubrics} puts them together.
 *
 * <p>Compiled rules are cached by the class loader they were compiled against and a digest of the rubric's content
 * (manifest and rule files), so loading the same content again in one JVM costs a digest, not a compilation; threads
 * loading the same new content at once compile it once. See {@link ContentCache} for what the cache keeps.
 */
public final class DroolsRubricLoader implements RubricLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsRubricLoader.class);
    private static final int CACHE_SIZE = 64;
    private static final ContentCache<CompiledRules> CACHE = new ContentCache<>(CACHE_SIZE);

    /** The loader {@link java.util.ServiceLoader} finds; {@link dev.rubric.api.Rubrics} is how users reach it. */
    public DroolsRubricLoader() {
    }

    @Override
    public Rubric load(Path folder, LoadOptions options) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidRubricException(folder.toString(), List.of(new Problem(null, 0, 0, null, "[" + folder + "] is "
                    + (Files.exists(folder) ? "not a folder" : "not there") + "; give the folder that holds rubric.yaml")));
        }
        return load(RubricFiles.folder(folder), Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : DroolsRubricLoader.class.getClassLoader(), options, part -> {
                    Path at = folder.resolve(part).normalize();
                    return Files.isRegularFile(at.resolve(ManifestReader.FILE)) ? RubricFiles.folder(at) : null;
                });
    }

    @Override
    public Rubric loadFromClasspath(String name, ClassLoader classLoader, LoadOptions options) {
        RubricFiles files = RubricFiles.classpath(name, classLoader);
        if (files == null) {
            throw new InvalidRubricException(Location.CLASSPATH + name, List.of(new Problem(null, 0, 0, null,
                    "no rubric.yaml found on the classpath under [" + name + "]; check the name (such as rubrics/party-mass-efficiency) and that the jar holding it is a dependency")));
        }
        return load(files, classLoader, options, part -> RubricFiles.classpath(name.replaceAll("/+$", "") + "/" + part, classLoader));
    }

    /**
     * @param parts the files of a combined rubric's part by its folder relative to this rubric's, or null when it has
     *              none there; null when this rubric is itself a part, which may not be combined
     */
    private Rubric load(RubricFiles files, ClassLoader classLoader, LoadOptions options, Function<String, RubricFiles> parts) {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(options, "options");
        String where = files.describe();
        byte[] manifestBytes = files.read(ManifestReader.FILE);
        if (manifestBytes == null) {
            throw new InvalidRubricException(where, List.of(new Problem(null, 0, 0, null,
                    "no " + ManifestReader.FILE + " in [" + where + "]; a rubric folder needs a manifest (see docs/rubric-format.md, section 2)")));
        }
        ManifestReader.Result read = ManifestReader.read(manifestBytes);
        if (read.combined()) {
            if (parts == null) {
                throw new InvalidRubricException(where, List.of(Problem.at(ManifestReader.FILE, 0, 0, "this rubric has parts, and a part of a combined "
                        + "rubric must be a rubric of rule files; name these parts in the combined rubric itself")));
            }
            return CombinedRubrics.load(where, manifestBytes, read, spec -> {
                RubricFiles partFiles = parts.apply(spec.rubric());
                if (partFiles == null) {
                    return null;
                }
                LoadedRubric part = (LoadedRubric) load(partFiles, classLoader, options, null);
                return new LoadedPart(part, part.compiled().declaredTypes(), part.compiled().classLoader());
            }, DroolsRubricLoader::digest, options);
        }
        Manifest manifest = read.manifest();
        List<Problem> problems = new ArrayList<>(read.problems());

        List<String> paths = manifest != null && !manifest.rules().isEmpty() ? manifest.rules() : files.ruleFiles();
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (String path : paths) {
            byte[] content = files.read(path);
            if (content == null) {
                boolean outside = Path.of(path).normalize().startsWith("..") || Path.of(path).isAbsolute();
                problems.add(Problem.at(ManifestReader.FILE, read.ruleLines().getOrDefault(path, 0), 0, outside
                        ? "rule file [" + path + "] listed under rules is outside the rubric folder; a rubric's files live in its folder"
                        : "rule file [" + path + "] listed under rules does not exist in [" + where + "]"));
                continue;
            }
            bytes.put(path, content);
            if (RubricFiles.isTable(path)) {
                tables.put(path, content);
                continue;
            }
            Utf8.Malformed malformed = Utf8.malformed(content);
            if (malformed == null) {
                texts.put(path, new String(content, StandardCharsets.UTF_8));
            } else {
                problems.add(Problem.at(path, malformed.line(), malformed.column(), malformed.message()));
            }
        }
        if (paths.isEmpty()) {
            problems.add(Problem.at(ManifestReader.FILE, 0, 0, "the rubric has no rule files: put .drl files in [" + where + "] or list them under rules"));
        }
        // rule tables become DRL here; from now on their problems and rules are moved back to their cells
        RuleTables.Translation fromTables = RuleTables.translate(tables, texts, manifest, classLoader);
        problems.addAll(fromTables.problems());
        texts.putAll(fromTables.drl());
        String digest = digest(manifestBytes, bytes);
        List<Problem> overLimits = RuleTextLimits.check(texts); // before any parser sees the text: its cost is then bounded
        if (!overLimits.isEmpty()) {
            problems.addAll(overLimits);
            throw new InvalidRubricException(where, sorted(problems));
        }
        if (!options.trusted()) {
            List<Problem> refusedConstructs = fromTables.relocate(RuleIndexer.refusedConstructs(texts));
            if (!refusedConstructs.isEmpty()) { // refused before compiling: the compiler would evaluate some of them
                problems.addAll(refusedConstructs);
                throw new InvalidRubricException(where, sorted(problems));
            }
        }
        if (problems.isEmpty()) {
            CompiledRules rules = CACHE.get(classLoader, digest,
                    () -> compile(where, read, problems, texts, fromTables, classLoader, options, digest));
            refuseUnlessAllowed(where, rules, options);
            return new LoadedRubric(rules, options);
        }
        compile(where, read, problems, texts, fromTables, classLoader, options, digest);
        throw new IllegalStateException("rubric [" + where + "] has problems but compiled; this is a bug in Rubric");
    }

    /** Indexes and compiles checked rule texts: the compiled rules, or every problem of the rubric, thrown. */
    private static CompiledRules compile(String where, ManifestReader.Result read, List<Problem> earlier, Map<String, String> texts,
                                         RuleTables.Translation fromTables, ClassLoader classLoader, LoadOptions options, String digest) {
        Manifest manifest = read.manifest();
        List<Problem> problems = new ArrayList<>(earlier);
        long start = System.nanoTime();
        RuleIndexer.Index index = fromTables.relocate(RuleIndexer.index(texts, manifest));
        problems.addAll(index.problems());
        problems.addAll(read.unreachableGrades(index.gradeGivers())); // known only with the rules (contract §2)
        List<dev.rubric.api.RubricRule> indexed = index.rules();
        RubricCompiler.Result compiled;
        try {
            // code restricted mode refuses is never built: building the knowledge base runs some of it (metadata, constants)
            compiled = texts.isEmpty() ? null : RubricCompiler.compile(manifest == null ? null : manifest.id(), texts, classLoader,
                    FactModel::contains, code -> options.trusted() || Restricted.of(code, indexed, texts).refused(options).isEmpty(),
                    options.timeLimit());
        } catch (RubricCompiler.BuildStopped e) {
            Restricted verdict = Restricted.of(e.code(), indexed, texts);
            dev.rubric.api.RubricRule rule = verdict.sites().get(e.budget().site());
            String who = rule != null ? "rule [" + rule.id() + "]" : verdict.helpers().getOrDefault(e.budget().site(), "the rule files' code");
            String what = who + " " + e.budget().describe() + " while the rubric was being built (rule metadata, salience and "
                    + "conditions without facts run then); fix that code";
            problems.add(rule != null ? Problem.at(rule.file(), rule.line(), 0, what) : Problem.at(null, 0, 0, what));
            throw new InvalidRubricException(where, fromTables.relocate(sorted(problems)));
        }
        if (compiled != null) {
            problems.addAll(fromTables.relocate(Placement.placed(compiled.problems(), texts)));
        }
        if (!problems.isEmpty() || compiled == null) {
            throw new InvalidRubricException(where, sorted(problems));
        }
        if (compiled.kieBase() == null) { // restricted mode refused the code, which was therefore never built
            throw new InvalidRubricException(where, sorted(fromTables.relocate(Placement.placed(Restricted.of(compiled.code(),
                    index.rules(), texts).refused(options), texts))));
        }
        RubricInfo info = new RubricInfo(manifest.id(), manifest.name(), manifest.version(), digest);
        Restricted restricted = Restricted.of(compiled.code(), index.rules(), texts).relocated(fromTables::relocate);
        CompiledRules rules = new CompiledRules(info, manifest, index.rules(), index.byQualifiedName(), compiled.kieBase(),
                compiled.declaredTypes(), classLoader, Wording.of(manifest), restricted);
        LOG.debug("compiled rubric [{}] ({} rules) from [{}] in {} ms", manifest.id(), index.rules().size(), where,
                (System.nanoTime() - start) / 1_000_000);
        return rules;
    }

    /** Refuses a rubric whose compiled code restricted mode does not allow, unless it is loaded trusted. */
    private static void refuseUnlessAllowed(String where, CompiledRules rules, LoadOptions options) {
        if (!options.trusted()) {
            List<Problem> refused = rules.restricted().refused(options);
            if (!refused.isEmpty()) {
                throw new InvalidRubricException(where, sorted(refused));
            }
        }
    }

    /** Problems in reading order: the manifest's first, then each rule file's by line and column. */
    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> p.file() == null ? "" : p.file().equals(ManifestReader.FILE) ? "" : p.file())
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }

    /** {@code sha256:} and the hex digest of the manifest and each rule file with its path. */
    static String digest(byte[] manifest, Map<String, byte[]> ruleFiles) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, ManifestReader.FILE, manifest);
            ruleFiles.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> update(md, e.getKey(), e.getValue()));
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void update(MessageDigest md, String path, byte[] content) {
        md.update(path.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(ByteBuffer.allocate(8).putLong(content.length).array());
        md.update(content);
    }
}

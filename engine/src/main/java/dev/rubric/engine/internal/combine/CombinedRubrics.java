package dev.rubric.engine.internal.combine;

import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Manifest;
import dev.rubric.api.Problem;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.internal.text.Spelling;
import dev.rubric.engine.internal.manifest.Combination;
import dev.rubric.engine.internal.manifest.GradeGivers;
import dev.rubric.engine.internal.manifest.ManifestReader;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Makes a combined rubric from its read manifest: loads each part (restricted or not, as the combined rubric is),
 * places every part's problems in the part's files, derives the weighted categories and checks what depends on them.
 */
public final class CombinedRubrics {

    private CombinedRubrics() {
    }

    /** Loads one part's rubric folder. */
    @FunctionalInterface
    public interface PartLoader {
        /**
         * The part's rubric, or null when its folder holds no {@code rubric.yaml}.
         *
         * @throws InvalidRubricException with the part's problems, placed in its own files
         */
        LoadedPart load(Combination.Part part);
    }

    /**
     * Loads a combined rubric.
     *
     * @param where         how the rubric is named in messages
     * @param manifestBytes the combined manifest, for the digest
     * @param read          the combined manifest as read, {@link ManifestReader.Result#combined()}
     * @param loader        loads a part's folder
     * @param digest        the loader's digest of a manifest and named contents
     * @param options       how the parts are loaded and run
     * @throws InvalidRubricException with every problem of the manifest and of its parts
     */
    public static CombinedRubric load(String where, byte[] manifestBytes, ManifestReader.Result read, PartLoader loader,
                                      BiFunction<byte[], Map<String, byte[]>, String> digest, LoadOptions options) {
        List<Problem> problems = new ArrayList<>(read.problems());
        Manifest declared = read.manifest();
        Combination combination = read.combination();
        List<CombinedRubric.Part> parts = new ArrayList<>();
        List<Manifest.Category> categories = new ArrayList<>();
        Map<String, byte[]> digests = new LinkedHashMap<>();
        Set<String> gradeIds = new LinkedHashSet<>();
        declared.grades().forEach(g -> gradeIds.add(g.id()));
        List<VetoEffect> vetoes = new ArrayList<>();
        Set<String> limits = new LinkedHashSet<>();
        for (Combination.Part spec : combination.parts()) {
            LoadedPart loaded;
            try {
                loaded = loader.load(spec);
            } catch (InvalidRubricException e) {
                for (Problem p : e.problems()) {
                    problems.add(new Problem(p.file() == null ? spec.rubric() : spec.rubric() + "/" + p.file(), p.line(), p.column(), p.pointer(),
                            "in part [" + spec.id() + "] (" + ManifestReader.FILE + ":" + spec.rubricLine() + "): " + p.message()));
                }
                continue;
            }
            if (loaded == null) {
                problems.add(Problem.at(ManifestReader.FILE, spec.rubricLine(), 0, "part [" + spec.id() + "] names rubric folder ["
                        + spec.rubric() + "], which holds no " + ManifestReader.FILE + " in [" + where + "]; give the folder of the part's rubric, relative to this manifest"));
                continue;
            }
            Manifest own = loaded.rubric().manifest();
            List<String> foreign = own.grades().stream().map(Manifest.GradeBand::id).filter(g -> !gradeIds.contains(g)).toList();
            if (!foreign.isEmpty()) {
                problems.add(Problem.at(ManifestReader.FILE, spec.line(), 0, "part [" + spec.id() + "] has grades " + foreign
                        + " that this rubric's grades " + gradeIds + " do not have: a veto or grade limit of the part that gives one would"
                        + " mean nothing here; give this rubric the part's grades, or give the part this rubric's grades or none"));
            }
            int n = spec.period().countIn(combination.over());
            BigDecimal weightOfAll = spec.aggregate() == Combination.Aggregate.SUM ? spec.weight().multiply(BigDecimal.valueOf(n)) : spec.weight();
            for (Manifest.Category c : own.categories()) {
                categories.add(new Manifest.Category(spec.id() + "/" + c.id(), spec.name() + "·" + c.name(),
                        scaled(c.max(), weightOfAll), scaled(c.min(), weightOfAll), c.mode()));
            }
            Map<String, RubricRule> rules = new LinkedHashMap<>();
            for (RubricRule r : loaded.rubric().rules()) {
                rules.put(r.id(), new RubricRule(spec.id() + "/" + r.id(), r.name(), r.category() == null ? null : spec.id() + "/" + r.category(),
                        r.max(), r.effect(), r.grading(), spec.rubric() + "/" + r.file(), r.line(), r.idWritten()));
                if (r.effect() != null) {
                    vetoes.add(r.effect());
                }
            }
            vetoes.add(own.vetoEffect());
            own.grades().forEach(g -> limits.add(g.id()));
            parts.add(new CombinedRubric.Part(spec, loaded, rules));
            digests.put("parts/" + spec.id(), loaded.rubric().info().digest().getBytes(StandardCharsets.UTF_8));
        }
        List<String> categoryIds = categories.stream().map(Manifest.Category::id).toList();
        boolean allLoaded = parts.size() == combination.parts().size();
        if (allLoaded) {
            combination.tieBreakPlaces().forEach((id, line) -> {
                if (!categoryIds.contains(id)) {
                    problems.add(Problem.at(ManifestReader.FILE, line, 0, "ranking.tieBreak names category [" + id
                            + "], which is not one of the categories of the parts " + categoryIds + Spelling.didYouMean(id, categoryIds)
                            + "; a combined rubric's categories are named part/category"));
                }
            });
            BigDecimal lo = categories.stream().map(Manifest.Category::min).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal hi = categories.stream().map(Manifest.Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            // the parts' vetoes keep their effects; a part may limit to any of its grades
            problems.addAll(read.unreachableGrades(new GradeGivers(vetoes, limits, false), declared.grades(), lo, hi));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRubricException(where, sorted(problems));
        }
        Manifest manifest = new Manifest(declared.id(), declared.name(), declared.version(), List.of(), categories, new VetoEffect.Fail(),
                declared.better(), declared.grades(), declared.language(), declared.ranking(), true);
        RubricInfo info = new RubricInfo(manifest.id(), manifest.name(), manifest.version(), digest.apply(manifestBytes, digests));
        return new CombinedRubric(info, manifest, combination, parts, options);
    }

    private static BigDecimal scaled(BigDecimal n, BigDecimal factor) {
        BigDecimal p = n.multiply(factor);
        return p.signum() == 0 ? BigDecimal.ZERO : p.stripTrailingZeros();
    }

    /** The combined manifest's problems first, by line; then each part's, by file and line. */
    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing((Problem p) -> p.file() == null || p.file().equals(ManifestReader.FILE) ? "" : p.file())
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }
}

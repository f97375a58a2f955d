package dev.rubric.engine.internal.manifest;

import dev.rubric.api.Manifest;
import dev.rubric.api.Manifest.Better;
import dev.rubric.api.Manifest.Category;
import dev.rubric.api.Manifest.GradeBand;
import dev.rubric.api.Manifest.Mode;
import dev.rubric.api.Numbers;
import dev.rubric.api.Problem;
import dev.rubric.api.VetoEffect;

import dev.rubric.engine.internal.text.Spelling;
import dev.rubric.engine.internal.text.Utf8;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.rubric.api.Numbers.plain;

/**
 * Reads and validates {@code rubric.yaml} (contract §2), reporting every problem with its line.
 *
 * <p>Validation goes on after the first problem so an author sees them all at once; a manifest is
 * returned only when there is none.
 *
 * <p>A manifest with {@code parts} is a combined rubric's (docs/rubric-format.md, section 10): its parts are read into a
 * {@link Combination}, and what only its loaded parts can tell (categories, tie-breaks, reachable grades) is checked
 * by the loader.
 */
public final class ManifestReader {

    /** The manifest's file name inside a rubric folder. */
    public static final String FILE = "rubric.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> TOP = Set.of("id", "name", "version", "rules", "categories", "veto", "better", "language",
            "ranking", "period", "grades", "parts");
    private static final Set<String> PART = Set.of("id", "name", "rubric", "period", "aggregate", "weight");
    private static final Set<String> RANKING = Set.of("vetoed", "tieBreak");
    private static final Set<String> CATEGORY = Set.of("id", "name", "max", "min", "mode");
    private static final Set<String> VETO = Set.of("effect");
    private static final Set<String> GRADE = Set.of("id", "min", "max", "quota");

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> ruleLines = new HashMap<>();
    /** The place of each valid grade band, by position, for problems found once the rules are known. */
    private final List<int[]> bandPlaces = new ArrayList<>();
    /** The lowest and highest total, or null when a category's bounds could not be read. */
    private BigDecimal[] range;
    /** Whether every category's bounds could be read, so the range of totals (and which bands can match) is known. */
    private boolean rangeKnown = true;

    private ManifestReader() {
    }

    /**
     * The outcome of reading a manifest: every problem found; the manifest, which is complete when there
     * is no problem and otherwise holds the parts that were valid (null when the file is not even a YAML
     * mapping); and the line of each file listed under {@code rules}.
     *
     * <p>Whether every grade band can be given depends on the rules too (a veto or a {@code limitGrade} call
     * gives grades no total reaches), so those problems come from {@link #unreachableGrades} once the rules are
     * indexed, not with {@link #problems}.
     */
    public record Result(Manifest manifest, List<Problem> problems, Map<String, Integer> ruleLines,
                         List<int[]> bandPlaces, BigDecimal[] range, Combination combination) {

        /** Whether the manifest names parts ({@code parts}) rather than rule files: a combined rubric. */
        public boolean combined() {
            return combination != null;
        }

        /** Whether the manifest can be used: no problem was found. */
        public boolean valid() {
            return problems.isEmpty();
        }

        /**
         * The grade bands nothing can give (contract §2): no total within the categories' bounds, no quota of a
         * better band, no veto effect and no {@code limitGrade} call. Empty when the bands or bounds could not be read.
         *
         * @param givers the grades the rubric's rules can give; never null
         */
        public List<Problem> unreachableGrades(GradeGivers givers) {
            if (manifest == null || range == null) {
                return List.of();
            }
            return unreachableGrades(givers, manifest.grades(), range[0], range[1]);
        }

        /**
         * The grade bands nothing can give, for totals between {@code lo} and {@code hi}: a combined rubric knows its
         * range only once its parts are loaded.
         *
         * @param bands the manifest's bands, as read
         */
        public List<Problem> unreachableGrades(GradeGivers givers, List<GradeBand> bands, BigDecimal lo, BigDecimal hi) {
            if (manifest == null || bandPlaces.size() != bands.size()) {
                return List.of();
            }
            List<Problem> found = new ArrayList<>();
            List<String> why = GradeCoverage.unreachable(bands, lo, hi, manifest.better(), givers);
            for (int i = 0; i < bands.size(); i++) {
                if (why.get(i) != null) {
                    found.add(Problem.at(FILE, bandPlaces.get(i)[0], bandPlaces.get(i)[1],
                            "grade [" + bands.get(i).id() + "] can never be given: " + why.get(i)));
                }
            }
            return found;
        }
    }

    /** Reads a manifest from its bytes. */
    public static Result read(byte[] yaml) {
        return new ManifestReader().readAll(yaml);
    }

    private Result result(Manifest manifest) {
        return result(manifest, null);
    }

    private Result result(Manifest manifest, Combination combination) {
        return new Result(manifest, problems, ruleLines, List.copyOf(bandPlaces), range, combination);
    }

    private Result readAll(byte[] yaml) {
        Utf8.Malformed malformed = Utf8.malformed(yaml);
        if (malformed != null) {
            problem(malformed.line(), malformed.column(), malformed.message());
            return result(null);
        }
        List<YamlNode.Duplicate> duplicates = new ArrayList<>();
        YamlNode root;
        try {
            root = YamlNode.read(new ByteArrayInputStream(yaml), duplicates);
        } catch (YamlNode.SyntaxError e) {
            problem(e.line, e.column, e.getMessage());
            return result(null);
        }
        for (YamlNode.Duplicate d : duplicates) {
            problem(d.line(), d.column(), "key [" + d.key() + "] is given twice (first on line " + d.firstLine() + "); keep one");
        }
        if (!(root instanceof YamlNode.Mapping)) {
            problem(root.line(), root.column(), "the manifest must be a mapping of keys (id, categories, grades, ...), found " + root.kind());
            return result(null);
        }
        YamlNode.Mapping top = (YamlNode.Mapping) root;
        unknownKeys(top, TOP, "the manifest");

        String id = text(top, "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            problem(top.entries().get("id").value(), "id [" + id + "] must use only lowercase letters, digits and '-' ([a-z0-9-]+)");
        }
        String name = text(top, "name", false);
        String version = text(top, "version", false);
        if (top.entries().containsKey("parts")) {
            return combined(top, id, name, version);
        }
        List<String> rules = rules(top);
        List<Category> categories = categories(top);
        List<GradeBand> grades = grades(top, categories, rangeKnown && !categories.isEmpty());
        VetoEffect effect = veto(top, grades);
        Better better = better(top);
        Manifest.Language language = language(top, name, categories);
        Manifest.Ranking ranking = ranking(top, categories, null);
        boolean periodRequired = period(top);

        // with problems, the manifest holds what was valid, so rule files can still be checked against it
        Manifest manifest = new Manifest(id == null ? "unnamed" : id, name, version, rules, categories, effect, better, grades,
                language, ranking, periodRequired);
        return result(manifest);
    }

    /**
     * The manifest of a combined rubric: parts instead of rule files and categories (its categories are its parts'
     * categories, weighted, known once the parts are loaded), no veto effect of its own (each veto keeps its part's),
     * and the kind of period it covers. Its manifest here has no categories yet.
     */
    private Result combined(YamlNode.Mapping top, String id, String name, String version) {
        for (String own : List.of("rules", "categories", "veto")) {
            YamlNode.Entry e = top.entries().get(own);
            if (e != null) {
                problem(e.line(), e.column(), "a combined rubric (one with parts) has no [" + own + "] of its own: "
                        + switch (own) {
                            case "rules" -> "its rules are its parts' rules; put rule files in a part's folder";
                            case "categories" -> "its categories are its parts' categories, weighted; remove the key";
                            default -> "each veto keeps the effect its part gives it; set veto.effect in the part's manifest";
                        });
            }
        }
        List<GradeBand> grades = grades(top, List.of(), true); // the range of totals is known once the parts are loaded
        Better better = better(top);
        Manifest.Language language = language(top, name, List.of());
        Map<String, Integer> tieBreakPlaces = new java.util.LinkedHashMap<>();
        Manifest.Ranking ranking = ranking(top, null, tieBreakPlaces);
        Combination.PeriodKind over = Combination.PeriodKind.YEAR;
        int overLine = 0;
        YamlNode.Entry pe = top.entries().get("period");
        if (pe != null) {
            String text = text(top, "period", false);
            Combination.PeriodKind kind = text == null ? null : Combination.PeriodKind.of(text);
            List<String> kinds = List.of("year", "half", "quarter");
            if (kind == null && text != null) {
                problem(pe.value(), "period of a combined rubric must be year, half or quarter (the kind of period its result covers; "
                        + "it is always evaluated for one), found [" + text + "]" + Spelling.didYouMean(text, kinds));
            }
            if (kind != null) {
                over = kind;
                overLine = pe.line();
            }
        }
        List<Combination.Part> parts = parts(top, over, overLine);
        Manifest manifest = new Manifest(id == null ? "unnamed" : id, name, version, List.of(), List.of(), new VetoEffect.Fail(), better,
                grades, language, ranking, true);
        return result(manifest, new Combination(over, overLine, parts, tieBreakPlaces));
    }

    private List<Combination.Part> parts(YamlNode.Mapping top, Combination.PeriodKind over, int overLine) {
        List<Combination.Part> parts = new ArrayList<>();
        YamlNode.Entry e = top.entries().get("parts");
        if (!(e.value() instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
            problem(e.value(), "parts must be a list of at least one part, such as [{ id: quarterly, name: 平时考核, rubric: quarterly, "
                    + "period: quarter, aggregate: mean, weight: 0.3 }]; found " + (e.value() instanceof YamlNode.Sequence ? "an empty list" : e.value().kind()));
            return parts;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (YamlNode node : seq.items()) {
            if (!(node instanceof YamlNode.Mapping m)) {
                problem(node, "each part must be a mapping with id, rubric, period, weight (and optionally name, aggregate); found " + node.kind());
                continue;
            }
            unknownKeys(m, PART, "a part");
            String pid = text(m, "id", true);
            if (pid != null && !ID.matcher(pid).matches()) {
                problem(m.entries().get("id").value(), "part id [" + pid + "] must use only lowercase letters, digits and '-' ([a-z0-9-]+)");
                pid = null;
            }
            if (pid != null) {
                Integer first = seen.putIfAbsent(pid, m.line());
                if (first != null) {
                    problem(m.entries().get("id").value(), "part id [" + pid + "] is used twice (first on line " + first + "); part ids must be unique");
                    pid = null;
                }
            }
            String label = pid == null ? "?" : pid;
            String pname = text(m, "name", false);
            String folder = text(m, "rubric", true);
            if (folder != null) {
                java.nio.file.Path path = java.nio.file.Path.of(folder).normalize();
                if (path.isAbsolute() || path.startsWith("..") || path.toString().isEmpty()) {
                    problem(m.entries().get("rubric").value(), "rubric [" + folder + "] of part [" + label + "] is "
                            + (path.toString().isEmpty() ? "the combined rubric's own folder" : "outside the combined rubric's folder")
                            + "; give the part's folder inside it, such as rubric: quarterly");
                    folder = null;
                } else {
                    folder = path.toString().replace('\\', '/');
                }
            }
            Combination.PeriodKind kind = null;
            String ptext = text(m, "period", true);
            if (ptext != null) {
                kind = Combination.PeriodKind.of(ptext);
                if (kind == null) {
                    problem(m.entries().get("period").value(), "period of part [" + label + "] must be quarter, half or year, found ["
                            + ptext + "]" + Spelling.didYouMean(ptext, List.of("quarter", "half", "year")));
                } else if (!kind.fitsIn(over)) {
                    problem(m.entries().get("period").value(), "part [" + label + "] is scored over " + kind.noun()
                            + ", which does not fit in " + over.noun() + ", the period the combined rubric covers (period: " + over.key()
                            + (overLine > 0 ? " on line " + overLine : "") + "); score the part over a shorter period, or let the rubric cover a longer one");
                    kind = null;
                }
            }
            Combination.Aggregate aggregate = Combination.Aggregate.MEAN;
            String atext = text(m, "aggregate", false);
            if (atext != null) {
                aggregate = Combination.Aggregate.of(atext);
                if (aggregate == null) {
                    problem(m.entries().get("aggregate").value(), "aggregate of part [" + label + "] must be mean, sum or last, found ["
                            + atext + "]" + Spelling.didYouMean(atext, List.of("mean", "sum", "last")));
                }
            }
            BigDecimal weight = number(m, "weight");
            if (!m.entries().containsKey("weight")) {
                problem(m, "part [" + label + "] has no weight; give what its score is multiplied by, such as weight: 0.3");
            } else if (weight != null && weight.signum() <= 0) {
                problem(m.entries().get("weight").value(), "weight of part [" + label + "] is " + plain(weight)
                        + "; a weight must be positive, such as 0.3 (a part that should not count is left out)");
                weight = null;
            }
            if (pid != null && folder != null && kind != null && aggregate != null && weight != null) {
                int rubricLine = m.entries().get("rubric").line();
                int periodLine = m.entries().get("period").line();
                parts.add(new Combination.Part(pid, pname == null ? pid : pname, folder, kind, aggregate, weight, m.line(), rubricLine, periodLine));
            }
        }
        return parts;
    }

    private List<String> rules(YamlNode.Mapping top) {
        YamlNode.Entry e = top.entries().get("rules");
        List<String> rules = new ArrayList<>();
        if (e == null) {
            return rules;
        }
        if (!(e.value() instanceof YamlNode.Sequence seq)) {
            problem(e.value(), "rules must be a list of rule files, such as [targets.drl, veto.drl]; found " + e.value().kind());
            return rules;
        }
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlNode.Scalar s && s.value() instanceof String file && !file.isBlank()) {
                if (!file.endsWith(".drl")) {
                    problem(item, "rule file [" + file + "] must be a .drl file");
                }
                rules.add(file);
                ruleLines.put(file, item.line());
            } else {
                problem(item, "each entry of rules must be a file name, found " + item.kind());
            }
        }
        return rules;
    }

    private List<Category> categories(YamlNode.Mapping top) {
        List<Category> result = new ArrayList<>();
        YamlNode.Entry e = top.entries().get("categories");
        if (e == null) {
            problem(top, "the manifest has no categories; add at least one, such as: categories: [{ id: targets, name: 目标任务, max: 30 }]");
            return result;
        }
        if (!(e.value() instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
            problem(e.value(), "categories must be a list of at least one category, found "
                    + (e.value() instanceof YamlNode.Sequence ? "an empty list" : e.value().kind()));
            rangeKnown = false;
            return result;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (YamlNode node : seq.items()) {
            if (!(node instanceof YamlNode.Mapping m)) {
                problem(node, "each category must be a mapping with id, name, max (and optionally min, mode); found " + node.kind());
                rangeKnown = false;
                continue;
            }
            unknownKeys(m, CATEGORY, "a category");
            String cid = text(m, "id", true);
            String cname = text(m, "name", false);
            BigDecimal max = number(m, "max");
            BigDecimal min = number(m, "min");
            if (cid != null) {
                Integer first = seen.putIfAbsent(cid, m.line());
                if (first != null) {
                    problem(m.entries().get("id").value(), "category id [" + cid + "] is used twice (first on line " + first + "); category ids must be unique");
                }
            }
            if (!m.entries().containsKey("max")) {
                problem(m, "category [" + (cid == null ? "?" : cid) + "] has no max; give its full marks, such as max: 30");
            }
            Mode mode = Mode.DEDUCT;
            YamlNode.Entry me = m.entries().get("mode");
            if (me != null) {
                Object v = me.value() instanceof YamlNode.Scalar s ? s.value() : null;
                if ("deduct".equals(v)) {
                    mode = Mode.DEDUCT;
                } else if ("earn".equals(v)) {
                    mode = Mode.EARN;
                } else {
                    problem(me.value(), "mode must be deduct or earn, found " + me.value().kind());
                }
            }
            BigDecimal floor = min == null ? BigDecimal.ZERO : min;
            if (cid == null || max == null || (min == null && m.entries().containsKey("min")) || floor.compareTo(max) > 0) {
                rangeKnown = false; // a problem of its own; other category problems (a misspelt key) leave the range known
            }
            if (max != null && floor.compareTo(max) > 0) {
                problem(m.entries().containsKey("min") ? m.entries().get("min").value() : m,
                        "category [" + cid + "] has min " + plain(floor) + " above its max " + plain(max));
            }
            if (cid != null) {
                // an invalid category is kept (with placeholder bounds) so rules naming it are not reported as unknown
                BigDecimal ceiling = max == null ? floor : max.max(floor);
                result.add(new Category(cid, cname == null ? cid : cname, ceiling, floor, mode));
            }
        }
        return result;
    }

    private List<GradeBand> grades(YamlNode.Mapping top, List<Category> categories, boolean rangeKnown) {
        List<GradeBand> result = new ArrayList<>();
        List<YamlNode> nodes = new ArrayList<>();
        YamlNode.Entry e = top.entries().get("grades");
        if (e == null) {
            return result;
        }
        if (!(e.value() instanceof YamlNode.Sequence seq)) {
            problem(e.value(), "grades must be a list of bands, best first, such as [{ id: 优秀, min: 90 }, { id: 合格 }]; found " + e.value().kind());
            return result;
        }
        boolean boundsKnown = true;
        Map<String, Integer> seen = new HashMap<>();
        for (YamlNode node : seq.items()) {
            if (!(node instanceof YamlNode.Mapping m)) {
                problem(node, "each grade must be a mapping with id and optionally min, max, quota; found " + node.kind());
                continue;
            }
            unknownKeys(m, GRADE, "a grade");
            String gid = text(m, "id", true);
            BigDecimal min = number(m, "min");
            BigDecimal max = number(m, "max");
            BigDecimal quota = number(m, "quota");
            if ((min == null && m.entries().containsKey("min")) || (max == null && m.entries().containsKey("max"))) {
                boundsKnown = false;
            }
            if (gid == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(gid, m.line());
            if (first != null) {
                problem(m.entries().get("id").value(), "grade [" + gid + "] is listed twice (first on line " + first + "); grade ids must be unique");
                continue;
            }
            if (quota != null && (quota.signum() < 0 || quota.compareTo(BigDecimal.ONE) > 0)) {
                problem(m.entries().get("quota").value(), "quota of grade [" + gid + "] is " + plain(quota)
                        + "; a quota is a share of the cohort between 0 and 1, such as 0.2 for 20%");
                quota = null; // reported; it drops no one into the next band
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                problem(m, "grade [" + gid + "] has min " + plain(min) + " above its max " + plain(max) + ", so it can never match");
                continue;
            }
            result.add(new GradeBand(gid, min, max, quota));
            nodes.add(m);
        }
        if (!result.isEmpty() && result.get(result.size() - 1).quota() != null) {
            GradeBand last = result.get(result.size() - 1);
            problem(nodes.get(nodes.size() - 1), "the lowest grade [" + last.id() + "] has a quota, but there is no grade below it to drop to; remove the quota");
        }
        // only unreadable bounds make the reachability check meaningless: other problems (a quota above 1, an
        // unknown key) must not hide an unreachable band, since every problem is reported at once
        if (boundsKnown && rangeKnown) {
            BigDecimal lo = categories.stream().map(Category::min).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal hi = categories.stream().map(Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            range = new BigDecimal[] {lo, hi};
            for (YamlNode node : nodes) {
                bandPlaces.add(new int[] {node.line(), node.column()});
            }
        }
        return result;
    }

    private VetoEffect veto(YamlNode.Mapping top, List<GradeBand> grades) {
        YamlNode.Entry e = top.entries().get("veto");
        if (e == null) {
            return new VetoEffect.Fail();
        }
        if (!(e.value() instanceof YamlNode.Mapping m)) {
            problem(e.value(), "veto must be a mapping such as { effect: fail }, found " + e.value().kind());
            return new VetoEffect.Fail();
        }
        unknownKeys(m, VETO, "veto");
        String text = text(m, "effect", false);
        if (text == null) {
            return new VetoEffect.Fail();
        }
        YamlNode at = m.entries().get("effect").value();
        try {
            VetoEffect effect = VetoEffect.parse(text);
            if (effect instanceof VetoEffect.Cap cap && grades.stream().noneMatch(g -> g.id().equals(cap.grade()))) {
                problem(at, "veto effect [" + text + "] names grade [" + cap.grade() + "], which is not one of the grades "
                        + gradeIds(grades) + Spelling.didYouMean(cap.grade(), gradeIds(grades)));
            }
            return effect;
        } catch (IllegalArgumentException ex) {
            problem(at, ex.getMessage());
            return new VetoEffect.Fail();
        }
    }

    private Better better(YamlNode.Mapping top) {
        String text = text(top, "better", false);
        if (text == null || text.equals("higher")) {
            return Better.HIGHER;
        }
        if (text.equals("lower")) {
            return Better.LOWER;
        }
        problem(top.entries().get("better").value(), "better must be higher or lower, found [" + text + "]");
        return Better.HIGHER;
    }

    private Manifest.Language language(YamlNode.Mapping top, String name, List<Category> categories) {
        String text = text(top, "language", false);
        if (text == null) {
            return Manifest.Language.of(name, categories);
        }
        switch (text) {
            case "zh": return Manifest.Language.ZH;
            case "en": return Manifest.Language.EN;
            default:
                problem(top.entries().get("language").value(), "language must be zh (Chinese) or en (English), found [" + text + "]");
                return Manifest.Language.of(name, categories);
        }
    }

    /**
     * @param categories the categories tie-breaks may name, or null for a combined rubric, whose categories are known
     *                   only once its parts are loaded: its tie-breaks are then recorded in {@code places} with their lines
     */
    private Manifest.Ranking ranking(YamlNode.Mapping top, List<Category> categories, Map<String, Integer> places) {
        YamlNode.Entry e = top.entries().get("ranking");
        if (e == null) {
            return Manifest.Ranking.DEFAULT;
        }
        if (!(e.value() instanceof YamlNode.Mapping m)) {
            problem(e.value(), "ranking must be a mapping such as { vetoed: last, tieBreak: [targets] }, found " + e.value().kind());
            return Manifest.Ranking.DEFAULT;
        }
        unknownKeys(m, RANKING, "ranking");
        Manifest.VetoedRank vetoed = Manifest.VetoedRank.BY_TOTAL;
        String v = text(m, "vetoed", false);
        if ("last".equals(v)) {
            vetoed = Manifest.VetoedRank.LAST;
        } else if (v != null && !"by-total".equals(v)) {
            problem(m.entries().get("vetoed").value(), "ranking.vetoed must be by-total or last, found [" + v + "]"
                    + Spelling.didYouMean(v, List.of("by-total", "last")));
        }
        List<String> tieBreak = new ArrayList<>();
        YamlNode.Entry t = m.entries().get("tieBreak");
        if (t != null) {
            List<String> ids = categories == null ? null : categories.stream().map(Category::id).toList();
            if (!(t.value() instanceof YamlNode.Sequence seq)) {
                problem(t.value(), "ranking.tieBreak must be a list of category ids, such as [targets]; found " + t.value().kind());
            } else {
                for (YamlNode item : seq.items()) {
                    if (!(item instanceof YamlNode.Scalar s && s.value() instanceof String cid)) {
                        problem(item, "each entry of ranking.tieBreak must be a category id, found " + item.kind());
                    } else if (ids == null) {
                        if (places.putIfAbsent(cid, item.line()) == null) {
                            tieBreak.add(cid);
                        } else {
                            problem(item, "ranking.tieBreak names category [" + cid + "] twice; name each category once");
                        }
                    } else if (!ids.contains(cid)) {
                        problem(item, "ranking.tieBreak names category [" + cid + "], which is not one of the categories " + ids
                                + Spelling.didYouMean(cid, ids));
                    } else if (tieBreak.contains(cid)) {
                        problem(item, "ranking.tieBreak names category [" + cid + "] twice; name each category once");
                    } else {
                        tieBreak.add(cid);
                    }
                }
            }
        }
        return new Manifest.Ranking(vetoed, tieBreak);
    }

    private boolean period(YamlNode.Mapping top) {
        String text = text(top, "period", false);
        if (text == null) {
            return false;
        }
        if (!text.equals("required")) {
            problem(top.entries().get("period").value(), "period must be [required] when given (the rubric is then only evaluated for a named period), found ["
                    + text + "]; leave the key out to allow evaluating without a period");
            return false;
        }
        return true;
    }

    private static List<String> gradeIds(List<GradeBand> grades) {
        return grades.stream().map(GradeBand::id).toList();
    }

    private void unknownKeys(YamlNode.Mapping m, Set<String> known, String where) {
        for (YamlNode.Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                problem(e.line(), e.column(), "unknown key [" + e.key() + "] in " + where
                        + Spelling.didYouMean(e.key(), known) + "; allowed keys are " + new LinkedHashSet<>(ordered(known)));
            }
        }
    }

    private static List<String> ordered(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private String text(YamlNode.Mapping m, String key, boolean required) {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null) {
            if (required) {
                problem(m, "[" + key + "] is required here");
            }
            return null;
        }
        if (e.value() instanceof YamlNode.Scalar s && s.value() instanceof String str) {
            if (required && str.isBlank()) {
                problem(e.value(), "[" + key + "] must not be empty");
                return null;
            }
            return str;
        }
        if (e.value() instanceof YamlNode.Scalar s && s.value() instanceof BigDecimal n) {
            problem(e.value(), "[" + key + "] must be text, found " + e.value().kind() + "; quote it: " + key + ": \"" + Numbers.plain(n) + "\"");
            return null;
        }
        problem(e.value(), "[" + key + "] must be text, found " + e.value().kind());
        return null;
    }

    private BigDecimal number(YamlNode.Mapping m, String key) {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null) {
            return null;
        }
        if (e.value() instanceof YamlNode.Scalar s && s.value() instanceof BigDecimal n) {
            if (!YamlNode.inRange(n)) {
                problem(e.value(), "[" + key + "] is " + n + ", out of range: a number here may have at most " + YamlNode.MAX_DIGITS
                        + " digits before and " + YamlNode.MAX_DIGITS + " after the decimal point");
                return null;
            }
            return n;
        }
        problem(e.value(), "[" + key + "] must be a number, found " + e.value().kind());
        return null;
    }


    private void problem(YamlNode at, String message) {
        problem(at.line(), at.column(), message);
    }

    private void problem(int line, int column, String message) {
        problems.add(Problem.at(FILE, line, column, message));
    }
}

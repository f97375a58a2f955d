package dev.rubric.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rubric's manifest ({@code rubric.yaml}), validated: its categories, grades and veto default.
 *
 * @param id         the rubric's id, {@code [a-z0-9-]+}; never null
 * @param name       free text, or null
 * @param version    free text, or null
 * @param rules      rule files listed by the manifest, relative to it; empty when every {@code .drl} below the folder is used
 * @param categories the categories in display order, at least one; never null
 * @param vetoEffect the default effect of a veto; never null
 * @param better     which totals rank first; never null
 * @param grades     the grade bands, best first; never null, may be empty
 * @param language   the language of the sentences the engine writes (caps, clamps, quota drops); never null
 * @param ranking    how a cohort is ranked beyond the totals: vetoed subjects and tie-breaks; never null
 * @param periodRequired whether the rubric may only be evaluated for a named period ({@code period: required})
 */
public record Manifest(String id, String name, String version, List<String> rules, List<Category> categories,
                       VetoEffect vetoEffect, Better better, List<GradeBand> grades, Language language, Ranking ranking,
                       boolean periodRequired) {

    public Manifest {
        Objects.requireNonNull(id, "id");
        rules = List.copyOf(rules);
        categories = List.copyOf(categories);
        Objects.requireNonNull(vetoEffect, "vetoEffect");
        Objects.requireNonNull(better, "better");
        grades = List.copyOf(grades);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(ranking, "ranking");
    }

    /**
     * A manifest with the defaults of the keys it does not give: the language taken from its text, vetoed subjects
     * ranked by total with no tie-break, and no period required.
     */
    public Manifest(String id, String name, String version, List<String> rules, List<Category> categories,
                    VetoEffect vetoEffect, Better better, List<GradeBand> grades) {
        this(id, name, version, rules, categories, vetoEffect, better, grades, Language.of(name, categories), Ranking.DEFAULT, false);
    }

    /** The category with the given id. */
    public Optional<Category> category(String categoryId) {
        return categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }

    /** The grade band with the given id. */
    public Optional<GradeBand> grade(String gradeId) {
        return grades.stream().filter(g -> g.id().equals(gradeId)).findFirst();
    }

    /** The position of a grade, 0 being the best; -1 when the manifest has no such grade. */
    public int gradeIndex(String gradeId) {
        for (int i = 0; i < grades.size(); i++) {
            if (grades.get(i).id().equals(gradeId)) {
                return i;
            }
        }
        return -1;
    }

    /** The sum of every category's starting value: the score of a subject with no items. */
    public BigDecimal base() {
        return categories.stream().map(Category::start).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Which totals rank first in a cohort. */
    public enum Better {
        /** Higher totals rank first (the default). */
        HIGHER,
        /** Lower totals rank first, as in penalty-point schemes. */
        LOWER
    }

    /** The language of the sentences the engine writes into explanations. */
    public enum Language {
        /** Chinese. */
        ZH,
        /** English. */
        EN;

        /** The default when a manifest gives none: Chinese when the name or a category name has Han characters. */
        public static Language of(String name, List<Category> categories) {
            if (hasHan(name) || categories.stream().anyMatch(c -> hasHan(c.name()))) {
                return ZH;
            }
            return EN;
        }

        private static boolean hasHan(String s) {
            return s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        }
    }

    /** Where vetoed subjects rank in a cohort. */
    public enum VetoedRank {
        /** By their total, as every other subject (the default). */
        BY_TOTAL,
        /** After every subject without a veto, by total among themselves. */
        LAST
    }

    /**
     * How a cohort is ranked beyond the totals ({@code ranking} in the manifest).
     *
     * @param vetoed   where vetoed subjects rank; never null
     * @param tieBreak category ids compared in order, better score first, when totals tie; never null, may be empty
     */
    public record Ranking(VetoedRank vetoed, List<String> tieBreak) {

        /** Vetoed subjects by total, no tie-break. */
        public static final Ranking DEFAULT = new Ranking(VetoedRank.BY_TOTAL, List.of());

        public Ranking {
            Objects.requireNonNull(vetoed, "vetoed");
            tieBreak = List.copyOf(tieBreak);
        }
    }

    /** How a category's score starts. */
    public enum Mode {
        /** Starts at {@code max} and goes down, stopping at {@code min} (扣完为止). */
        DEDUCT,
        /** Starts at {@code min} and goes up, capped at {@code max}, as a bonus category. */
        EARN
    }

    /**
     * One category of a rubric (考核类别).
     *
     * @param id   unique in the rubric; never null
     * @param name display name; never null (the id when the manifest gives none)
     * @param max  ceiling; never null
     * @param min  floor; never null
     * @param mode how the score starts; never null
     */
    public record Category(String id, String name, BigDecimal max, BigDecimal min, Mode mode) {
        public Category {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(mode, "mode");
        }

        /** The score this category starts at: {@code max} in deduct mode, {@code min} in earn mode. */
        public BigDecimal start() {
            return mode == Mode.DEDUCT ? max : min;
        }
    }

    /**
     * One grade band (等次). Bounds are inclusive; a band with no bounds matches every total.
     *
     * @param id    the grade's name; never null
     * @param min   inclusive lower bound, or null for none
     * @param max   inclusive upper bound, or null for none
     * @param quota the largest share of a cohort that may hold this grade, in [0, 1], or null for no quota
     */
    public record GradeBand(String id, BigDecimal min, BigDecimal max, BigDecimal quota) {
        public GradeBand {
            Objects.requireNonNull(id, "id");
        }

        /** Whether a total lies within this band's bounds. */
        public boolean matches(BigDecimal total) {
            return (min == null || total.compareTo(min) >= 0) && (max == null || total.compareTo(max) <= 0);
        }
    }
}

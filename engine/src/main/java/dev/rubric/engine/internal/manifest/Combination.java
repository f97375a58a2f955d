package dev.rubric.engine.internal.manifest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the manifest of a combined rubric says beyond grades and ranking: the kind of period the combined result
 * covers and its parts, each a rubric folder scored over a kind of period, aggregated and weighted
 * (docs/rubric-format.md, "Combined rubrics").
 *
 * @param over            the kind of period the combined result covers ({@code period: year}, the default); never null
 * @param overLine        the line of the {@code period} key, or 0 when the default applies
 * @param parts           the parts in manifest order; never null, empty only when the manifest has problems
 * @param tieBreakPlaces  the line of each category id {@code ranking.tieBreak} names, checked once the parts are loaded
 *                        (their categories are not known before); never null
 */
public record Combination(PeriodKind over, int overLine, List<Part> parts, Map<String, Integer> tieBreakPlaces) {

    public Combination {
        Objects.requireNonNull(over, "over");
        parts = List.copyOf(parts);
        tieBreakPlaces = Map.copyOf(tieBreakPlaces);
    }

    /** A kind of period a part is scored over, or a combined result covers. */
    public enum PeriodKind {
        /** A calendar quarter (2026-Q2). */
        QUARTER("quarter", "a quarter", 4),
        /** A half-year (2026-H1). */
        HALF("half", "a half-year", 2),
        /** A calendar year (2026). */
        YEAR("year", "a year", 1);

        private final String key;
        private final String noun;
        private final int perYear;

        PeriodKind(String key, String noun, int perYear) {
            this.key = key;
            this.noun = noun;
            this.perYear = perYear;
        }

        /** How a message names a period of this kind: a quarter, a half-year, a year. */
        public String noun() {
            return noun;
        }

        /** The word the manifest uses: {@code quarter}, {@code half} or {@code year}. */
        public String key() {
            return key;
        }

        /** How many periods of this kind a year has: 4, 2 or 1. */
        public int perYear() {
            return perYear;
        }

        /** Whether whole periods of this kind tile a period of kind {@code outer}: a quarter fits in a half and a year. */
        public boolean fitsIn(PeriodKind outer) {
            return perYear >= outer.perYear;
        }

        /** How many periods of this kind one period of kind {@code outer} holds (1, 2 or 4). */
        public int countIn(PeriodKind outer) {
            return perYear / outer.perYear;
        }

        /** The kind a manifest word names, or null. */
        public static PeriodKind of(String key) {
            for (PeriodKind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** How the results of a part's several periods make one score. */
    public enum Aggregate {
        /** The average of the periods' totals. */
        MEAN("mean"),
        /** The sum of the periods' totals. */
        SUM("sum"),
        /** The total of the last period alone; vetoes and grade limits of every period still count. */
        LAST("last");

        private final String key;

        Aggregate(String key) {
            this.key = key;
        }

        /** The word the manifest uses. */
        public String key() {
            return key;
        }

        /** The aggregate a manifest word names, or null. */
        public static Aggregate of(String key) {
            for (Aggregate a : values()) {
                if (a.key.equals(key)) {
                    return a;
                }
            }
            return null;
        }
    }

    /**
     * One part of a combined rubric.
     *
     * @param id         unique among the parts, {@code [a-z0-9-]+}; never null
     * @param name       display name (平时考核), the id when none is given; never null
     * @param rubric     the part's rubric folder, relative to the combined rubric's folder, with {@code /}; never null
     * @param period     the kind of period the part is scored over; never null
     * @param aggregate  how its periods make one score; never null
     * @param weight     what its aggregated score is multiplied by, positive; never null
     * @param line       the line of the part's entry
     * @param rubricLine the line of its {@code rubric} key
     * @param periodLine the line of its {@code period} key
     */
    public record Part(String id, String name, String rubric, PeriodKind period, Aggregate aggregate, BigDecimal weight,
                       int line, int rubricLine, int periodLine) {
        public Part {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(rubric, "rubric");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(aggregate, "aggregate");
            Objects.requireNonNull(weight, "weight");
        }
    }
}

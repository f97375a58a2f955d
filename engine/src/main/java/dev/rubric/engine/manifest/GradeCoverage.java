package dev.rubric.engine.manifest;

import dev.rubric.engine.json.ResultJson;
import dev.rubric.api.Manifest.GradeBand;

import java.math.BigDecimal;
import java.util.List;

/**
 * Decides whether a grade band can ever be the first to match a total.
 *
 * <p>Totals lie in [sum of category minimums, sum of maximums]. Bands are closed intervals tried best
 * first, so a band is dead when it misses that range or when the bands before it already cover all
 * of its part of the range. Closed intervals make the covering test a simple sweep: from the start
 * of the range, keep jumping to the end of any earlier band that contains the current point.
 */
final class GradeCoverage {

    private GradeCoverage() {
    }

    /** Why band {@code index} can never match, or null when some total reaches it. */
    static String whyUnreachable(List<GradeBand> bands, int index, BigDecimal lo, BigDecimal hi) {
        GradeBand band = bands.get(index);
        BigDecimal from = band.min() == null ? lo : band.min().max(lo);
        BigDecimal to = band.max() == null ? hi : band.max().min(hi);
        if (from.compareTo(to) > 0) {
            return "totals of this rubric lie between " + plain(lo) + " and " + plain(hi) + ", outside its bounds";
        }
        List<GradeBand> earlier = bands.subList(0, index);
        BigDecimal point = from;
        while (true) {
            BigDecimal end = farthestEnd(earlier, point, hi);
            if (end == null || (end.compareTo(point) <= 0 && point.compareTo(from) > 0)) {
                return null; // the point itself, or the totals just above it, match no earlier band
            }
            if (end.compareTo(to) >= 0) {
                return "the grades before it already match every total from " + plain(from) + " to " + plain(to);
            }
            if (end.compareTo(point) <= 0) {
                return null;
            }
            point = end;
        }
    }

    /** The farthest upper bound among bands containing {@code x} (unbounded counts as {@code hi}); null when none does. */
    private static BigDecimal farthestEnd(List<GradeBand> bands, BigDecimal x, BigDecimal hi) {
        BigDecimal best = null;
        for (GradeBand b : bands) {
            if (b.matches(x)) {
                BigDecimal end = b.max() == null ? hi.max(x) : b.max();
                if (best == null || end.compareTo(best) > 0) {
                    best = end;
                }
            }
        }
        return best;
    }

    private static String plain(BigDecimal n) {
        return ResultJson.plain(n); // one way to write a number: contract §6
    }
}

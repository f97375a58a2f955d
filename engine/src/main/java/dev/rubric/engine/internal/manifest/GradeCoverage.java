package dev.rubric.engine.internal.manifest;

import dev.rubric.api.Manifest;
import dev.rubric.api.Manifest.GradeBand;
import dev.rubric.api.VetoEffect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.rubric.api.Numbers.plain;

/**
 * Decides whether a grade band can ever be given (contract §2): by a total, by a quota of the band above it, by
 * a veto's effect or by a {@code limitGrade} call.
 *
 * <p>Totals lie in [sum of category minimums, sum of maximums]. Bands are closed intervals tried best
 * first, so a band no total reaches misses that range or is covered by the bands before it over all
 * of its part of the range. Closed intervals make the covering test a simple sweep: from the start
 * of the range, keep jumping to the end of any earlier band that contains the current point.
 */
final class GradeCoverage {

    private GradeCoverage() {
    }

    /**
     * For each band, why nothing can give it, or null when something can.
     *
     * @param givers the grades the rubric's rules can give
     */
    static List<String> unreachable(List<GradeBand> bands, BigDecimal lo, BigDecimal hi, Manifest.Better better, GradeGivers givers) {
        int n = bands.size();
        boolean[] given = new boolean[n];
        for (VetoEffect effect : givers.vetoes()) {
            if (effect instanceof VetoEffect.Fail && n > 0) {
                given[n - 1] = true;
            } else if (effect instanceof VetoEffect.Cap cap) {
                mark(bands, given, cap.grade());
            } else if (effect instanceof VetoEffect.Zero && better == Manifest.Better.HIGHER && hi.signum() > 0) {
                for (int i = 0; i < n; i++) {
                    if (bands.get(i).matches(BigDecimal.ZERO)) {
                        given[i] = true; // a zeroing veto makes the total 0: the first band holding 0
                        break;
                    }
                }
            }
        }
        givers.limits().forEach(g -> mark(bands, given, g));
        List<String> why = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String byTotal = whyUnreachable(bands, i, lo, hi);
            boolean byQuota = i > 0 && bands.get(i - 1).quota() != null && why.get(i - 1) == null;
            why.add(byTotal == null || byQuota || given[i] || givers.anyGrade() ? null
                    : byTotal + "; and no quota of the grade above it, no veto effect (fail gives the lowest grade, cap:<grade> names one)"
                    + " and no score.limitGrade call gives it");
        }
        return why;
    }

    private static void mark(List<GradeBand> bands, boolean[] given, String grade) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).id().equals(grade)) {
                given[i] = true;
            }
        }
    }

    /** Why no total can match band {@code index}, or null when some total reaches it. */
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

}

package dev.rubric.engine.internal.manifest;

import dev.rubric.api.VetoEffect;

import java.util.List;
import java.util.Set;

/**
 * The grades a rubric's rules can give beyond the totals (contract §2): the effects of the vetoes its rules can
 * make and the grades its {@code score.limitGrade} calls name.
 *
 * @param vetoes   the effect of every rule that calls {@code score.veto} (its {@code @effect} or the manifest's); never null
 * @param limits   the grades named by {@code score.limitGrade("…")} literals; never null
 * @param anyGrade whether some {@code limitGrade} call names its grade by an expression, so any grade may be given
 */
public record GradeGivers(List<VetoEffect> vetoes, Set<String> limits, boolean anyGrade) {

    /** Rules that give no grade: only totals and quotas can. */
    public static final GradeGivers NONE = new GradeGivers(List.of(), Set.of(), false);

    public GradeGivers {
        vetoes = List.copyOf(vetoes);
        limits = Set.copyOf(limits);
    }
}

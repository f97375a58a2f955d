package dev.rubric.model;

import java.util.Objects;

/**
 * The result of one satisfaction survey (满意度测评) of the department by one group of raters.
 *
 * @param id          the fact's id; never null
 * @param group       who rated; never null
 * @param respondents how many rated, positive
 * @param satisfied   how many of them were satisfied, from 0 to {@code respondents}
 */
public record Survey(String id, RaterGroup group, int respondents, int satisfied) {

    public Survey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        if (respondents <= 0 || satisfied < 0 || satisfied > respondents) {
            throw new IllegalArgumentException("survey [" + id + "] has [" + satisfied + "] satisfied of ["
                    + respondents + "] respondents: respondents must be positive and satisfied between 0 and respondents");
        }
    }
}

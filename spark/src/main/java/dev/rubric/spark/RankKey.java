package dev.rubric.spark;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Where a subject stands in a cohort's sort: its total, then its id, so results come out by rank, then subject
 * id (contract §4, step 7), and subjects that tie on the total stay next to each other.
 *
 * @param total the subject's total; never null
 * @param id    the subject's id; never null
 */
record RankKey(BigDecimal total, String id) implements Serializable {
}

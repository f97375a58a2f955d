package dev.rubric.spark;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One subject scored alone, as it travels between the stages of a job: its result line (contract §6, without
 * rank) and what ranking needs of it.
 *
 * @param id     the subject's id; never null
 * @param line   the result as {@code ResultJson.line} writes it, UTF-8, ending in a line feed; never null
 * @param total  the subject's total; never null
 * @param grade  the subject's grade before quotas, or null when none is given
 * @param vetoed whether a veto applies
 */
record Scored(String id, byte[] line, BigDecimal total, String grade, boolean vetoed) implements Serializable {
}

package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A work record kept as evidence (工作痕迹 / 台账): the activity it proves, the day it claims to
 * cover and the day it was actually made, so that backfilling (突击补痕迹) shows.
 *
 * @param id         the record's id; never null
 * @param activity   the activity it proves, such as 第二季度集中学习记录; never null
 * @param coversDate the day of the activity it claims to record; never null
 * @param madeOn     the day the record was actually made; never null
 */
public record EvidenceRecord(String id, String activity, LocalDate coversDate, LocalDate madeOn) {

    public EvidenceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(coversDate, "coversDate");
        Objects.requireNonNull(madeOn, "madeOn");
    }
}

package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The assessment period (考核周期) the facts of a department belong to, with the day it is assessed.
 *
 * <p>{@code assessedOn} is the day of the assessment itself (for a year, the 年终考评); rules use
 * it to tell what was overdue at assessment time and which records were made just before it
 * (突击补痕迹).
 *
 * @param id         the period's name, such as {@code 2026年度}; never null
 * @param year       the calendar year
 * @param kind       平时, 季度, 半年 or 年度; never null
 * @param start      the first day of the period; never null
 * @param end        the last day of the period, not before {@code start}; never null
 * @param assessedOn the day of the assessment; never null
 */
public record AssessmentPeriod(String id, int year, PeriodKind kind, LocalDate start, LocalDate end,
                               LocalDate assessedOn) {

    public AssessmentPeriod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(assessedOn, "assessedOn");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period [" + id + "] ends [" + end + "] before it starts [" + start + "]");
        }
    }
}

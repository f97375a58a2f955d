package dev.rubric.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The assessment period (考核周期) a subject is scored for: the engine inserts one into every session, in both
 * phases, so a rule counts only what falls in it ({@code Period( $s : start, $e : end )} and
 * {@code Violation( date >= $s, date <= $e )}).
 *
 * @param id    the period's name, such as {@code 2026} or {@code 2026-Q3}; null for the unbounded period
 * @param start the first day of the period, inclusive; never null
 * @param end   the last day of the period, inclusive; never null, not before {@code start}
 */
public record Period(String id, LocalDate start, LocalDate end) {

    private static final Period UNBOUNDED = new Period(null, LocalDate.MIN, LocalDate.MAX);

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period cannot end [" + end + "] before it starts [" + start + "]");
        }
    }

    /** The period used when none is named: every day, with no id. */
    public static Period unbounded() {
        return UNBOUNDED;
    }

    /** Whether this is the period used when none is named. */
    public boolean isUnbounded() {
        return id == null && start.equals(LocalDate.MIN) && end.equals(LocalDate.MAX);
    }

    /** Whether {@code date} falls in the period, both ends included; false for null. */
    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }
}

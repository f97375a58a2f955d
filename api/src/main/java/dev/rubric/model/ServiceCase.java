package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A matter handled for the public or another body (办件), with its promised time limit (限时办结).
 *
 * @param id                the case's id; never null
 * @param matter            what was asked for; never null
 * @param received          the day it was received; never null
 * @param promisedDays      the promised time limit in working days (工作日) after {@code received}, not negative
 * @param finished          the day it was finished, or null while it is open
 * @param passedOn          whether the first person asked passed it on instead of seeing it through (违反首问负责制)
 * @param complaintVerified whether a complaint about it was investigated and found true (投诉查实)
 */
public record ServiceCase(String id, String matter, LocalDate received, int promisedDays, LocalDate finished,
                          boolean passedOn, boolean complaintVerified) {

    public ServiceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(matter, "matter");
        Objects.requireNonNull(received, "received");
        if (promisedDays < 0) {
            throw new IllegalArgumentException("case [" + id + "] has promisedDays [" + promisedDays + "]: must not be negative");
        }
    }

    /**
     * The last day the case may be finished on: the {@code promisedDays}-th working day after {@code received}, by the
     * official calendar ({@link WorkingDays}), so weekends, holidays and make-up working days count as the public
     * knows them.
     */
    public LocalDate dueOn() {
        return WorkingDays.plusWorkingDays(received, promisedDays);
    }

    /**
     * How many working days the case is overdue on {@code day}: the working days after {@link #dueOn()} up to
     * {@code day}, zero when it is not late.
     *
     * @param day the day it was finished, or the assessment day for a case still open; never null
     */
    public int workingDaysOverdue(LocalDate day) {
        return WorkingDays.workingDaysAfter(dueOn(), day);
    }
}

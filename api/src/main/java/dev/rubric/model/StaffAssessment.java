package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A round of individual performance assessment (个人绩效考核) the department owes its own staff.
 *
 * @param id      the fact's id; never null
 * @param period  which round, such as 2026年上半年; never null
 * @param dueDate the day it is due by; never null
 * @param doneOn  the day it was done, or null while it is not
 */
public record StaffAssessment(String id, String period, LocalDate dueDate, LocalDate doneOn) {

    public StaffAssessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}

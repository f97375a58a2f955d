package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A round of individual performance assessment (个人绩效考核) the department owes its own staff.
 *
 * @param id      the fact's id; never null
 * @param period  which round, such as 2026年上半年; never null
 * @param dueDate the day it is due by; never null
 * @param doneOn         the day it was done, or null while it is not
 * @param rewardsApplied whether its results were applied in rewards and penalties (奖惩兑现: 评先评优、绩效奖金), as the
 *                       speech's 奖勤罚懒 asks; false when null (not shown)
 */
public record StaffAssessment(String id, String period, LocalDate dueDate, LocalDate doneOn, Boolean rewardsApplied) {

    public StaffAssessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dueDate, "dueDate");
        rewardsApplied = rewardsApplied != null && rewardsApplied;
    }

    /** A round whose results, once it is done, were applied in rewards and penalties. */
    public StaffAssessment(String id, String period, LocalDate dueDate, LocalDate doneOn) {
        this(id, period, dueDate, doneOn, doneOn != null);
    }
}

package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A target task (目标任务) of the department's yearly plan, assigned to a responsible person (责任人).
 *
 * @param id          the task's id, such as {@code T-D05-03}; never null
 * @param title       what is to be done; never null
 * @param responsible the responsible person, or null when none is named (a blank name counts as none)
 * @param deadline    the day it is due; never null
 * @param completedOn the day it was finished, or null while it is not
 * @param status      推进中, 已完成 or 经批准调整; {@code COMPLETED} exactly when {@code completedOn} is given; when null,
 *                    taken from {@code completedOn} (given: 已完成, absent: 推进中)
 */
public record TargetTask(String id, String title, String responsible, LocalDate deadline, LocalDate completedOn,
                         TaskStatus status) {

    public TargetTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(deadline, "deadline");
        if (status == null) { // facts that give only the dates (as in the contract's example) say the status by them
            status = completedOn == null ? TaskStatus.IN_PROGRESS : TaskStatus.COMPLETED;
        }
        responsible = responsible == null || responsible.isBlank() ? null : responsible.strip();
        if ((status == TaskStatus.COMPLETED) != (completedOn != null)) {
            throw new IllegalArgumentException("task [" + id + "] has status [" + status + "] but completedOn ["
                    + completedOn + "]: a completed task needs its completion day, and only a completed task has one");
        }
    }
}

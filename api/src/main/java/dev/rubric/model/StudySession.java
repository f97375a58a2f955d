package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A quarterly group study session (每季度集中学习) of the department.
 *
 * @param id      the fact's id; never null
 * @param quarter the quarter it belongs to, 1 to 4
 * @param heldOn  the day it was held, or null when it was not
 * @param topic   what was studied, or null
 */
public record StudySession(String id, int quarter, LocalDate heldOn, String topic) {

    public StudySession {
        Objects.requireNonNull(id, "id");
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("study session [" + id + "] has quarter [" + quarter + "]: must be 1 to 4");
        }
    }
}

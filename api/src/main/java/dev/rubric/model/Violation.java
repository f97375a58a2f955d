package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A violation, discipline case or incident (违纪违规及责任事件) that counts against the department.
 *
 * @param id               the case's id; never null
 * @param kind             what happened; never null
 * @param person           the staff member concerned, or null when it concerns the unit as a whole
 * @param date             the day it happened or was decided; never null
 * @param description      what happened; never null
 * @param unitResponsible  whether the department itself was found responsible (负有责任)
 */
public record Violation(String id, ViolationKind kind, String person, LocalDate date, String description,
                        boolean unitResponsible) {

    public Violation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
    }
}

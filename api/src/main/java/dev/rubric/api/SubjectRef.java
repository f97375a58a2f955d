package dev.rubric.api;

import java.util.Objects;

/**
 * The unit a result is about (被考核单位), by id and display name.
 *
 * @param id   the subject's id, unique in a cohort; never null
 * @param name the subject's display name, or null
 */
public record SubjectRef(String id, String name) {
    public SubjectRef {
        Objects.requireNonNull(id, "id");
    }
}

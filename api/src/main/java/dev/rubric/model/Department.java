package dev.rubric.model;

import java.util.Objects;

/**
 * A department being assessed (被考核单位).
 *
 * @param id   the department's id, such as {@code D01}; never null
 * @param name the department's name, such as 县委办; never null
 */
public record Department(String id, String name) {

    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}

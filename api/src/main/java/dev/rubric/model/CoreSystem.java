package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Whether the department has one of the three core systems (核心制度) in place, and since when.
 *
 * @param id      the fact's id; never null
 * @param kind    首问负责制, 限时办结制 or 责任追究制; never null
 * @param inPlace whether the system is established and in force
 * @param since   the day it came into force, or null when unknown or not in place
 */
public record CoreSystem(String id, CoreSystemKind kind, boolean inPlace, LocalDate since) {

    public CoreSystem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}

package dev.rubric.model;

import java.util.Objects;

/**
 * One item of open administration (办事公开) and whether the department has posted it.
 *
 * @param id     the fact's id; never null
 * @param kind   what is made public; never null
 * @param posted whether it is posted where the public sees it
 */
public record Disclosure(String id, DisclosureKind kind, boolean posted) {

    public Disclosure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}

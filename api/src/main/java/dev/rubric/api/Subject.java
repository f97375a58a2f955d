package dev.rubric.api;

import java.util.List;
import java.util.Objects;

/**
 * A unit to be assessed together with the facts about it.
 *
 * @param id    the subject's id, unique in a cohort; never null
 * @param name  the subject's display name, or null
 * @param facts the facts rules match (fact-model objects or instances of the rubric's declared types); never null
 */
public record Subject(String id, String name, List<Object> facts) {

    public Subject {
        Objects.requireNonNull(id, "id");
        facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
    }

    /** A subject with the given facts. */
    public static Subject of(String id, String name, Object... facts) {
        return new Subject(id, name, List.of(facts));
    }

    /** This subject's reference as it appears in a result. */
    public SubjectRef ref() {
        return new SubjectRef(id, name);
    }
}

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
        Objects.requireNonNull(facts, "facts of subject [" + id + "]");
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) == null) {
                throw new IllegalArgumentException("fact " + i + " (counting from 0) of subject [" + id + "] is null; leave it out, or give the fact");
            }
        }
        facts = List.copyOf(facts);
    }

    /** A subject with the given facts. */
    public static Subject of(String id, String name, Object... facts) {
        Objects.requireNonNull(facts, "facts of subject [" + id + "]");
        return new Subject(id, name, java.util.Arrays.asList(facts));
    }

    /** This subject's reference as it appears in a result. */
    public SubjectRef ref() {
        return new SubjectRef(id, name);
    }
}

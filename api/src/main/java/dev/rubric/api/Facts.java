package dev.rubric.api;

import java.util.List;
import java.util.Objects;

/**
 * What a facts file holds (contract §5 and §8): its subjects, whether they form a cohort, and the period it names.
 *
 * @param subjects the subjects in file order; never null, at least one
 * @param cohort   whether the file gave an array of subjects (ranked together, with quotas) rather than one subject
 * @param period   the period the file names ({@code {"period": …, "subjects": […]}}), or null when it names none
 */
public record Facts(List<Subject> subjects, boolean cohort, Period period) {

    public Facts {
        subjects = List.copyOf(Objects.requireNonNull(subjects, "subjects"));
        if (!cohort && subjects.size() != 1) {
            throw new IllegalArgumentException("facts of one subject hold exactly one, not [" + subjects.size() + "]");
        }
    }

    /** The one subject of a file that gave one subject rather than a cohort. */
    public Subject subject() {
        if (cohort) {
            throw new IllegalStateException("the facts are a cohort of [" + subjects.size() + "] subjects; use subjects()");
        }
        return subjects.get(0);
    }
}

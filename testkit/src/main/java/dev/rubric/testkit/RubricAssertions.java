package dev.rubric.testkit;

import dev.rubric.api.Evaluation;

/**
 * The entry point of the fluent assertions on results, next to AssertJ's own:
 * {@code assertThat(result).hasTotal("87.5").hasGrade("良好").hasItem("A1").withPoints("-1")}.
 *
 * <p>Every failure shows the subject's whole itemized explanation, so a failing test tells what happened.
 */
public final class RubricAssertions {

    private RubricAssertions() {
    }

    /** Assertions on one subject's result. */
    public static EvaluationAssert assertThat(Evaluation actual) {
        return new EvaluationAssert(actual);
    }
}

package dev.rubric.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The library's documented failure: something in a rubric, a facts file or an evaluation that a
 * person has to fix, with every problem found and its place.
 */
public abstract class RubricException extends RuntimeException {

    private final List<Problem> problems;

    protected RubricException(String summary, List<Problem> problems, Throwable cause) {
        super(summary + describe(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}

package dev.rubric.api;

import java.util.List;

/** A rubric that cannot be loaded: its manifest or rule files have problems, all of which are listed. */
public final class InvalidRubricException extends RubricException {
    public InvalidRubricException(String rubric, List<Problem> problems) {
        super("rubric [" + rubric + "] has " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"), problems, null);
    }
}

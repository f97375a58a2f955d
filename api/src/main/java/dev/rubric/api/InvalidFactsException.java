package dev.rubric.api;

import java.util.List;

/** Facts that cannot be evaluated: every unknown type, unknown property or ill-typed value, with its JSON pointer. */
public final class InvalidFactsException extends RubricException {
    public InvalidFactsException(String source, List<Problem> problems) {
        super("facts [" + source + "] have " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"), problems, null);
    }
}

package dev.rubric.api;

import java.util.List;

/**
 * An evaluation that failed while rules ran: a rule threw, fired without end, or misused the
 * score sheet. The message names the rule, its file and line, and the subject.
 */
public final class EvaluationException extends RubricException {
    public EvaluationException(String subjectId, Problem problem, Throwable cause) {
        super("evaluation of subject [" + subjectId + "] failed:", List.of(problem), cause);
    }
}

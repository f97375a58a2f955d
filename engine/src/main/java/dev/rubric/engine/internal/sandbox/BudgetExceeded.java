package dev.rubric.engine.internal.sandbox;

/**
 * Thrown into a rubric's code when its evaluation runs out of time, depth or memory. An {@link Error}, so that
 * restricted code, which may catch only exceptions, cannot stop it; the engine turns it into an evaluation error
 * naming the rule.
 */
public final class BudgetExceeded extends Error {

    private static final long serialVersionUID = 1L;

    /** Which budget ran out. */
    public enum Kind { TIME, DEPTH, MEMORY, ARRAY }

    private final Kind kind;
    private final int site;
    private final long limit;

    BudgetExceeded(Kind kind, int site, long limit) {
        super(kind + " budget exceeded", null, false, false);
        this.kind = kind;
        this.site = site;
        this.limit = limit;
    }

    /** Which budget ran out. */
    public Kind kind() {
        return kind;
    }

    /** The compiled class of the rubric that was running (see {@link Instrumenter}), or -1. */
    public int site() {
        return site;
    }

    /** The limit that was passed: milliseconds, frames, megabytes or array elements. */
    public long limit() {
        return limit;
    }

    /** What ran out, in a rubric author's words, to follow "rule [X] ". */
    public String describe() {
        return switch (kind) {
            case TIME -> "ran past the evaluation's time limit of " + limit + " ms (a loop that does not end?)";
            case DEPTH -> "nested its own functions and conditions more than " + limit + " deep (a function that calls itself without end?)";
            case MEMORY -> "allocated more than " + limit + " MB in one evaluation";
            case ARRAY -> "made an array of more than " + limit + " elements";
        };
    }
}

package dev.rubric.engine.internal.session;

/** A rule used the score sheet in a way the contract forbids; the runner names the rule and its place. */
final class ScoreSheetMisuse extends RuntimeException {
    ScoreSheetMisuse(String message) {
        super(message, null, false, false);
    }
}

package dev.rubric.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How a rubric is loaded and run: whether its code is trusted, and the limits every evaluation runs under.
 *
 * <p>The default is restricted: before compiling, the rubric's code (consequences, constraints, functions,
 * declared types, imports) is checked against an allowlist — the department fact model, the rubric's declared
 * types, the score sheet, {@code CategoryScore}/{@code TotalScore}, {@code String}, {@code Math},
 * {@code BigDecimal}, {@code java.time} and collections — and anything else (system, runtime, processes,
 * files, network, reflection, threads, class loading, {@code java.lang.invoke}) is refused with its file and
 * line. Facts may then name only the fact model's classes and the rubric's declared types. Load a rubric you
 * wrote yourself with {@link #unrestricted()} to lift the check.
 *
 * @param trusted     whether the rubric's code is trusted (no allowlist check, facts may name any class)
 * @param firingLimit the most rule firings per phase of one evaluation before it stops as runaway; at least 1
 * @param timeLimit   the longest one subject's evaluation may take before it stops with an error; positive
 */
public record LoadOptions(boolean trusted, int firingLimit, Duration timeLimit) {

    /** Rule firings allowed per phase of one evaluation, by default. */
    public static final int DEFAULT_FIRING_LIMIT = 100_000;

    /** Time allowed for one subject's evaluation, by default. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    public LoadOptions {
        if (firingLimit < 1) {
            throw new IllegalArgumentException("firing limit must be at least 1, was [" + firingLimit + "]");
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, was [" + timeLimit + "]");
        }
    }

    /** Restricted loading with the default limits: for rubrics that come from someone else. The default. */
    public static LoadOptions restricted() {
        return new LoadOptions(false, DEFAULT_FIRING_LIMIT, DEFAULT_TIME_LIMIT);
    }

    /** Trusted loading with the default limits: for rubrics you wrote or reviewed yourself. */
    public static LoadOptions unrestricted() {
        return new LoadOptions(true, DEFAULT_FIRING_LIMIT, DEFAULT_TIME_LIMIT);
    }

    /** The same options with another firing limit. */
    public LoadOptions withFiringLimit(int limit) {
        return new LoadOptions(trusted, limit, timeLimit);
    }

    /** The same options with another time limit per subject. */
    public LoadOptions withTimeLimit(Duration limit) {
        return new LoadOptions(trusted, firingLimit, limit);
    }
}

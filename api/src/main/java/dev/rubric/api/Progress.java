package dev.rubric.api;

/**
 * Hears how far a long piece of work has come, such as a cohort or a batch being scored: to show a progress bar.
 *
 * <p>It is called on the thread that asked for the work, after each step, so it should return quickly.
 */
@FunctionalInterface
public interface Progress {

    /** Progress nobody listens to. */
    Progress NONE = (done, total) -> { };

    /**
     * The work has come this far.
     *
     * @param done  units done so far (subjects of a cohort; bytes read of a batch's input)
     * @param total units in all, or -1 when not known
     */
    void update(long done, long total);
}

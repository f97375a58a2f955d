package dev.rubric.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Scores a stream of subjects read as JSON lines (one subject of contract §5 per line) and writes JSON lines (one
 * result of contract §6 per line, compact), in input order, on every core, without holding the stream in memory.
 *
 * <pre>{@code
 * Batch.Summary s = rubric.batch().evaluate(in, out, "units.jsonl");                   // each unit alone
 * Batch.Summary s = rubric.batch().withProgress(bar, size).evaluateCohort(in, out, "units.jsonl"); // ranks, quotas
 * }</pre>
 *
 * <p>A batch is immutable and thread-safe. Facts are read as strictly as by {@link Rubric#readFacts}; a line with a
 * problem stops the batch with an {@link InvalidFactsException} naming {@code source:line}.
 */
public interface Batch {

    /**
     * What a batch did.
     *
     * @param subjects how many subjects were scored and written
     * @param vetoed   how many of them were vetoed
     */
    record Summary(long subjects, long vetoed) {
    }

    /**
     * Makes batches for a rubric: the service an engine provides, found with {@link ServiceLoader}. Users call
     * {@link Rubric#batch()} instead.
     */
    interface Provider {

        /**
         * A batch over the rubric, on as many threads as the JVM has processors.
         *
         * @param rubric the loaded rubric; never null
         * @return the batch
         */
        Batch of(Rubric rubric);
    }

    /**
     * This batch on a given number of worker threads.
     *
     * @param threads at least 1
     * @return the batch
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    Batch threads(int threads);

    /**
     * This batch scoring every subject for {@code period} (contract §8); a batch scores for no period unless told.
     *
     * @param period the assessment period; never null
     * @return the batch
     */
    Batch forPeriod(Period period);

    /**
     * This batch, telling {@code progress} how many bytes of the input it has read after each subject scored.
     *
     * @param progress   hears {@code (bytes read, inputBytes)}; never null
     * @param inputBytes the input's size in bytes, such as its file's size, or -1 when not known
     * @return the batch
     */
    Batch withProgress(Progress progress, long inputBytes);

    /**
     * Scores each subject alone (no rank, no quotas), one result line per input line, in input order.
     *
     * @param jsonLines  one subject object per line, UTF-8; never null; not closed
     * @param out        where result lines go; never null; flushed, not closed
     * @param sourceName the name errors give the input, such as its file name; never null
     * @return how many subjects were scored and vetoed
     * @throws InvalidFactsException at the first line with a facts problem, naming {@code sourceName:line}
     * @throws EvaluationException   when a rule fails for a subject
     * @throws java.io.UncheckedIOException when reading or writing fails
     */
    Summary evaluate(InputStream jsonLines, OutputStream out, String sourceName);

    /**
     * Scores the stream as one cohort: each subject alone, then ranks and grade quotas across all of them. Output
     * lines are in input order and carry {@code rank}.
     *
     * @param jsonLines  one subject object per line, UTF-8; never null; not closed
     * @param out        where result lines go; never null; flushed, not closed
     * @param sourceName the name errors give the input; never null
     * @return how many subjects were scored and vetoed
     * @throws InvalidFactsException at the first line with a facts problem, or when the stream holds no subject
     * @throws EvaluationException   when a rule fails for a subject
     * @throws java.io.UncheckedIOException when reading, writing or a temporary file fails
     */
    Summary evaluateCohort(InputStream jsonLines, OutputStream out, String sourceName);

    /**
     * A batch over the rubric, made by the engine on the classpath.
     *
     * @param rubric the loaded rubric; never null
     * @return the batch
     */
    static Batch of(Rubric rubric) {
        Objects.requireNonNull(rubric, "rubric");
        return ServiceLoader.load(Provider.class, Batch.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rubric engine on the classpath: add the dependency dev.rubric:rubric-engine"))
                .of(rubric);
    }
}

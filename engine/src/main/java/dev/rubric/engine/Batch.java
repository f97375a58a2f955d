package dev.rubric.engine;

import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Period;
import dev.rubric.api.Problem;
import dev.rubric.api.Progress;
import dev.rubric.api.Rubric;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.api.SubjectRef;
import dev.rubric.engine.internal.compile.CompiledRules;
import dev.rubric.engine.internal.json.FactReader;
import dev.rubric.engine.internal.json.ResultJson;
import dev.rubric.engine.internal.scoring.Scoring;
import dev.rubric.engine.internal.scoring.Wording;
import dev.rubric.engine.Lines.Line;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores a stream of subjects, such as a province's units, read as JSON lines (one subject of contract §5
 * per line) and written as JSON lines (one result of contract §6 per line, compact), in input order, on
 * every core, without holding the cohort in memory.
 *
 * <pre>{@code
 * Batch.Summary s = Batch.of(rubric).evaluate(in, out, "units.jsonl");            // each unit alone
 * Batch.Summary s = Batch.of(rubric).threads(2).evaluateCohort(in, out, "units.jsonl"); // with ranks and quotas
 * }</pre>
 *
 * <p>Design notes. The calling thread reads lines ({@link Lines}) and writes results; worker threads parse, evaluate and
 * write each line's result to bytes. At most a fixed window of lines per thread is in flight, and results
 * are written in input order ({@link OrderedWindow}), so memory does not grow with the stream. Evaluated alone ({@link #evaluate})
 * nothing of a subject is kept once its line is written. Ranks and quotas (contract §4, step 7) need the
 * whole cohort: {@link #evaluateCohort} keeps only each subject's total and grade, spills the result lines
 * to a temporary file ({@link SpillFile}), ranks from the totals (and tie-break scores) with {@link Scoring#standings}, then copies the spilled lines
 * to the output with each one's rank, grade and quota drops. Lines stay in input order in both modes
 * (a batch's consumer sorts by {@code rank} if it wants the contract's rank order).
 *
 * <p>Facts are read as strictly as {@link Rubric#readFacts}; a line with a problem stops the batch with an
 * {@link InvalidFactsException} naming {@code source:line} and the JSON pointer inside the line. The results
 * of the lines before it have been written, each a whole line: a stream is checked as it goes, not before. Subject ids are not
 * checked for uniqueness across the stream (that would keep every id). Blank lines are skipped.
 *
 * <p>Immutable and thread-safe; each call runs a pool of its own and shuts it down before it returns.
 */
public final class Batch implements dev.rubric.api.Batch {

    private final Rubric rubric;
    private final int threads;
    private final Progress progress;
    private final long inputBytes;
    private final Period period;
    /** One facts reader per worker thread: a reader caches the classes it resolves and is not thread-safe. */
    private final ThreadLocal<FactReader> readers = new ThreadLocal<>();

    private Batch(Rubric rubric, int threads, Progress progress, long inputBytes, Period period) {
        this.rubric = rubric;
        this.threads = threads;
        this.progress = progress;
        this.inputBytes = inputBytes;
        this.period = period;
    }

    /**
     * A batch that scores with {@code rubric} on as many threads as the JVM has processors.
     *
     * @param rubric the loaded rubric; never null
     */
    public static Batch of(Rubric rubric) {
        return new Batch(Objects.requireNonNull(rubric, "rubric"), Runtime.getRuntime().availableProcessors(), Progress.NONE, -1, Period.unbounded());
    }

    /**
     * This batch on a given number of worker threads.
     *
     * @param threads at least 1
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    @Override
    public Batch threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 thread, was [" + threads + "]");
        }
        return new Batch(rubric, threads, progress, inputBytes, period);
    }

    /**
     * This batch, telling {@code progress} how many bytes of the input it has read as it goes (read ahead of the
     * results written by at most its window of lines) and once more when the last result is written.
     */
    @Override
    public Batch withProgress(Progress progress, long inputBytes) {
        return new Batch(rubric, threads, Objects.requireNonNull(progress, "progress"), inputBytes < 0 ? -1 : inputBytes, period);
    }

    /** This batch scoring every subject for {@code period}. */
    @Override
    public Batch forPeriod(Period period) {
        return new Batch(rubric, threads, progress, inputBytes, Objects.requireNonNull(period, "period"));
    }

    /** How many worker threads this batch uses. */
    public int threads() {
        return threads;
    }

    /**
     * Scores each subject alone (no rank, no quotas), writing one result line per input line, in input order.
     * Memory stays flat however long the stream is.
     *
     * @param jsonLines  one subject object per line, UTF-8; never null; not closed
     * @param out        where result lines go; never null; flushed, not closed
     * @param sourceName the name errors give the input, such as its file name; never null
     * @throws InvalidFactsException at the first line with a facts problem, naming {@code sourceName:line}
     * @throws dev.rubric.api.EvaluationException when a rule fails for a subject
     * @throws UncheckedIOException when reading or writing fails
     */
    @Override
    public Summary evaluate(InputStream jsonLines, OutputStream out, String sourceName) {
        Objects.requireNonNull(jsonLines, "jsonLines");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(sourceName, "sourceName");
        long[] vetoed = {0};
        long subjects = run(new Lines(jsonLines), true, line -> {
            Evaluation e = evaluate(line, sourceName);
            return new Scored(ResultJson.line(e), null, null, e.vetoed());
        }, out, scored -> vetoed[0] += scored.vetoed ? 1 : 0);
        return new Summary(subjects, vetoed[0]);
    }

    /**
     * Scores the stream as one cohort: each subject alone, then ranks and grade quotas across all of them
     * (contract §4, step 7). Keeps one total and one grade per subject in memory; the result lines wait in a
     * temporary file until the cohort is ranked. Output lines are in input order and carry {@code rank}.
     *
     * @param jsonLines  one subject object per line, UTF-8; never null; not closed
     * @param out        where result lines go; never null; flushed, not closed
     * @param sourceName the name errors give the input; never null
     * @throws InvalidFactsException at the first line with a facts problem, or when the stream holds no subject
     * @throws dev.rubric.api.EvaluationException when a rule fails for a subject
     * @throws UncheckedIOException when reading, writing or the temporary file fails
     */
    @Override
    public Summary evaluateCohort(InputStream jsonLines, OutputStream out, String sourceName) {
        Objects.requireNonNull(jsonLines, "jsonLines");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(sourceName, "sourceName");
        try (SpillFile spill = new SpillFile()) {
            List<Scoring.Standing> totals = new ArrayList<>();
            List<SubjectRef> subjects = new ArrayList<>();
            long[] vetoed = {0};
            try (OutputStream spilled = spill.write()) {
                run(new Lines(jsonLines), true, line -> {
                    Evaluation e = evaluate(line, sourceName);
                    return new Scored(ResultJson.line(e), Scoring.Standing.of(rubric.manifest(), e), e.subject(), e.vetoed());
                }, spilled, scored -> {
                    totals.add(scored.standing);
                    subjects.add(scored.subject);
                    vetoed[0] += scored.vetoed ? 1 : 0;
                });
            }
            if (totals.isEmpty()) {
                throw new InvalidFactsException(sourceName, List.of(Problem.at(sourceName, 0, 0,
                        "the cohort is empty; give at least one subject, one JSON object per line")));
            }
            Scoring.Standings standings = Scoring.standings(rubric.manifest(), totals, wording());
            totals.clear();
            List<List<ScoreItem>> drops = Scoring.namedDrops(rubric.manifest(), standings, subjects, wording());
            subjects.clear();
            try (InputStream spilled = spill.read()) {
                run(new Lines(spilled), false, line -> {
                    int i = (int) (line.number() - 1);
                    return new Scored(ResultJson.withCohortOutcome(line.bytes(), standings.rank(i), standings.grade(i),
                            drops.get(i)), null, null, false);
                }, out, scored -> { });
            }
            return new Summary(standings.size(), vetoed[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("batch of [" + sourceName + "] failed: " + e.getMessage(), e);
        }
    }

    private Wording wording() {
        return rubric instanceof LoadedRubric loaded ? loaded.compiled().wording() : Wording.of(rubric.manifest());
    }

    /** One line's result on its way to the output. */
    private record Scored(byte[] bytes, Scoring.Standing standing, SubjectRef subject, boolean vetoed) {
    }

    /**
     * Reads lines on this thread, has the pool work on them, and writes their results in input order; returns
     * how many lines were worked on. When a line fails, the results before it are flushed, each a whole line.
     */
    private long run(Lines lines, boolean report, Function<Line, Scored> work, OutputStream out, Consumer<Scored> tally) {
        OutputStream sink = new BufferedOutputStream(new NonClosing(out), 1 << 16);
        long count;
        try {
            count = new OrderedWindow<Line, Scored>(threads).run(lines::next, work, scored -> {
                try {
                    sink.write(scored.bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write results: " + e.getMessage(), e);
                }
                tally.accept(scored);
            }, () -> {
                if (report) {
                    progress.update(lines.consumed(), inputBytes);
                }
            });
        } catch (RuntimeException e) {
            // results go out in input order: every line before the failing one is complete, so hand them all over
            try {
                sink.flush();
            } catch (IOException unwritten) {
                e.addSuppressed(unwritten);
            }
            throw e;
        }
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results: " + e.getMessage(), e);
        }
        if (report) {
            progress.update(lines.consumed(), inputBytes);
        }
        return count;
    }

    private Evaluation evaluate(Line line, String sourceName) {
        String source = sourceName + ":" + line.number();
        if (!line.isObject()) {
            throw new InvalidFactsException(source, List.of(Problem.atPointer(source, "",
                    "each line must hold one subject as a JSON object {\"id\": …, \"facts\": […]}")));
        }
        List<Subject> subjects;
        if (rubric instanceof LoadedRubric loaded) {
            FactReader reader = readers.get();
            if (reader == null) {
                CompiledRules compiled = loaded.compiled();
                reader = new FactReader(compiled.declaredTypes(), compiled.classLoader(), loaded.options());
                readers.set(reader);
            }
            subjects = reader.read(line.bytes(), 0, line.bytes().length, source).subjects();
        } else {
            subjects = rubric.readFacts(new ByteArrayInputStream(line.bytes()), source).subjects();
        }
        return rubric.evaluate(subjects.get(0), period);
    }

    /** Lets a buffered writer flush into the caller's stream without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

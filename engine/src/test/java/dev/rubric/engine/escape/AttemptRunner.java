package dev.rubric.engine.escape;

import dev.rubric.api.Evaluation;
import dev.rubric.api.EvaluationException;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The child side of {@link EscapeCorpusTest}: loads one escape attempt the way an integrator would, in a JVM of
 * its own, evaluates its subjects, and prints one verdict line and an end line.
 *
 * <p>Verdicts: {@code REFUSED <message>} (the load failed with an {@code InvalidRubricException}),
 * {@code STOPPED <message>} (an evaluation failed with an {@code EvaluationException}), {@code COMPLETED <totals>}
 * (everything ran) or {@code TAMPERED <first> <then>} (the first subject, evaluated again after the others, scored
 * differently), and for faults of the corpus or the engine {@code BAD_FACTS} and {@code CRASHED}. Messages are
 * printed on one line, their line breaks shown as {@code " | "}.
 *
 * <p>Design notes. The attempt runs in this JVM and may have got out, so what this class prints must not be
 * forgeable by it: the verdict goes to the process's own standard output opened before the rubric is loaded (a
 * rule that replaces {@code System.out} does not filter it), and the end line carries a token the parent wrote on
 * standard input, read before any rule exists. A rule that prints a verdict of its own makes two verdict lines; one
 * that halts the JVM leaves no end line. The runner never calls {@code System.exit}: a thread an attempt left
 * running keeps the JVM alive, and the parent sees it as a child that did not end by itself.
 */
public final class AttemptRunner {

    /** The per-subject time limit the attempts are loaded with: long enough for a real rubric, short for a test. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    /**
     * A diagnosis of the corpus, not a test: with this system property set to true the attempt is loaded trusted, to
     * see that its code is valid and does what it says when nothing holds it.
     */
    static final String TRUSTED = "rubric.escapes.trusted";

    private AttemptRunner() {
    }

    /**
     * Runs one attempt.
     *
     * @param args the attempt's rubric folder; the run's token comes on standard input
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        String verdict = verdict(Path.of(args[0]), err);
        out.println(verdict);
        out.println("END " + token);
        out.flush();
    }

    static String verdict(Path folder, PrintStream details) {
        try {
            LoadOptions options = Boolean.getBoolean(TRUSTED) ? LoadOptions.unrestricted() : LoadOptions.restricted();
            Rubric rubric = Rubrics.load(folder, options.withTimeLimit(TIME_LIMIT));
            List<Subject> subjects = subjects(rubric, folder);
            List<String> outcomes = new ArrayList<>();
            for (Subject subject : subjects) {
                Evaluation result = rubric.evaluate(subject);
                result.items().forEach(i -> details.println("item " + item(i) + " evidence " + i.evidence()));
                outcomes.add(outcome(result));
            }
            String again = outcome(rubric.evaluate(subjects.get(0)));
            if (!again.equals(outcomes.get(0))) {
                return "TAMPERED subject [" + subjects.get(0).id() + "] scored " + outcomes.get(0) + " then " + again;
            }
            return "COMPLETED " + outcomes.stream().map(AttemptRunner::total).collect(Collectors.joining(" "));
        } catch (InvalidRubricException e) {
            return "REFUSED " + oneLine(e.getMessage());
        } catch (EvaluationException e) {
            return "STOPPED " + oneLine(e.getMessage());
        } catch (InvalidFactsException e) {
            return "BAD_FACTS " + oneLine(e.getMessage());
        } catch (Throwable e) { // anything else is what the parent reports: an error the library let out
            e.printStackTrace(details);
            return "CRASHED " + e.getClass().getName() + ": " + oneLine(String.valueOf(e.getMessage()));
        }
    }

    private static List<Subject> subjects(Rubric rubric, Path folder) throws IOException {
        Path facts = folder.resolve("facts.json");
        if (!Files.exists(facts)) {
            return List.of(Subject.of("S1", "empty"));
        }
        try (InputStream in = Files.newInputStream(facts)) {
            List<Subject> subjects = rubric.readFacts(in, "facts.json").subjects();
            if (subjects.isEmpty()) {
                throw new IllegalStateException("the attempt's facts.json holds no subject");
            }
            return subjects;
        }
    }

    /** What a subject scored, as far as it matters: total, grade, veto and every item's rule, points and reason. */
    private static String outcome(Evaluation e) {
        return e.subject().id() + "=" + e.total().toPlainString() + "/" + e.grade() + (e.vetoed() ? "/vetoed" : "")
                + e.items().stream().map(AttemptRunner::item).collect(Collectors.joining(", ", " [", "]"));
    }

    private static String item(ScoreItem i) {
        return i.rule() + " " + i.points().toPlainString() + " " + i.reason();
    }

    private static String total(String outcome) {
        int items = outcome.indexOf(" [");
        return items < 0 ? outcome : outcome.substring(0, items);
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " | ");
    }
}

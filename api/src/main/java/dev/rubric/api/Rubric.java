package dev.rubric.api;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A loaded rubric (评分细则): its manifest and compiled rules, ready to score subjects.
 *
 * <p>A rubric is immutable and safe to share between threads; every evaluation runs in a session
 * and on a score sheet of its own.
 */
public interface Rubric {

    /** The rubric's id, version and content digest, as results carry them. */
    RubricInfo info();

    /** The validated manifest. */
    Manifest manifest();

    /** Every rule of the rubric, in file and line order. */
    List<RubricRule> rules();

    /**
     * Scores one subject on its own, with no period named (the unbounded {@link Period}): no rank, no quotas.
     *
     * @param subject the subject and its facts; never null
     * @return the itemized result
     * @throws EvaluationException when a rule throws, fires without end or misuses the score sheet
     * @throws IllegalArgumentException when the rubric requires a period ({@code period: required})
     */
    default Evaluation evaluate(Subject subject) {
        return evaluate(subject, Period.unbounded());
    }

    /**
     * Scores one subject on its own for a period (contract §8): rules see it as the {@link Period} fact and the
     * result carries it.
     *
     * @param subject the subject and its facts; never null
     * @param period  the assessment period, {@link Period#unbounded()} for none; never null
     * @return the itemized result
     * @throws EvaluationException when a rule throws, fires without end or misuses the score sheet
     * @throws IllegalArgumentException when the rubric requires a period and {@code period} is unbounded, or a fact
     *                                  has a type the rubric does not know
     */
    Evaluation evaluate(Subject subject, Period period);

    /**
     * Scores a cohort together, with no period named: each subject alone, then ranks and grade quotas across them.
     *
     * @param cohort the subjects, with unique ids; never null
     * @return the results by rank, then subject id
     * @throws EvaluationException when a rule fails for one of the subjects
     * @throws IllegalArgumentException when two subjects share an id, or the rubric requires a period
     */
    default CohortResult evaluateCohort(List<Subject> cohort) {
        return evaluateCohort(cohort, Period.unbounded());
    }

    /**
     * Scores a cohort together for a period: each subject alone, then ranks and grade quotas across them.
     *
     * @param cohort the subjects, with unique ids; never null
     * @param period the assessment period, {@link Period#unbounded()} for none; never null
     * @return the results by rank, then subject id
     * @throws EvaluationException when a rule fails for one of the subjects
     * @throws IllegalArgumentException when two subjects share an id, or the rubric requires a period and none is given
     */
    CohortResult evaluateCohort(List<Subject> cohort, Period period);

    /**
     * Scores what a facts file holds as it says: a cohort together or one subject alone, for the file's period or,
     * when it names none, with none.
     *
     * @param facts what {@link #readFacts} returned; never null
     * @return the results, by rank for a cohort
     */
    default CohortResult evaluate(Facts facts) {
        Period period = facts.period() == null ? Period.unbounded() : facts.period();
        return facts.cohort() ? evaluateCohort(facts.subjects(), period)
                : new CohortResult(info(), List.of(evaluate(facts.subject(), period)));
    }

    /**
     * Scores a cohort together, telling {@code progress} after each subject: {@code (subjects scored, cohort size)}.
     *
     * @param cohort   the subjects, with unique ids; never null
     * @param progress hears how far the cohort has come; never null
     * @return the results by rank, then subject id
     * @throws EvaluationException when a rule fails for one of the subjects
     * @throws IllegalArgumentException when two subjects share an id
     */
    default CohortResult evaluateCohort(List<Subject> cohort, Progress progress) {
        return evaluateCohort(cohort, Period.unbounded(), progress);
    }

    /**
     * Scores a cohort together for a period, telling {@code progress} after each subject.
     *
     * @param cohort   the subjects, with unique ids; never null
     * @param period   the assessment period, {@link Period#unbounded()} for none; never null
     * @param progress hears how far the cohort has come; never null
     * @return the results by rank, then subject id
     */
    default CohortResult evaluateCohort(List<Subject> cohort, Period period, Progress progress) {
        CohortResult result = evaluateCohort(cohort, period);
        progress.update(cohort.size(), cohort.size());
        return result;
    }

    /**
     * A batch over this rubric: a stream of subjects as JSON lines in, results as JSON lines out.
     *
     * @return the batch, on as many threads as the JVM has processors
     */
    default Batch batch() {
        return Batch.of(this);
    }

    /**
     * Reads facts JSON (contract §5 and §8): one subject, an array of them, or {@code {"period": …, "subjects": […]}}.
     *
     * @param json       the JSON bytes, UTF-8; never null
     * @param sourceName the name shown in error messages, such as the file name; never null
     * @return the subjects in file order, whether they are a cohort, and the period the file names
     * @throws InvalidFactsException listing every problem with its JSON pointer; nothing is returned from a file that has one
     */
    Facts readFacts(InputStream json, String sourceName);

    /**
     * Whether some rule of the rubric can match facts of a class (a pattern of it or of a supertype), so a caller can
     * tell facts that count for nothing: {@code ./rubric check --facts} warns about them.
     *
     * @param factType the class of a fact; never null
     */
    boolean reads(Class<?> factType);

    /**
     * Makes a fact of a type the rubric knows (a type declared in its DRL, a class of the department
     * fact model, or a fully qualified class name) from property values.
     *
     * @param type       the type's name; never null
     * @param properties bean property names and values, converted as JSON values would be; never null
     * @return the fact
     * @throws InvalidFactsException when the type or a property is unknown or a value has the wrong type
     */
    Object newFact(String type, Map<String, ?> properties);
}

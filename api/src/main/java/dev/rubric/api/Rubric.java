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
     * Scores one subject on its own: no rank, no quotas.
     *
     * @param subject the subject and its facts; never null
     * @return the itemized result
     * @throws EvaluationException when a rule throws, fires without end or misuses the score sheet
     */
    Evaluation evaluate(Subject subject);

    /**
     * Scores a cohort together: each subject alone, then ranks and grade quotas across them.
     *
     * @param cohort the subjects, with unique ids; never null
     * @return the results by rank, then subject id
     * @throws EvaluationException when a rule fails for one of the subjects
     * @throws IllegalArgumentException when two subjects share an id
     */
    CohortResult evaluateCohort(List<Subject> cohort);

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
        CohortResult result = evaluateCohort(cohort);
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
     * Reads subjects from facts JSON (contract §5): one subject or an array of them.
     *
     * @param json       the JSON bytes, UTF-8; never null
     * @param sourceName the name shown in error messages, such as the file name; never null
     * @return the subjects in file order
     * @throws InvalidFactsException listing every problem with its JSON pointer; nothing is returned from a file that has one
     */
    List<Subject> readFacts(InputStream json, String sourceName);

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

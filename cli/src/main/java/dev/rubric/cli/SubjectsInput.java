package dev.rubric.cli;

import dev.rubric.api.CohortResult;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A rubric and the subjects a command looks at, found as {@code evaluate} finds them: with no {@code --rubric}
 * and no {@code --facts}, the bundled rubric and its sample departments.
 *
 * @param rubric   the loaded rubric
 * @param subjects the subjects read from the facts
 * @param cohort   whether the facts are an array, evaluated together with ranks and quotas
 */
record SubjectsInput(Rubric rubric, List<Subject> subjects, boolean cohort) {

    static SubjectsInput load(CommandLine command, String rubricLocation, String factsLocation, LoadOptions options) {
        String facts = factsLocation;
        if (facts == null) {
            if (!EvaluateCommand.DEFAULT_RUBRIC.equals(rubricLocation)) {
                throw new CommandLine.ParameterException(command, "--facts is required with a rubric other than the bundled one");
            }
            facts = EvaluateCommand.DEFAULT_FACTS;
        }
        Rubric rubric = Rubrics.load(rubricLocation, options);
        try (InputStream in = EvaluateCommand.open(facts)) {
            dev.rubric.api.Facts read = rubric.readFacts(in, EvaluateCommand.displayName(facts));
            return new SubjectsInput(rubric, read.subjects(), read.cohort());
        } catch (IOException e) {
            throw new Main.CliProblem("cannot read facts [" + facts + "]: " + e.getMessage());
        }
    }

    /** The subjects evaluated as the facts say: together when they are a cohort, else the one subject alone. */
    CohortResult evaluate() {
        return cohort ? rubric.evaluateCohort(subjects) : new CohortResult(rubric.info(), List.of(rubric.evaluate(subjects.get(0))));
    }

    /** Fails as a usage error when there is no subject with this id. */
    void requireSubject(CommandLine command, String id) {
        List<String> ids = subjects.stream().map(Subject::id).toList();
        if (!ids.contains(id)) {
            throw new CommandLine.ParameterException(command, "there is no subject [" + id + "] in the facts"
                    + dev.rubric.engine.internal.text.Spelling.didYouMean(id, ids) + "; the subjects are " + ids);
        }
    }
}

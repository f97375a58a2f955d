package dev.rubric.cli;

import dev.rubric.testkit.RubricDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;

/** {@code rubric diff OLD NEW --facts COHORT}: the impact of a rubric change on a cohort. */
@Command(name = "diff", description = {"Evaluate a cohort with two versions of a rubric and show what the change does:",
        "per subject total, grade and rank before and after with the items behind the movement, a summary, and the rule changes."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "OLD", description = "The old rubric (folder or classpath:NAME).")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new rubric (folder or classpath:NAME).")
    String after;

    @Option(names = "--facts", required = true, paramLabel = "FILE", description = "The cohort's facts JSON.")
    String facts;

    @Override
    public Integer call() {
        byte[] json;
        try (InputStream in = EvaluateCommand.open(facts)) {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new Main.CliProblem("cannot read facts [" + facts + "]: " + e.getMessage());
        }
        RubricDiff diff = RubricDiff.compare(before, after, json, EvaluateCommand.displayName(facts), main.loadOptions());
        spec.commandLine().getOut().print(diff.report());
        spec.commandLine().getOut().flush();
        return 0;
    }
}

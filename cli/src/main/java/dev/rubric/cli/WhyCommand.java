package dev.rubric.cli;

import dev.rubric.testkit.WhyNot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code rubric why --subject ID}: what keeps a subject from the next better grade. */
@Command(name = "why", description = {"Show what keeps a subject from the next better grade: the points it lacks, the quota,",
        "limit or veto in the way, its costliest items, and the fewest items whose removal would give it that grade."})
final class WhyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Main main;

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "The subject's id.")
    String subject;

    @Option(names = "--rubric", paramLabel = "DIR|classpath:NAME", description = "The rubric (default: ${DEFAULT-VALUE}).",
            defaultValue = EvaluateCommand.DEFAULT_RUBRIC)
    String rubric;

    @Option(names = "--facts", paramLabel = "FILE", description = "Facts JSON: one subject or an array (default: the bundled sample departments, with the bundled rubric).")
    String facts;

    @Override
    public Integer call() {
        SubjectsInput input = SubjectsInput.load(spec.commandLine(), rubric, facts, main.loadOptions());
        input.requireSubject(spec.commandLine(), subject);
        WhyNot why = WhyNot.of(input.rubric(), input.evaluate(), subject);
        spec.commandLine().getOut().print(why.report());
        spec.commandLine().getOut().flush();
        return 0;
    }
}

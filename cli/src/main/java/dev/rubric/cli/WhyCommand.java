package dev.rubric.cli;

import dev.rubric.testkit.WhyNot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

    @picocli.CommandLine.Mixin
    SubjectOptions target;

    @Override
    public Integer call() {
        SubjectsInput input = target.load(spec.commandLine(), main.loadOptions());
        WhyNot why = WhyNot.of(input.rubric(), input.evaluate(), target.subject);
        spec.commandLine().getOut().print(why.report());
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package dev.rubric.cli;

import dev.rubric.testkit.WhatIf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rubric what-if --subject ID --without FACT_ID --set FACT_ID.property=value}: the result again with facts changed. */
@Command(name = "what-if", description = {"Evaluate again with some of a subject's facts removed or changed, and show the difference:",
        "items gained and lost, total, grade, and in a cohort the ranks and grades of the others that move."})
final class WhatIfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Main main;

    @picocli.CommandLine.Mixin
    SubjectOptions target;

    @Option(names = "--without", paramLabel = "FACT_ID", description = "Remove the subject's fact with this id (repeatable).")
    List<String> without = new ArrayList<>();

    @Option(names = "--set", paramLabel = "FACT_ID.property=value", description = "Set a property of the subject's fact with this id (repeatable).")
    List<String> set = new ArrayList<>();

    @Override
    public Integer call() {
        if (without.isEmpty() && set.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "say what changes: --without FACT_ID or --set FACT_ID.property=value");
        }
        List<WhatIf.Change> changes = new ArrayList<>();
        without.forEach(id -> changes.add(WhatIf.Change.without(id)));
        for (String s : set) {
            try {
                changes.add(WhatIf.Change.parse(s));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + e.getMessage());
            }
        }
        SubjectsInput input = target.load(spec.commandLine(), main.loadOptions());
        WhatIf result;
        try {
            result = WhatIf.evaluate(input.rubric(), input.subjects(), input.cohort(), target.subject, changes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().print(result.report());
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package dev.rubric.cli;

import dev.rubric.api.LoadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of the commands that look at one subject of a cohort ({@code why}, {@code what-if}): which subject, rubric and facts. */
final class SubjectOptions {

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "The subject's id.")
    String subject;

    @Option(names = "--rubric", paramLabel = "DIR|classpath:NAME", description = "The rubric (default: ${DEFAULT-VALUE}).",
            defaultValue = EvaluateCommand.DEFAULT_RUBRIC)
    String rubric;

    @Option(names = "--facts", paramLabel = "FILE", description = "Facts JSON: one subject or an array (default: the bundled sample departments, with the bundled rubric).")
    String facts;

    /** The rubric and facts loaded, with the subject known to be among them. */
    SubjectsInput load(CommandLine commandLine, LoadOptions options) {
        SubjectsInput input = SubjectsInput.load(commandLine, rubric, facts, options);
        input.requireSubject(commandLine, subject);
        return input;
    }
}

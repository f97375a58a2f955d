package dev.rubric.cli;

import dev.rubric.testkit.ScenarioRun;
import dev.rubric.testkit.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.util.concurrent.Callable;

/**
 * {@code rubric test DIR}: runs a rubric's scenario files, prints each outcome, the diff of each failure,
 * the rule coverage, and the closing line {@code N passed, N failed}.
 */
@Command(name = "test", description = "Run a rubric's scenarios (scenarios/*.yaml) and report rule coverage.")
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Main main;

    @Parameters(paramLabel = "DIR|classpath:NAME", description = "The rubric folder.")
    String rubric;

    @Option(names = "--min-coverage", paramLabel = "PERCENT", description = "Fail when rule coverage is below this percentage.")
    BigDecimal minCoverage;

    @Override
    public Integer call() {
        if (minCoverage != null && (minCoverage.signum() < 0 || minCoverage.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--min-coverage must be between 0 and 100, was " + minCoverage);
        }
        ScenarioRun run = ScenarioRunner.run(rubric, main.loadOptions());
        if (run.results().isEmpty()) {
            throw new Main.CliProblem("rubric [" + rubric + "] has no scenario files under " + ScenarioRunner.FOLDER);
        }
        spec.commandLine().getOut().print(run.report(minCoverage));
        spec.commandLine().getOut().flush();
        return run.succeeded(minCoverage) ? 0 : Main.PROBLEM;
    }
}

package dev.rubric.cli;

import dev.rubric.cli.CommandLineTest.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static dev.rubric.cli.CommandLineTest.rubric;
import static org.assertj.core.api.Assertions.assertThat;

/** Help is asked for, not a mistake: every command answers {@code --help} with its usage and exit code 0. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "check", "test", "diff"})
    void everyCommandAnswersHelpWithExitCodeZero(String command) {
        Run run = rubric(command, "--help");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: rubric " + command);
    }

    @Test
    void helpBreaksLinesOnlyWhereALineIsFull() {
        String help = rubric("evaluate", "--help").out();

        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Main.HELP_WIDTH));
        // a sentence runs on to the end of its line before it wraps: no break after "declared types,"
        assertThat(help.lines().filter(l -> l.contains("--trusted  "))).singleElement()
                .satisfies(l -> assertThat(l).contains("Load rubrics as trusted code. Without it, a rubric's code"));
        assertThat(help).doesNotContain("its declared types,\n");
    }
}

package dev.rubric.cli;

import dev.rubric.api.Progress;
import dev.rubric.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static dev.rubric.cli.CommandLineTest.rubric;
import static org.assertj.core.api.Assertions.assertThat;

/** A progress bar where people wait at a terminal, and silence where the output goes to a program. */
class ProgressBarTest {

    @Test
    void theBarShowsTheShareDoneAndTheCount() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "subjects");

        assertThat(bar.line(63, 210)).isEqualTo("[#########.....................]  30% 63/210 subjects");
        assertThat(bar.line(5, -1)).isEqualTo("5 subjects …");
        assertThat(new ProgressBar(new PrintWriter(new StringWriter()), null).line(1, 4)).isEqualTo("[#######.......................]  25%");
    }

    @Test
    void theBarIsDrawnInPlaceAndErasedWhenTheWorkIsDone() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "subjects");

        bar.update(1, 4);
        bar.update(4, 4);

        assertThat(err.toString()).startsWith("\r[#######").endsWith("\r" + " ".repeat(bar.line(1, 4).length()) + "\r");
    }

    @Test
    void withoutATerminalOrWhenQuietThereIsNoBar() {
        // the tests run without a console, as a command whose output is piped does
        assertThat(ProgressBar.forTerminal(new PrintWriter(new StringWriter()), false, "subjects")).isSameAs(Progress.NONE);
        assertThat(ProgressBar.forTerminal(new PrintWriter(new StringWriter()), true, "subjects")).isSameAs(Progress.NONE);
    }

    @Test
    void evaluatingACohortWhenPipedWritesNothingButTheResults() {
        Run run = rubric("evaluate", "--format", "json");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void quietIsAnOptionOfEveryCommand() {
        assertThat(rubric("--quiet", "evaluate", "--format", "json").code()).isZero();
        assertThat(rubric("evaluate", "-q", "--format", "json").code()).isZero();
    }
}

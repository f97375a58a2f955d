package dev.rubric.cli;

import org.junit.jupiter.api.Test;

import static dev.rubric.cli.CommandLineTest.rubric;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./rubric why} and {@code ./rubric what-if} on the bundled rubric and its sample departments. */
class WhyAndWhatIfCommandTest {

    @Test
    void whyNamesTheQuotaCutThatKeepsAPropagandaDepartmentTiedAtFourthFromTheTopGrade() {
        // when
        CommandLineTest.Run run = rubric("why", "--subject", "D06");

        // then
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("宣传部 (D06): total 93.34, grade 良好, rank 4\n")
                .contains("  next better grade: 优秀\n", "  points lacking: 0.01\n", "  in the way: quota: ", "  costliest items:\n",
                        "without this item it would be 优秀:");
    }

    @Test
    void whatIfShowsTheItemsLostTheNewGradeAndTheRivalThatMovesDown() {
        // when: the task 宣传部 finished six days late (T-D06-04, due 2026-10-31) had been on time
        CommandLineTest.Run run = rubric("what-if", "--subject", "D06", "--set", "T-D06-04.completedOn=2026-10-30");

        // then
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("宣传部 (D06)\n").contains("  total  93.34 -> 94.34  (+1)\n", "  grade  良好 -> 优秀\n", "  - A2 -1 目标任务「文明城市创建宣传」", "others:\n", "妇联 (D11)  rank 4 -> 5");
    }

    @Test
    void anUnknownFactIsAUsageErrorNamingTheFactsThereAre() {
        // when
        CommandLineTest.Run run = rubric("what-if", "--subject", "D06", "--without", "T-D06-99");

        // then
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("subject [D06] has no fact with id [T-D06-99]", "its facts' ids are [");
    }

    @Test
    void anUnknownSubjectIsAUsageError() {
        // when
        CommandLineTest.Run run = rubric("why", "--subject", "D99");

        // then
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("there is no subject [D99] in the facts", "the subjects are [D01");
    }

    @Test
    void whatIfWithoutAChangeIsAUsageError() {
        // when
        CommandLineTest.Run run = rubric("what-if", "--subject", "D06");

        // then
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("say what changes: --without FACT_ID or --set FACT_ID.property=value");
    }
}

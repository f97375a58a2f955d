package dev.rubric.engine.internal.compile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's clause is the first paragraph of the comment directly above it, as the reports show it. */
class RuleClauseTest {

    @Test
    void theFirstParagraphOfTheCommentAboveTheRuleIsItsClauseWithoutTheRulesId() {
        String drl = """
                package p;

                // A1 目标任务到期未完成的，每项扣2分，
                //    最多扣10分。
                //
                // Tasks adjusted with approval are not counted.
                rule "A1 目标任务逾期未完成"
                when
                then
                end
                """;

        assertThat(RuleClause.above(drl, 7, "A1")).isEqualTo("目标任务到期未完成的，每项扣2分，最多扣10分。");
    }

    @Test
    void englishLinesOfAClauseAreJoinedWithASpace() {
        String drl = """
                // One point off for each open finding,
                // at most 8 points.
                rule "Findings"
                """;

        assertThat(RuleClause.above(drl, 3, "Findings")).isEqualTo("One point off for each open finding, at most 8 points.");
    }

    @Test
    void anIdFollowedByAColonIsLeftOutToo() {
        assertThat(RuleClause.above("// H1: each finding costs its points\nrule \"H1 finding\"\n", 2, "H1"))
                .isEqualTo("each finding costs its points");
        assertThat(RuleClause.above("// H1：每项扣1分\nrule \"H1\"\n", 2, "H1")).isEqualTo("每项扣1分");
    }

    @Test
    void anIdThatIsOnlyThePrefixOfAWordIsKept() {
        String drl = """
                // A10 is a different item
                rule "A1"
                """;

        assertThat(RuleClause.above(drl, 2, "A1")).isEqualTo("A10 is a different item");
    }

    @Test
    void aRuleWithoutACommentDirectlyAboveItHasNoClause() {
        String drl = """
                // a comment about the file

                rule "A1"
                """;

        assertThat(RuleClause.above(drl, 3, "A1")).isNull();
        assertThat(RuleClause.above("rule \"A1\"\n", 1, "A1")).isNull();
    }

    @Test
    void theCommentOfTheRuleAboveDoesNotBecomeTheClauseOfTheNext() {
        String drl = """
                // A1 clause
                rule "A1"
                when
                then
                end
                rule "A2"
                """;

        assertThat(RuleClause.above(drl, 6, "A2")).isNull();
        assertThat(RuleClause.above(drl, 2, "A1")).isEqualTo("clause");
    }
}

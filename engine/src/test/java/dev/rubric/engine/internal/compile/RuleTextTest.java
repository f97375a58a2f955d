package dev.rubric.engine.internal.compile;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Places in rule files' text: lines and columns from 1. */
class RuleTextTest {

    private static final String TEXT = """
            package rubrics.a;
            rule "A1"
            when
              $t : TargetTask()
            then
              score.deduct(1, "late", $t);
            end
            rule "A2"
            end
            """;

    @Test
    void anOffsetIsALineAndAColumnFromOne() {
        assertThat(RuleText.at(TEXT, 0)).containsExactly(1, 1);
        assertThat(RuleText.at(TEXT, TEXT.indexOf("TargetTask"))).containsExactly(4, 8);
    }

    @Test
    void aSnippetOrAPatternIsFoundAtItsFirstPlace() {
        assertThat(RuleText.find(TEXT, "score.deduct")).containsExactly(6, 3);
        assertThat(RuleText.find(TEXT, Pattern.compile("rule\\s+\"A2\""))).containsExactly(8, 1);
        assertThat(RuleText.find(TEXT, "absent")).containsExactly(0, 0);
        assertThat(RuleText.find(null, "score")).containsExactly(0, 0);
    }

    @Test
    void theFirstMatchInSeveralFilesStartsAfterLeadingWhiteSpace() {
        // given
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.drl", "package a;\n");
        files.put("b.drl", "package b;\n\n   declare Mark\n   end\n");

        // when
        RuleText.Place at = RuleText.first(files, Pattern.compile("(?m)^\\s*declare\\s+Mark\\b"));

        // then
        assertThat(at).isEqualTo(new RuleText.Place("b.drl", 3, 4));
        assertThat(RuleText.first(files, Pattern.compile("query"))).isNull();
    }

    @Test
    void aRuleRunsFromItsRuleLineToItsEnd() {
        assertThat(RuleText.rule(TEXT, 2)).hasSize(6).endsWith("end");
        assertThat(RuleText.rule(TEXT, 8)).containsExactly("rule \"A2\"", "end");
        assertThat(RuleText.rule(TEXT, 0)).isEmpty();
    }
}

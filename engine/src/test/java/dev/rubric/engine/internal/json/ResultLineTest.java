package dev.rubric.engine.internal.json;

import dev.rubric.api.CategoryScore;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Period;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A result line given its cohort's outcome is the line of the whole result, written by the one writer of results. */
class ResultLineTest {

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    private static Evaluation vetoedWithEverything() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", "机要保密检查");
        properties.put("deadline", LocalDate.of(2026, 9, 30));
        properties.put("score", n("87.50"));
        properties.put("count", 3);
        properties.put("posted", true);
        properties.put("note", null);
        properties.put("tags", List.of("a", 2));
        List<ScoreItem> items = List.of(
                new ScoreItem("A1", "A1 目标任务逾期", "targets", ItemKind.DEDUCTION, n("-1.5"), "逾期",
                        List.of(new Evidence("TargetTask", "T-1", Map.of("title", "ignored: evidence with an id carries no properties"))),
                        "targets.drl:12", null, null),
                new ScoreItem("V1", "V1 否决", null, ItemKind.VETO, n("-28.5"), "一票否决", List.of(new Evidence("Fact", null, properties)),
                        "veto.drl:3", "不合格", new VetoEffect.Cap("不合格")));
        return new Evaluation(new SubjectRef("D09", "法院"), n("30"), n("0"), n("28.5"), "不合格", true, null,
                List.of(new CategoryScore("targets", "目标任务", n("28.5"), n("30"), n("0"))), items, Period.year(2026));
    }

    @Test
    void aLineGivenItsCohortOutcomeIsTheLineOfTheWholeResult() {
        // given
        Evaluation e = vetoedWithEverything();
        List<ScoreItem> drops = List.of(new ScoreItem(null, null, null, ItemKind.QUOTA, BigDecimal.ZERO, "名额已满", List.of(), null, "合格", null));

        // when
        byte[] spliced = ResultJson.withCohortOutcome(ResultJson.line(e), 3, "合格", drops);

        // then
        assertThat(new String(spliced, StandardCharsets.UTF_8))
                .isEqualTo(new String(ResultJson.line(e.withCohortOutcome(3, "合格", drops)), StandardCharsets.UTF_8));
    }

    @Test
    void aLineWithNoGradeAndNoPeriodKeepsThem() {
        // given
        Evaluation e = new Evaluation(new SubjectRef("S", null), n("100"), n("100"), n("100"), null, false, null, List.of(), List.of());

        // when
        byte[] spliced = ResultJson.withCohortOutcome(ResultJson.line(e), 1, null, List.of());

        // then
        assertThat(new String(spliced, StandardCharsets.UTF_8))
                .isEqualTo(new String(ResultJson.line(e.withCohortOutcome(1, null, List.of())), StandardCharsets.UTF_8));
    }
}

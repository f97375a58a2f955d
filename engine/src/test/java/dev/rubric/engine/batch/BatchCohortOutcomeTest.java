package dev.rubric.engine.batch;

import dev.rubric.api.Batch;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cohort scored as JSON lines carries each subject's cohort outcome in its own line: its rank, its grade after
 * the quotas and the quota item that dropped it, worked out by hand here rather than compared with
 * {@code evaluateCohort}, so a fault shared by both paths is seen too.
 *
 * <p>Guards "quota items in batch output", which only one comparison with {@code evaluateCohort} covered.
 */
class BatchCohortOutcomeTest {

    private static final Rubric RUBRIC = Rubrics.load("classpath:rubrics/hygiene");

    /** A kitchen with one hygiene finding of the given points: 50 minus them, grade A from 45 (quota 0.5). */
    private static String kitchen(String id, int points) {
        String facts = points == 0 ? "" : "{\"type\":\"Finding\",\"id\":\"F1\",\"area\":\"hygiene\",\"points\":" + points + "}";
        return "{\"id\":\"" + id + "\",\"facts\":[" + facts + "]}";
    }

    private static List<String> batch(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Batch.of(RUBRIC).evaluateCohort(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                out, "kitchens.jsonl");
        return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void holdersBeyondTheQuotaCarryTheirQuotaItemAndTheLowerGradeInTheirLine() {
        // given four kitchens of grade A, in reverse order: 47, 48, 49, 50; the quota lets 2 of 4 keep A
        List<String> out = batch(List.of(kitchen("K4", 3), kitchen("K3", 2), kitchen("K2", 1), kitchen("K1", 0)));

        // then the lines stay in input order; K4 and K3 dropped to B with a QUOTA item of 0 points, K2 and K1 kept A
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).startsWith("{\"subject\":{\"id\":\"K4\"").contains("\"grade\":\"B\"").contains("\"rank\":4")
                .contains("\"kind\":\"QUOTA\"").contains("\"grade\":\"B\"");
        assertThat(out.get(1)).startsWith("{\"subject\":{\"id\":\"K3\"").contains("\"grade\":\"B\"").contains("\"rank\":3")
                .contains("\"kind\":\"QUOTA\"");
        assertThat(out.get(2)).startsWith("{\"subject\":{\"id\":\"K2\"").contains("\"grade\":\"A\"").contains("\"rank\":2")
                .doesNotContain("QUOTA");
        assertThat(out.get(3)).startsWith("{\"subject\":{\"id\":\"K1\"").contains("\"grade\":\"A\"").contains("\"rank\":1")
                .doesNotContain("QUOTA");
    }

    @Test
    void aQuotaItemIsTheLastItemOfItsLineAndKeepsTheTotal() {
        // when
        List<String> out = batch(List.of(kitchen("K1", 0), kitchen("K2", 5)));

        // then K2 (45) dropped to B; its total stays 45 and its QUOTA item, worth 0 points, comes after its deduction
        String k2 = out.get(1);
        assertThat(k2).contains("\"total\":45").contains("\"grade\":\"B\"");
        assertThat(k2.indexOf("\"kind\":\"QUOTA\"")).isGreaterThan(k2.indexOf("\"kind\":\"DEDUCTION\""));
        assertThat(k2).containsOnlyOnce("\"kind\":\"QUOTA\"");
    }

    @Test
    void aCohortWithinItsQuotaHasNoQuotaItem() {
        // when one of two kitchens holds A: within the quota of 1
        List<String> out = batch(List.of(kitchen("K1", 0), kitchen("K2", 10)));

        // then
        assertThat(out).noneMatch(l -> l.contains("QUOTA"));
        assertThat(out.get(1)).contains("\"grade\":\"B\"");
    }

    @Test
    void theBatchAndTheCohortAgreeOnWhoDropped() {
        // given
        List<String> lines = List.of(kitchen("K4", 3), kitchen("K3", 2), kitchen("K2", 1), kitchen("K1", 0));

        // when
        CohortResult together = RUBRIC.evaluateCohort(RUBRIC.readFacts(new ByteArrayInputStream(
                ("[" + String.join(",", lines) + "]").getBytes(StandardCharsets.UTF_8)), "kitchens").subjects());

        // then
        assertThat(together.results()).extracting(e -> e.subject().id() + " " + e.grade())
                .containsExactly("K1 A", "K2 A", "K3 B", "K4 B");
    }
}

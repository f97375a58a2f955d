package dev.rubric.rules;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.testkit.RubricCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table version of part of the bundled rubric (examples/rubric-tables: A1–A3 as a 评分细则 table, C2–C3 as
 * a Drools decision table) scores the sample cohort exactly as the DRL version does.
 */
class TableRubricTest {

    static final Path EXAMPLE = Path.of("../examples/rubric-tables");

    @TempDir
    Path dir;

    /** The bundled rubric with rules A1–A3 and C2–C3 taken out of its DRL and the example's tables put in. */
    private Rubric tableVersion() throws IOException {
        RubricCopy copy = RubricCopy.of(BundledRubric.LOCATION, dir);
        withoutRules(copy.folder().resolve("targets.drl"), "A1", "A2", "A3");
        withoutRules(copy.folder().resolve("service.drl"), "C2", "C3");
        Files.copy(EXAMPLE.resolve("targets.xlsx"), dir.resolve("targets.xlsx"));
        Files.copy(EXAMPLE.resolve("service.xlsx"), dir.resolve("service.xlsx"));
        return Rubrics.load(dir.toString());
    }

    private static void withoutRules(Path drl, String... ids) throws IOException {
        String text = Files.readString(drl);
        for (String id : ids) {
            String cut = text.replaceFirst("(?s)rule \"" + id + " [^\"]*\".*?\nend\n", "");
            assertThat(cut).as("rule " + id + " in " + drl.getFileName()).isNotEqualTo(text);
            text = cut;
        }
        Files.writeString(drl, text);
    }

    private static List<Subject> sample(Rubric rubric) throws IOException {
        try (InputStream in = TableRubricTest.class.getResourceAsStream("/samples/party-mass-2026.json")) {
            return rubric.readFacts(in, "party-mass-2026.json").subjects();
        }
    }

    private static final List<String> FROM_TABLES = List.of("A1", "A2", "A3", "C2", "C3");

    @Test
    void theTableVersionScoresTheSampleCohortAsTheDrlVersionDoes() throws IOException {
        // given
        Rubric drl = Rubrics.load(BundledRubric.LOCATION);
        Rubric tables = tableVersion();

        // when
        CohortResult expected = drl.evaluateCohort(sample(drl));
        CohortResult actual = tables.evaluateCohort(sample(tables));

        // then every result is the same but for the sources of the items that now come from tables
        assertThat(actual.results()).hasSameSizeAs(expected.results());
        for (int i = 0; i < expected.results().size(); i++) {
            Evaluation e = expected.results().get(i);
            Evaluation a = actual.results().get(i);
            assertThat(a.subject()).isEqualTo(e.subject());
            assertThat(a.total()).as(e.subject().id()).isEqualByComparingTo(e.total());
            assertThat(a.grade()).as(e.subject().id()).isEqualTo(e.grade());
            assertThat(a.rank()).as(e.subject().id()).isEqualTo(e.rank());
            assertThat(a.vetoed()).as(e.subject().id()).isEqualTo(e.vetoed());
            // items are listed in the order of the rule files, and tables come after the DRL files they replace
            assertThat(comparable(a.items())).as(e.subject().id()).containsExactlyInAnyOrderElementsOf(comparable(e.items()));
        }
        assertThat(expected.results().stream().flatMap(e -> e.items().stream()).filter(i -> i.rule() != null && List.of("A1", "A2", "A3", "C2", "C3").contains(i.rule())))
                .as("the sample exercises the items that come from tables").hasSizeGreaterThan(5);
    }

    @Test
    void itemsFromTablesNameTheirCells() throws IOException {
        // given
        Rubric tables = tableVersion();

        // when
        Map<String, String> sources = tables.rules().stream().filter(r -> r.file().contains("!"))
                .collect(Collectors.toMap(r -> r.id(), r -> r.source()));

        // then
        assertThat(sources).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A1", "targets.xlsx!评分细则!C3", "A2", "targets.xlsx!评分细则!C4", "A3", "targets.xlsx!评分细则!C5",
                "C2", "service.xlsx!服务效能!A10", "C3", "service.xlsx!服务效能!A11"));
    }

    /**
     * An item without its source, as a comparable string; the reason too is left out for the items that come from tables,
     * which word their reasons with the table's own 扣分说明 column rather than the DRL's sentences.
     */
    private static List<String> comparable(List<ScoreItem> items) {
        return items.stream().map(i -> i.rule() + "|" + i.ruleName() + "|" + i.category() + "|" + i.kind() + "|" + i.points().stripTrailingZeros()
                + "|" + (i.rule() != null && FROM_TABLES.contains(i.rule()) ? "" : i.reason()) + "|" + i.evidence() + "|" + i.grade() + "|" + i.effect()).toList();
    }
}

package dev.rubric.engine.internal.manifest;

import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Manifest;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.engine.RubricFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract §2, version 2: {@code language}, {@code ranking}, {@code period: required}, and grade bands that only a
 * quota, a veto or a grade limit can give.
 */
class ManifestVersionTwoTest {

    private static final String VETO_RULE = """
            package t;
            import dev.rubric.model.Violation;
            global dev.rubric.api.ScoreSheet score;
            rule "V1 serious violation" @id("V1")
            when
              $v : Violation( )
            then
              score.veto("serious violation", $v);
            end
            rule "S1 nothing" @id("S1") @category("work")
            when
              eval(false)
            then
              score.deduct(1, "never");
            end
            """;

    private static final String NO_VETO_RULE = """
            package t;
            global dev.rubric.api.ScoreSheet score;
            rule "S1 nothing" @id("S1") @category("work")
            when
              eval(false)
            then
              score.deduct(1, "never");
            end
            """;

    private static final String QUOTA_BANDS = """
            id: t
            name: 干部考核
            categories:
              - { id: work, name: 工作实绩, max: 100 }
            grades:
              - { id: 优秀, quota: 0.2 }
              - { id: 称职 }
              - { id: 不称职 }
            """;

    @Test
    void aBandGivenOnlyByAQuotaAndTheLowestOnlyByAVetoAreValid(@TempDir Path dir) {
        // given the contract's example: the best 20% are 优秀, everyone else 称职, 不称职 only by a veto
        RubricFolder folder = RubricFolder.at(dir).manifest(QUOTA_BANDS).file("work.drl", VETO_RULE);

        // when
        Rubric rubric = folder.load();

        // then it loads, and a veto gives 不称职
        assertThat(rubric.manifest().grades()).hasSize(3);
        Evaluation e = rubric.evaluate(Subject.of("D1", null, rubric.newFact("Violation", java.util.Map.of(
                "id", "V-1", "kind", "PARTY_DISCIPLINE", "date", "2026-03-01", "description", "x", "unitResponsible", true))));
        assertThat(e.grade()).isEqualTo("不称职");
    }

    @Test
    void aBandNothingCanGiveIsStillAnErrorNamingWhatWasTried(@TempDir Path dir) {
        // given the same bands with no rule that vetoes
        RubricFolder folder = RubricFolder.at(dir).manifest(QUOTA_BANDS).file("work.drl", NO_VETO_RULE);

        // when / then only 不称职 is reported: 称职 is reachable through the quota of 优秀
        assertThatThrownBy(folder::load).isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("has 1 problem:")
                .hasMessageContaining("rubric.yaml:8:5: grade [不称职] can never be given: the grades before it already match every total"
                        + " from 0 to 100; and no quota of the grade above it, no veto effect (fail gives the lowest grade, cap:<grade> names one)"
                        + " and no score.limitGrade call gives it");
    }

    @Test
    void aBandNamedByALimitGradeCallIsValid(@TempDir Path dir) {
        // given
        RubricFolder folder = RubricFolder.at(dir).manifest(QUOTA_BANDS).file("work.drl", NO_VETO_RULE + """
                rule "G1 limit" @id("G1") agenda-group "grading"
                when
                  dev.rubric.api.TotalScore( score < 60 )
                then
                  score.limitGrade("不称职", "below 60");
                end
                """);

        // when / then
        assertThat(folder.load().manifest().grades()).extracting(Manifest.GradeBand::id).containsExactly("优秀", "称职", "不称职");
    }

    @Test
    void aBandNamedByACapEffectIsValid(@TempDir Path dir) {
        // given the veto rule's effect caps at 不称职
        RubricFolder folder = RubricFolder.at(dir).manifest(QUOTA_BANDS + "veto: { effect: \"cap:不称职\" }\n").file("work.drl", VETO_RULE);

        // when / then
        assertThat(folder.load().manifest().vetoEffect()).hasToString("cap:不称职");
    }

    @Test
    void languageChoosesTheWordingWhateverTheNamesAreWrittenIn(@TempDir Path dir) {
        // given a Chinese-named rubric that asks for English explanations, and a category that clamps
        RubricFolder folder = RubricFolder.at(dir).manifest("""
                id: t
                name: 党群部门效能考评
                language: en
                categories:
                  - { id: work, name: 工作实绩, max: 1 }
                """).file("work.drl", """
                package t;
                global dev.rubric.api.ScoreSheet score;
                rule "W1 always" @id("W1") @category("work")
                when
                then
                  score.deduct(3, "three");
                end
                """);

        // when
        Rubric rubric = folder.load();
        Evaluation e = rubric.evaluate(Subject.of("D1", null));

        // then
        assertThat(rubric.manifest().language()).isEqualTo(Manifest.Language.EN);
        assertThat(e.items()).filteredOn(i -> i.kind() == ItemKind.CAP).singleElement()
                .satisfies(i -> assertThat(i.reason()).startsWith("category [工作实绩] cannot go below 0"));
    }

    @Test
    void languageDefaultsToChineseWhenTheNameHasHanCharacters() {
        // when
        ManifestReader.Result zh = ManifestReader.read("id: t\nname: 考评\ncategories: [{ id: a, max: 1 }]\n".getBytes());
        ManifestReader.Result en = ManifestReader.read("id: t\nname: Review\ncategories: [{ id: a, max: 1 }]\n".getBytes());

        // then
        assertThat(zh.manifest().language()).isEqualTo(Manifest.Language.ZH);
        assertThat(en.manifest().language()).isEqualTo(Manifest.Language.EN);
    }

    @Test
    void rankingAndPeriodAreRead() {
        // when
        ManifestReader.Result read = ManifestReader.read("""
                id: t
                categories: [{ id: a, max: 1 }, { id: b, max: 1 }]
                ranking: { vetoed: last, tieBreak: [b, a] }
                period: required
                """.getBytes());

        // then
        assertThat(read.problems()).isEmpty();
        assertThat(read.manifest().ranking()).isEqualTo(new Manifest.Ranking(Manifest.VetoedRank.LAST, List.of("b", "a")));
        assertThat(read.manifest().periodRequired()).isTrue();
    }

    @Test
    void badLanguageRankingAndPeriodValuesAreNamedWithTheirLines() {
        // when
        ManifestReader.Result read = ManifestReader.read("""
                id: t
                categories: [{ id: targets, max: 1 }]
                language: cn
                ranking: { vetoed: first, tieBreak: [target], order: x }
                period: yearly
                """.getBytes());

        // then
        assertThat(read.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "rubric.yaml:3:11: language must be zh (Chinese) or en (English), found [cn]",
                "rubric.yaml:4:47: unknown key [order] in ranking; allowed keys are [tieBreak, vetoed]",
                "rubric.yaml:4:20: ranking.vetoed must be by-total or last, found [first]",
                "rubric.yaml:4:38: ranking.tieBreak names category [target], which is not one of the categories [targets] (did you mean [targets]?)",
                "rubric.yaml:5:9: period must be [required] when given (the rubric is then only evaluated for a named period), found [yearly];"
                        + " leave the key out to allow evaluating without a period");
    }
}

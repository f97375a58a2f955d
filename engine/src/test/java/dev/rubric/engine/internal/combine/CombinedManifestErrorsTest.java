package dev.rubric.engine.internal.combine;

import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.Problem;
import dev.rubric.engine.RubricFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every mistake in a combined rubric, reported at its file and line with what to do. */
class CombinedManifestErrorsTest {

    private static final String PART = "id: part\nname: 平时考核\ncategories: [{ id: work, name: 日常工作, max: 10 }]\n";

    /** A combined rubric of the given manifest, with a valid part in folder {@code quarterly}. */
    private static RubricFolder folder(Path dir, String manifest) {
        return RubricFolder.at(dir).manifest(manifest)
                .file("quarterly/rubric.yaml", PART)
                .file("quarterly/r.drl", CombinedRubricTest.PART_RULES);
    }

    private static List<String> problems(RubricFolder folder) {
        InvalidRubricException e = catchThrowableOfType(folder::load, InvalidRubricException.class);
        assertThat(e).as("the rubric is refused").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static String manifest(String part) {
        return "id: annual\nname: 年度综合考评\nparts:\n  - " + part + "\n";
    }

    @Test
    void aValidCombinedRubricLoads(@TempDir Path dir) {
        assertThat(folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: 0.3 }")).load().manifest().categories())
                .singleElement().satisfies(c -> assertThat(c.id()).isEqualTo("q/work"));
    }

    @Test
    void aPartFolderThatHoldsNoRubricIsNamedAtItsLine(@TempDir Path dir) {
        assertThat(problems(folder(dir, manifest("{ id: q, rubric: quartely, period: quarter, weight: 0.3 }"))))
                .containsExactly("rubric.yaml:4: part [q] names rubric folder [quartely], which holds no rubric.yaml in [" + dir
                        + "]; give the folder of the part's rubric, relative to this manifest");
    }

    @Test
    void aPartFolderOutsideTheRubricIsRefused(@TempDir Path dir) {
        assertThat(problems(folder(dir, manifest("{ id: q, rubric: ../elsewhere, period: quarter, weight: 0.3 }"))))
                .containsExactly("rubric.yaml:4:22: rubric [../elsewhere] of part [q] is outside the combined rubric's folder; "
                        + "give the part's folder inside it, such as rubric: quarterly");
    }

    @Test
    void aWeightThatIsNotPositiveIsRefused(@TempDir Path dir) {
        assertThat(problems(folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: 0 }"))))
                .containsExactly("rubric.yaml:4:58: weight of part [q] is 0; a weight must be positive, such as 0.3 "
                        + "(a part that should not count is left out)");
        assertThat(problems(folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: -0.5 }"))))
                .containsExactly("rubric.yaml:4:58: weight of part [q] is -0.5; a weight must be positive, such as 0.3 "
                        + "(a part that should not count is left out)");
    }

    @Test
    void aPartWithoutAWeightIsRefused(@TempDir Path dir) {
        assertThat(problems(folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter }"))))
                .containsExactly("rubric.yaml:4:5: part [q] has no weight; give what its score is multiplied by, such as weight: 0.3");
    }

    @Test
    void anUnknownPeriodKindIsRefusedWithASuggestion(@TempDir Path dir) {
        assertThat(problems(folder(dir, manifest("{ id: q, rubric: quarterly, period: quater, weight: 0.3 }"))))
                .containsExactly("rubric.yaml:4:41: period of part [q] must be quarter, half or year, found [quater] (did you mean [quarter]?)");
    }

    @Test
    void anUnknownAggregateIsRefused(@TempDir Path dir) {
        assertThat(problems(folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, aggregate: average, weight: 0.3 }"))))
                .containsExactly("rubric.yaml:4:61: aggregate of part [q] must be mean, sum or last, found [average]");
    }

    @Test
    void aPartScoredOverALongerPeriodThanTheRubricCoversIsRefused(@TempDir Path dir) {
        assertThat(problems(folder(dir, "id: annual\nperiod: half\nparts:\n  - { id: y, rubric: quarterly, period: year, weight: 1 }\n")))
                .containsExactly("rubric.yaml:4:41: part [y] is scored over a year, which does not fit in a half-year, the period the combined "
                        + "rubric covers (period: half on line 2); score the part over a shorter period, or let the rubric cover a longer one");
    }

    @Test
    void anUnknownKindOfCombinedPeriodIsRefused(@TempDir Path dir) {
        assertThat(problems(folder(dir, "id: annual\nperiod: required\nparts:\n  - { id: q, rubric: quarterly, period: quarter, weight: 1 }\n")))
                .containsExactly("rubric.yaml:2:9: period of a combined rubric must be year, half or quarter (the kind of period its "
                        + "result covers; it is always evaluated for one), found [required]");
    }

    @Test
    void aPartWhoseOwnManifestIsInvalidIsReportedInItsFileAndLine(@TempDir Path dir) {
        RubricFolder f = folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: 0.3 }"))
                .file("quarterly/rubric.yaml", "id: part\ncategories: [{ id: work, max: 10, mode: spend }]\n");
        assertThat(problems(f)).containsExactly(
                "quarterly/rubric.yaml:2:41: in part [q] (rubric.yaml:4): mode must be deduct or earn, found the text \"spend\"");
    }

    @Test
    void aPartWhoseRuleFileIsBrokenIsReportedInItsFile(@TempDir Path dir) {
        RubricFolder f = folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: 0.3 }"))
                .file("quarterly/r.drl", CombinedRubricTest.PART_RULES.replace("@category(\"work\")", "@category(\"wrok\")"));
        assertThat(problems(f)).singleElement().asString().startsWith("quarterly/r.drl:16:1: ").contains("in part [q] (rubric.yaml:4): ")
                .contains("rule [L1 迟报] has @category(\"wrok\"), which the manifest does not have");
    }

    @Test
    void aCombinedRubricHasNoRulesCategoriesOrVetoOfItsOwn(@TempDir Path dir) {
        String yaml = """
                id: annual
                rules: [a.drl]
                categories: [{ id: a, max: 1 }]
                veto: { effect: zero }
                parts:
                  - { id: q, rubric: quarterly, period: quarter, weight: 1 }
                """;
        assertThat(problems(folder(dir, yaml))).containsExactly(
                "rubric.yaml:2:1: a combined rubric (one with parts) has no [rules] of its own: its rules are its parts' rules; put rule files in a part's folder",
                "rubric.yaml:3:1: a combined rubric (one with parts) has no [categories] of its own: its categories are its parts' categories, weighted; remove the key",
                "rubric.yaml:4:1: a combined rubric (one with parts) has no [veto] of its own: each veto keeps the effect its part gives it; "
                        + "set veto.effect in the part's manifest");
    }

    @Test
    void partIdsAreUniqueAndKeysKnown(@TempDir Path dir) {
        String yaml = """
                id: annual
                parts:
                  - { id: q, rubric: quarterly, period: quarter, weight: 1 }
                  - { id: q, rubric: quarterly, period: quarter, weigth: 1 }
                """;
        assertThat(problems(folder(dir, yaml))).containsExactly(
                "rubric.yaml:4:5: part [?] has no weight; give what its score is multiplied by, such as weight: 0.3",
                "rubric.yaml:4:11: part id [q] is used twice (first on line 3); part ids must be unique",
                "rubric.yaml:4:50: unknown key [weigth] in a part (did you mean [weight]?); allowed keys are [aggregate, id, name, period, rubric, weight]");
    }

    @Test
    void aPartWithGradesTheCombinedRubricDoesNotHaveIsRefused(@TempDir Path dir) {
        RubricFolder f = folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: 0.3 }") + "grades: [{ id: 合格 }]\n")
                .file("quarterly/rubric.yaml", PART + "grades: [{ id: 良好, min: 8 }, { id: 合格 }]\n");
        assertThat(problems(f)).containsExactly("rubric.yaml:4: part [q] has grades [良好] that this rubric's grades [合格] do not have: "
                + "a veto or grade limit of the part that gives one would mean nothing here; give this rubric the part's grades, "
                + "or give the part this rubric's grades or none");
    }

    @Test
    void aTieBreakNamesACategoryOfAPart(@TempDir Path dir) {
        RubricFolder f = folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: 0.3 }") + "ranking: { tieBreak: [work] }\n");
        assertThat(problems(f)).containsExactly("rubric.yaml:5: ranking.tieBreak names category [work], which is not one of the "
                + "categories of the parts [q/work]; a combined rubric's categories are named part/category");
    }

    @Test
    void aPartCannotItselfBeCombined(@TempDir Path dir) {
        RubricFolder f = folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: 0.3 }"))
                .file("quarterly/rubric.yaml", "id: part\nparts: [{ id: x, rubric: inner, period: quarter, weight: 1 }]\n");
        assertThat(problems(f)).containsExactly("quarterly/rubric.yaml: in part [q] (rubric.yaml:4): this rubric has parts, and a part of a "
                + "combined rubric must be a rubric of rule files; name these parts in the combined rubric itself");
    }

    @Test
    void aGradeNoTotalOfTheWeightedPartsReachesIsRefused(@TempDir Path dir) {
        // the part scores at most 10 × 0.3 = 3 points
        RubricFolder f = folder(dir, manifest("{ id: q, rubric: quarterly, period: quarter, weight: 0.3 }")
                + "grades: [{ id: 优秀, min: 5 }, { id: 合格 }]\n");
        assertThat(problems(f)).singleElement().asString()
                .startsWith("rubric.yaml:5:10: grade [优秀] can never be given: totals of this rubric lie between 0 and 3, outside its bounds");
    }
}

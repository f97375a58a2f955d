package dev.rubric.engine.internal.manifest;

import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.Manifest;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubrics;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.RubricFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract §2: what a valid manifest means, and every mistake in one reported as a person reads it,
 * {@code rubric.yaml:LINE:COLUMN: message}.
 */
class ManifestErrorsTest {

    private static final String NOTHING_ELSE = "; and no quota of the grade above it, no veto effect (fail gives the lowest grade,"
            + " cap:<grade> names one) and no score.limitGrade call gives it";

    private static ManifestReader.Result read(String yaml) {
        return ManifestReader.read(yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** The problems as a person sees them, those of grade bands included, for rules that give no grade. */
    private static List<String> problems(String yaml) {
        ManifestReader.Result read = read(yaml);
        List<Problem> all = new java.util.ArrayList<>(read.problems());
        all.addAll(read.unreachableGrades(GradeGivers.NONE));
        return all.stream().map(Problem::toString).toList();
    }

    @Test
    void aManifestInTheContractsExampleFormIsRead() {
        // given the manifest of contract §2, with a third category so that totals can reach its grades
        // (the contract's abridged example has 35 points in all, which leaves 优秀, 良好 and 合格 unreachable)
        String yaml = """
                id: party-mass-efficiency          # required, [a-z0-9-]+
                name: 党群部门效能考评
                version: "2026.1"
                rules: [targets.drl, veto.drl]
                categories:
                  - id: targets
                    name: 目标任务
                    max: 30
                    min: 0
                    mode: deduct
                  - id: bonus
                    name: 加分项
                    max: 5
                    mode: earn
                  - id: systems
                    name: 制度建设
                    max: 70
                veto:
                  effect: fail
                better: higher
                grades:
                  - { id: 优秀, min: 90, quota: 0.2 }
                  - { id: 良好, min: 80 }
                  - { id: 合格, min: 60 }
                  - { id: 不合格 }
                """;

        // when
        ManifestReader.Result result = read(yaml);

        // then
        assertThat(result.problems()).isEmpty();
        Manifest m = result.manifest();
        assertThat(m.id()).isEqualTo("party-mass-efficiency");
        assertThat(m.version()).isEqualTo("2026.1");
        assertThat(m.rules()).containsExactly("targets.drl", "veto.drl");
        assertThat(m.categories()).extracting(Manifest.Category::id).containsExactly("targets", "bonus", "systems");
        assertThat(m.categories().get(1).mode()).isEqualTo(Manifest.Mode.EARN);
        assertThat(m.vetoEffect()).isEqualTo(new VetoEffect.Fail());
        assertThat(m.better()).isEqualTo(Manifest.Better.HIGHER);
        assertThat(m.grades()).extracting(Manifest.GradeBand::id).containsExactly("优秀", "良好", "合格", "不合格");
        assertThat(m.grades().get(0).quota()).isEqualByComparingTo("0.2");
        assertThat(m.base()).isEqualByComparingTo("100");
    }

    @Test
    void defaultsAreMinZeroModeDeductVetoFailAndBetterHigher() {
        // when
        Manifest m = read("id: t\ncategories:\n  - id: a\n    max: 10\n").manifest();

        // then
        Manifest.Category a = m.categories().get(0);
        assertThat(a.min()).isEqualByComparingTo("0");
        assertThat(a.mode()).isEqualTo(Manifest.Mode.DEDUCT);
        assertThat(a.name()).isEqualTo("a");
        assertThat(m.vetoEffect()).isEqualTo(new VetoEffect.Fail());
        assertThat(m.better()).isEqualTo(Manifest.Better.HIGHER);
        assertThat(m.grades()).isEmpty();
    }

    @Test
    void numbersAreExactDecimals() {
        // when
        Manifest m = read("id: t\ncategories:\n  - id: a\n    max: 0.1\n  - id: b\n    max: 0.2\n").manifest();

        // then
        assertThat(m.base()).isEqualTo(new java.math.BigDecimal("0.3"));
    }

    @Test
    void anUnknownKeyIsReportedWhereItIsWrittenWithASuggestion() {
        // when
        List<String> problems = problems("""
                id: t
                verison: "1"
                categories:
                  - id: a
                    max: 10
                """);

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("rubric.yaml:2:1: unknown key [verison] in the manifest (did you mean [version]?)")
                .contains("allowed keys are");
    }

    @Test
    void anUnknownKeyInsideACategoryIsReportedToo() {
        // when
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    max: 10
                    mdoe: earn
                """);

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("rubric.yaml:5:5: unknown key [mdoe] in a category (did you mean [mode]?)");
    }

    @Test
    void aCategoryWithoutMaxIsAnError() {
        // when
        List<String> problems = problems("""
                id: t
                categories:
                  - id: targets
                    name: 目标任务
                  - id: b
                    max: 5
                """);

        // then
        assertThat(problems).containsExactly("rubric.yaml:3:5: category [targets] has no max; give its full marks, such as max: 30");
    }

    @Test
    void aManifestWithoutCategoriesIsAnError() {
        // when
        List<String> problems = problems("id: t\nname: x\n");

        // then
        assertThat(problems).singleElement().asString().startsWith("rubric.yaml:1:1: the manifest has no categories");
    }

    @Test
    void aBandShadowedByEarlierBandsCanNeverMatch() {
        // when 良好 (≥ 80) comes after 合格 (≥ 60), which already takes every total from 60
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    max: 100
                grades:
                  - { id: 优秀, min: 90 }
                  - { id: 合格, min: 60 }
                  - { id: 良好, min: 80 }
                  - { id: 不合格 }
                """);

        // then
        assertThat(problems).containsExactly(
                "rubric.yaml:8:5: grade [良好] can never be given: the grades before it already match every total from 80 to 100"
                        + NOTHING_ELSE);
    }

    @Test
    void aBandBehindAnUnboundedBandCanNeverMatch() {
        // when
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    max: 100
                grades:
                  - { id: pass }
                  - { id: fail, max: 59 }
                """);

        // then
        assertThat(problems).singleElement().asString().startsWith("rubric.yaml:7:5: grade [fail] can never be given");
    }

    @Test
    void aBandOutsideTheReachableRangeCanNeverMatch() {
        // given totals lie in [0, 30 + 5]
        String yaml = """
                id: t
                categories:
                  - id: a
                    max: 30
                  - id: bonus
                    max: 5
                    mode: earn
                grades:
                  - { id: A, min: 90 }
                  - { id: B }
                """;

        // when
        List<String> problems = problems(yaml);

        // then
        assertThat(problems).containsExactly(
                "rubric.yaml:9:5: grade [A] can never be given: totals of this rubric lie between 0 and 35, outside its bounds"
                        + NOTHING_ELSE);
    }

    @Test
    void bandsCoveringTheRangeTogetherLeaveNoneUnreachable() {
        // when bands meet exactly at inclusive bounds and the last one catches the rest
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    min: -10
                    max: 100
                grades:
                  - { id: A, min: 90, max: 100 }
                  - { id: B, min: 0, max: 90 }
                  - { id: C }
                """);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void aCategoryWithoutMaxDoesNotMakeBandsLookUnreachable() {
        // when the range of totals is unknown because a category has no max
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    max: 10
                  - id: b
                grades:
                  - { id: A, min: 90 }
                  - { id: B }
                """);

        // then only the missing max is reported
        assertThat(problems).singleElement().asString().startsWith("rubric.yaml:5:5: category [b] has no max");
    }

    @Test
    void aVetoEffectNamingNoGradeIsAnError() {
        // when
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    max: 100
                veto:
                  effect: cap:良
                grades:
                  - { id: 良好, min: 60 }
                  - { id: 不合格 }
                """);

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("rubric.yaml:6:11: veto effect [cap:良] names grade [良], which is not one of the grades [良好, 不合格]");
    }

    @Test
    void aVetoEffectThatIsNoEffectIsAnError() {
        // when
        List<String> problems = problems("id: t\ncategories:\n  - id: a\n    max: 1\nveto:\n  effect: fial\n");

        // then
        assertThat(problems).containsExactly("rubric.yaml:6:11: veto effect [fial] is not one of fail, zero, none, cap:<grade>");
    }

    @Test
    void aVetoEffectOfTheManifestIsRead() {
        // when
        Manifest m = read("id: t\ncategories:\n  - id: a\n    max: 1\nveto:\n  effect: cap:B\ngrades:\n  - { id: A, min: 1 }\n  - { id: B }\n")
                .manifest();

        // then
        assertThat(m.vetoEffect()).isEqualTo(new VetoEffect.Cap("B"));
    }

    @Test
    void aQuotaAboveOneIsAnError() {
        // when
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    max: 100
                grades:
                  - { id: A, min: 90, quota: 1.5 }
                  - { id: B }
                """);

        // then
        assertThat(problems).containsExactly(
                "rubric.yaml:6:30: quota of grade [A] is 1.5; a quota is a share of the cohort between 0 and 1, such as 0.2 for 20%");
    }

    @Test
    void aQuotaOnTheLowestGradeIsAnError() {
        // when
        List<String> problems = problems("id: t\ncategories:\n  - id: a\n    max: 100\ngrades:\n  - { id: A, min: 90 }\n  - { id: B, quota: 0.5 }\n");

        // then
        assertThat(problems).singleElement().asString().startsWith("rubric.yaml:7:5: the lowest grade [B] has a quota");
    }

    @Test
    void aVersionGivenAsANumberMustBeQuoted() {
        // when
        List<String> problems = problems("id: t\nversion: 2026.1\ncategories:\n  - id: a\n    max: 10\n");

        // then
        assertThat(problems).containsExactly("rubric.yaml:2:10: [version] must be text, found the number 2026.1; quote it: version: \"2026.1\"");
    }

    @Test
    void anIdOutsideLowercaseLettersDigitsAndDashesIsAnError() {
        // when
        List<String> problems = problems("id: Party_Mass\ncategories:\n  - id: a\n    max: 10\n");

        // then
        assertThat(problems).singleElement().asString().startsWith("rubric.yaml:1:5: id [Party_Mass] must use only lowercase letters");
    }

    @Test
    void aKeyGivenTwiceIsReportedWithTheFirstLine() {
        // when
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    max: 100
                    max: 50
                id: u
                """);

        // then
        assertThat(problems).containsExactly(
                "rubric.yaml:5:5: key [max] is given twice (first on line 4); keep one",
                "rubric.yaml:6:1: key [id] is given twice (first on line 1); keep one");
    }

    @Test
    void categoryAndGradeIdsMustBeUnique() {
        // when
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                    max: 10
                  - id: a
                    max: 10
                grades:
                  - { id: A, min: 15 }
                  - { id: A }
                """);

        // then
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:5:9: category id [a] is used twice (first on line 3)"))
                .anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:9:11: grade [A] is listed twice (first on line 8)"));
    }

    @Test
    void invalidYamlIsReportedOnOneLineAtItsPlace() {
        // when a key is indented wrongly
        List<String> problems = problems("""
                id: t
                categories:
                  - id: a
                   max: 100
                """);

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("rubric.yaml:4:4: the manifest is not valid YAML: ")
                .doesNotContain("\n");
    }

    @Test
    void aManifestThatIsNotAMappingIsAnError() {
        // when
        List<String> problems = problems("- id: t\n");

        // then
        assertThat(problems).singleElement().asString().startsWith("rubric.yaml:1:1: the manifest must be a mapping");
    }

    @Test
    void everyProblemOfAManifestIsReportedTogether() {
        // given a manifest with seven different mistakes
        String yaml = """
                id: t
                verison: "1"
                version: 2
                categories:
                  - id: a
                    max: 100
                  - id: b
                    nmae: B
                    max: 5
                veto:
                  effect: cap:Z
                grades:
                  - { id: A, min: 60, quota: 1.5 }
                  - { id: B, min: 70 }
                  - { id: C, min: 500 }
                  - { id: D }
                """;

        // when
        List<String> problems = problems(yaml);

        // then
        assertThat(problems).hasSize(7)
                .anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:2:1: unknown key [verison]"))
                .anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:3:10: [version] must be text"))
                .anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:8:5: unknown key [nmae] in a category (did you mean [name]?)"))
                .anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:11:11: veto effect [cap:Z]"))
                .anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:13:30: quota of grade [A] is 1.5"))
                .anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:14:5: grade [B] can never be given"))
                .anySatisfy(p -> assertThat(p).startsWith("rubric.yaml:15:5: grade [C] can never be given"));
    }

    @Test
    void theLoaderReportsManifestProblemsWithTheFileAndLine(@TempDir Path dir) {
        // given a rubric folder whose manifest has a typo
        RubricFolder folder = RubricFolder.at(dir).manifest("id: t\ncategories:\n  - id: a\n    max: 10\n    mni: 0\n")
                .file("a.drl", "package t;\n");

        // when / then
        assertThatThrownBy(folder::load)
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("has 1 problem:")
                .hasMessageContaining("rubric.yaml:5:5: unknown key [mni] in a category (did you mean [min]?)");
    }

    @Test
    void aClasspathRubricThatIsNotThereIsNamed() {
        // when / then
        assertThatThrownBy(() -> Rubrics.load("classpath:rubrics/no-such-rubric"))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("no rubric.yaml found on the classpath under [rubrics/no-such-rubric]");
    }

    @Test
    void aFolderWithoutManifestIsNoRubric(@TempDir Path dir) {
        // given
        RubricFolder folder = RubricFolder.at(dir).file("a.drl", "package t;\n");

        // when / then
        assertThatThrownBy(folder::load).isInstanceOf(InvalidRubricException.class).hasMessageContaining("no rubric.yaml");
    }
}

package dev.rubric.engine.internal.compile;

import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.RubricFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Contract §3: what a rule file may say, and each mistake a rubric author makes reported with its
 * {@code file:line} in words the author understands, all of a rubric's mistakes at once.
 */
class RuleFileErrorsTest {

    private static final String MANIFEST = """
            id: t
            categories:
              - id: hygiene
                max: 25
              - id: bonus
                max: 5
                mode: earn
            grades:
              - { id: A, min: 20 }
              - { id: B }
            """;

    /** Eight lines: rule files below start their first rule on line 9. */
    private static final String HEAD = """
            package t;
            import dev.rubric.api.CategoryScore;
            global dev.rubric.api.ScoreSheet score;
            declare Inspection
              id : String
              hygiene : int
              structural : int
            end
            """;

    @TempDir
    Path dir;

    private RubricFolder rubric(String drl) {
        return RubricFolder.at(dir).manifest(MANIFEST).file("r.drl", HEAD + drl);
    }

    /** The problems of a rubric whose one rule file is {@link #HEAD} and the given rules, as a person reads them. */
    private List<String> problemsOf(String drl) {
        return problemsOf(rubric(drl));
    }

    private static List<String> problemsOf(RubricFolder folder) {
        InvalidRubricException e = catchThrowableOfType(InvalidRubricException.class, folder::loadTrusted); // the compiler's own messages
        assertThat(e).as("the rubric should not load").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aValidRubricIndexesEveryRuleWithItsMetadataAndPlace() {
        // given
        RubricFolder folder = rubric("""
                rule "H1 dirty floor"
                  @id("H1") @category("hygiene") @max(2.5)
                when
                  Inspection( hygiene > 0 )
                then
                  score.deduct(1, "dirty floor");
                end

                rule "V1 no licence"
                  @effect("cap:B")
                when
                  Inspection( structural < 0 )
                then
                  score.veto("no licence");
                end

                rule "G1 weak hygiene"
                  @id("G1")
                  agenda-group "grading"
                when
                  CategoryScore( id == "hygiene", score < 10 )
                then
                  score.limitGrade("B", "hygiene below 10");
                end
                """);

        // when
        Rubric rubric = folder.load();

        // then rules are listed in file order; a rule without @id is known by its name
        List<RubricRule> rules = rubric.rules();
        assertThat(rules).extracting(RubricRule::id).containsExactly("H1", "V1 no licence", "G1");
        RubricRule h1 = rules.get(0);
        assertThat(h1.name()).isEqualTo("H1 dirty floor");
        assertThat(h1.category()).isEqualTo("hygiene");
        assertThat(h1.max()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(h1.grading()).isFalse();
        assertThat(h1.source()).isEqualTo("r.drl:9");
        assertThat(rules.get(1).effect()).isEqualTo(new VetoEffect.Cap("B"));
        assertThat(rules.get(1).source()).isEqualTo("r.drl:17");
        assertThat(rules.get(2).grading()).isTrue();
    }

    @Test
    void aSyntaxErrorIsReportedWithItsFileLineAndColumn() {
        // when the constraint on line 11 lacks its right-hand side
        List<String> problems = problemsOf("""
                rule "X" @id("X") @category("hygiene")
                when
                  $i : Inspection( hygiene > )
                then
                  score.deduct(1, "x");
                end
                """);

        // then one problem, at the closing parenthesis
        assertThat(problems).containsExactly("r.drl:11:30: syntax error: no viable alternative at input ')' in rule \"X\"");
    }

    @Test
    void anUnknownFactTypeInAPatternIsReportedAtItsLine() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("X") @category("hygiene")
                when
                  $i : Inspectoin( hygiene > 0 )
                then
                  score.deduct(1, "x");
                end
                """);

        // then
        assertThat(problems).singleElement().asString().startsWith("r.drl:11:").contains("unknown fact type [Inspectoin] (did you mean [Inspection]?): declare it in the rubric");
    }

    @Test
    void anUnknownImportedClassIsReportedAtItsImportOnce() {
        // given a file importing a class the fact model does not have
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("r.drl", """
                package t;
                global dev.rubric.api.ScoreSheet score;

                import dev.rubric.model.TargetTsak;

                rule "X" @id("X") @category("hygiene")
                when
                  TargetTsak()
                then
                  score.deduct(1, "x");
                end
                """);

        // when
        List<String> problems = problemsOf(folder);

        // then the import is named at its own line, once, and the pattern using the class at its own
        assertThat(problems).containsExactly(
                "r.drl:4:1: unknown class [dev.rubric.model.TargetTsak] in an import: check its package and spelling "
                        + "(the department fact model is dev.rubric.model), or declare the type in the rubric instead (declare ... end)",
                "r.drl:8:3: unknown fact type [TargetTsak] (did you mean [TargetTask]?): declare it in the rubric (declare TargetTsak ... end), import its class, "
                        + "or use a type of the department fact model (dev.rubric.model)");
    }

    @Test
    void anUnknownPropertyInAConstraintIsReported() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("X") @category("hygiene")
                when
                  $i : Inspection( hygeine > 0 )
                then
                  score.deduct(1, "x");
                end
                """);

        // then
        assertThat(problems).containsExactly("r.drl:11: unknown property [hygeine] of [Inspection]: check the spelling against the type's properties");
    }

    @Test
    void aRuleThatDeductsWithoutCategoryIsAnError() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("X")
                when
                  $i : Inspection( hygiene > 0 )
                then
                  score.deduct(1, "x");
                end
                """);

        // then
        assertThat(problems).containsExactly(
                "r.drl:9:1: rule [X] calls score.deduct or score.add but has no @category; add @category(\"…\") naming one of [hygiene, bonus]");
    }

    @Test
    void aRuleThatOnlyVetoesNeedsNoCategory() {
        // when
        Rubric rubric = rubric("""
                rule "V1"
                when
                  Inspection( structural < 0 )
                then
                  score.veto("closed");
                end
                """).load();

        // then
        assertThat(rubric.rules()).singleElement().satisfies(r -> assertThat(r.category()).isNull());
    }

    @Test
    void anUnknownCategoryIsAnErrorWithASuggestion() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("X") @category("hygeine")
                when
                  $i : Inspection( hygiene > 0 )
                then
                  score.deduct(1, "x");
                end
                """);

        // then
        assertThat(problems).containsExactly("r.drl:9:1: rule [X] has @category(\"hygeine\"), which the manifest does not have; "
                + "its categories are [hygiene, bonus] (did you mean [hygiene]?)");
    }

    @Test
    void aDuplicateIdIsAnErrorNamingTheFirstUse() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("H1") @category("hygiene")
                when
                  Inspection( hygiene > 0 )
                then
                  score.deduct(1, "x");
                end
                rule "Y" @id("H1") @category("hygiene")
                when
                  Inspection( hygiene > 1 )
                then
                  score.deduct(1, "y");
                end
                """);

        // then
        assertThat(problems).containsExactly(
                "r.drl:15:1: rule [Y] has @id(\"H1\"), already used by rule [X] at r.drl:9; every rule's id must be unique");
    }

    @Test
    void idsAreUniqueAcrossFiles() {
        // given two files each with a rule of id H1
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST)
                .file("a.drl", HEAD + "rule \"X\" @id(\"H1\") @category(\"hygiene\")\nwhen\n  Inspection()\nthen\n  score.deduct(1, \"x\");\nend\n")
                .file("b.drl", "package t;\nglobal dev.rubric.api.ScoreSheet score;\n"
                        + "rule \"Y\" @id(\"H1\") @category(\"hygiene\")\nwhen\n  Inspection()\nthen\n  score.deduct(1, \"y\");\nend\n");

        // when
        List<String> problems = problemsOf(folder);

        // then
        assertThat(problems).containsExactly(
                "b.drl:3:1: rule [Y] has @id(\"H1\"), already used by rule [X] at a.drl:9; every rule's id must be unique");
    }

    @Test
    void aMaxThatIsNotANumberIsAnError() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("X") @category("hygiene") @max("two")
                when
                  Inspection( hygiene > 0 )
                then
                  score.deduct(1, "x");
                end
                """);

        // then
        assertThat(problems).containsExactly(
                "r.drl:9:1: rule [X] has @max(two), which is not a number; write the most points the rule may move, such as @max(2)");
    }

    @Test
    void aMaxThatIsNotPositiveIsAnError() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("X") @category("hygiene") @max(0)
                when
                  Inspection( hygiene > 0 )
                then
                  score.deduct(1, "x");
                end
                """);

        // then
        assertThat(problems).singleElement().asString().startsWith("r.drl:9:1: rule [X] has @max(0); the most points a rule may move must be a positive number");
    }

    @Test
    void deductingInTheGradingPhaseIsAnErrorNamingTheRule() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("G1") @category("hygiene")
                  agenda-group "grading"
                when
                  CategoryScore( id == "hygiene", score < 5 )
                then
                  score.deduct(1, "x");
                end
                """);

        // then
        assertThat(problems).containsExactly("r.drl:13: rule [X] calls score.deduct in the grading phase; grading rules may only call "
                + "score.veto and score.limitGrade. Move the rule out of agenda-group \"grading\"");
    }

    @Test
    void addingInTheGradingPhaseIsAnErrorToo() {
        // when
        List<String> problems = problemsOf("""
                rule "X" @id("G1") @category("bonus")
                  agenda-group "grading"
                when
                  CategoryScore( id == "hygiene", score > 20 )
                then
                  score.add(1, "x");
                end
                """);

        // then
        assertThat(problems).singleElement().asString().startsWith("r.drl:13: rule [X] calls score.add in the grading phase");
    }

    @Test
    void limitingToAGradeTheManifestLacksIsAnError() {
        // when
        List<String> problems = problemsOf("""
                rule "G1"
                  agenda-group "grading"
                when
                  CategoryScore( id == "hygiene", score < 5 )
                then
                  score.limitGrade("C", "weak hygiene");
                end
                """);

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("r.drl:13: rule [G1] calls score.limitGrade(\"C\"), but the manifest has no such grade; its grades are [A, B]");
    }

    @Test
    void aVetoEffectNamingAGradeTheManifestLacksIsAnError() {
        // when
        List<String> problems = problemsOf("""
                rule "V1" @effect("cap:AA")
                when
                  Inspection( structural < 0 )
                then
                  score.veto("closed");
                end
                """);

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("r.drl:9:1: rule [V1] has @effect(\"cap:AA\") naming grade [AA], which the manifest does not have")
                .endsWith("(did you mean [A]?)");
    }

    @Test
    void aFileCallingTheScoreSheetMustDeclareIt() {
        // given a file without the global
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("r.drl", """
                package t;
                declare Inspection
                  hygiene : int
                end
                rule "X" @id("X") @category("hygiene")
                when
                  Inspection( hygiene > 0 )
                then
                  score.deduct(1, "x");
                end
                """);

        // when
        List<String> problems = problemsOf(folder);

        // then
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .isEqualTo("r.drl:1:1: rules of this file call score.… but the file does not declare the score sheet; "
                        + "add the line: global dev.rubric.api.ScoreSheet score;"));
    }

    @Test
    void aRuleFileListedByTheManifestMustExist() {
        // given
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST + "rules: [r.drl, missing.drl]\n").file("r.drl", HEAD);

        // when
        List<String> problems = problemsOf(folder);

        // then
        assertThat(problems).singleElement().asString().startsWith("rubric.yaml:11:").contains("rule file [missing.drl] listed under rules does not exist");
    }

    @Test
    void everyProblemOfARubricIsReportedTogetherInFileAndLineOrder() {
        // given a manifest mistake, a file of many rule mistakes, and a file with a syntax error
        RubricFolder folder = RubricFolder.at(dir)
                .manifest(MANIFEST.replace("id: t\n", "id: t\nverison: \"1\"\n"))
                .file("a.drl", HEAD + """
                        rule "A" @id("A1")
                        when
                          Inspection( hygiene > 0 )
                        then
                          score.deduct(1, "no category");
                        end
                        rule "B" @id("A1") @category("hygeine") @max("x")
                        when
                          Inspection( hygeine > 0 )
                        then
                          score.deduct(1, "unknown category, duplicate id, bad max, unknown property");
                        end
                        rule "C" @id("C1")
                          agenda-group "grading"
                        when
                          CategoryScore( score < 5 )
                        then
                          score.add(1, "in grading");
                          score.limitGrade("Z", "no such grade");
                        end
                        rule "D" @id("D1") @category("hygiene")
                        when
                          Inspectoin()
                        then
                          score.deduct(1, "unknown type");
                        end
                        """)
                .file("b.drl", "package t;\nrule \"E\"\nwhen\n  Foo(\nthen\nend\n");

        // when
        InvalidRubricException e = catchThrowableOfType(InvalidRubricException.class, folder::loadTrusted); // the compiler's own messages

        // then one exception lists them all, the manifest first, then by file and line
        assertThat(e).isNotNull();
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertThat(problems).satisfiesExactly(
                p -> assertThat(p).startsWith("rubric.yaml:2:1: unknown key [verison]"),
                p -> assertThat(p).startsWith("a.drl:9:1: rule [A] calls score.deduct or score.add but has no @category"),
                p -> assertThat(p).startsWith("a.drl:15:1: rule [B] has @max(x), which is not a number"),
                p -> assertThat(p).startsWith("a.drl:15:1: rule [B] has @category(\"hygeine\"), which the manifest does not have"),
                p -> assertThat(p).startsWith("a.drl:15:1: rule [B] has @id(\"A1\"), already used by rule [A] at a.drl:9"),
                p -> assertThat(p).startsWith("a.drl:17: unknown property [hygeine] of [Inspection]"),
                p -> assertThat(p).startsWith("a.drl:21:1: rule [C] calls score.deduct or score.add but has no @category"),
                p -> assertThat(p).startsWith("a.drl:25: rule [C] calls score.add in the grading phase"),
                p -> assertThat(p).startsWith("a.drl:25: rule [C] calls score.limitGrade(\"Z\"), but the manifest has no such grade"),
                p -> assertThat(p).startsWith("a.drl:31:").contains("unknown fact type [Inspectoin]"),
                p -> assertThat(p).startsWith("b.drl:6:1: syntax error: mismatched input 'end' in rule \"E\""));
        assertThat(problems).noneMatch(p -> p.contains("unknown fact type [Inspection]"));
        assertThat(e.getMessage()).startsWith("rubric [" + dir + "] has 11 problems:\n  rubric.yaml:2:1: unknown key [verison]");
    }

    @Test
    void aRubricWithoutRuleFilesIsAnError() {
        // given
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST);

        // when / then
        assertThatThrownBy(folder::load).isInstanceOf(InvalidRubricException.class).hasMessageContaining("the rubric has no rule files");
    }
}

package dev.rubric.engine.internal.compile;

import dev.rubric.api.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kie.api.builder.Message;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The compilers' messages rewritten in a rubric author's terms, and placed at the line they concern. */
class CompilerMessagesTest {

    private static Message error(String path, int line, int column, String text) {
        return new Message() {
            @Override public long getId() { return 1; }
            @Override public Level getLevel() { return Level.ERROR; }
            @Override public String getPath() { return path; }
            @Override public int getLine() { return line; }
            @Override public int getColumn() { return column; }
            @Override public String getText() { return text; }
        };
    }

    @Nested
    class Wording {

        @Test
        void anUnknownFactTypeSaysHowToDeclareIt() {
            assertThat(CompilerMessages.explain("Unable to resolve ObjectType 'Taks'"))
                    .isEqualTo("unknown fact type [Taks]: declare it in the rubric (declare Taks ... end), import its class, "
                            + "or use a type of the department fact model (dev.rubric.model)");
        }

        @Test
        void aMissingImportSaysToCheckThePackage() {
            assertThat(CompilerMessages.explain("Error importing : 'dev.rubric.model.Taks'"))
                    .isEqualTo("unknown class [dev.rubric.model.Taks] in an import: check its package and spelling (the department "
                            + "fact model is dev.rubric.model), or declare the type in the rubric instead (declare ... end)");
        }

        @Test
        void anUnknownPropertyNamesItAndItsTypeBySimpleName() {
            assertThat(CompilerMessages.explain("Unknown field titel on class dev.rubric.model.TargetTask"))
                    .isEqualTo("unknown property [titel] of [TargetTask]: check the spelling against the type's properties");
        }

        @Test
        void aMissingSemicolonInAConsequenceSaysWhere() {
            assertThat(CompilerMessages.explain("Unable to parse consequence caused by: (line 2,col 5) Parse error. Found \"score\", "
                    + "expected one of \";\" \"}\""))
                    .isEqualTo("the rule's code does not compile: a ; is missing before [score] (line 2 of its then part, column 5)");
        }

        @Test
        void anUndefinedFunctionSaysToDeclareIt() {
            assertThat(CompilerMessages.explain("Rule Compilation error The method late(LocalDate) is undefined for the type Rule_A1"))
                    .isEqualTo("the rule's code does not compile: there is no function [late] taking (LocalDate): declare it in the "
                            + "rubric (function ... late(...) { ... }) or check its name");
        }

        @Test
        void aParserErrorBecomesASyntaxErrorWithoutItsCode() {
            String explained = CompilerMessages.explain("[ERR 102] Line 3:4 mismatched input 'whn' in rule \"A1\"");

            assertThat(explained).isEqualTo("syntax error: mismatched input 'whn' in rule \"A1\"");
            assertThat(CompilerMessages.isSyntaxError(Problem.at("a.drl", 3, 5, explained))).isTrue();
        }

        @Test
        void anUnknownMessagePassesThroughOnOneLine() {
            assertThat(CompilerMessages.explain("  something\n   unexpected  ")).isEqualTo("something unexpected");
        }
    }

    @Nested
    class Places {

        private final Map<String, String> files = Map.of("work.drl", """
                package rubrics.work;
                import dev.rubric.model.Taks;
                global dev.rubric.api.ScoreSheet score;
                rule "A1" @id("A1") @category("a")
                when
                  $t : Task( title == "x )
                then
                end
                """);

        @Test
        void aMissingImportIsReportedOnceAtTheImport() {
            // given the import error, and the same import again on a rule of its package
            List<Message> messages = List.of(
                    error("src/main/resources/work.drl", 1, 0, "Error importing : 'dev.rubric.model.Taks'"),
                    error("src/main/resources/work.drl", 4, 0, "Only a type can be imported. dev.rubric.model.Taks resolves to a package"));

            // when
            List<Problem> problems = CompilerMessages.problems(messages, files);

            // then
            assertThat(problems).extracting(Problem::file, Problem::line, Problem::column)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("work.drl", 2, 1));
        }

        @Test
        void anUnclosedStringIsReportedWhereItOpens() {
            // given the parser's complaint where the file ends
            List<Message> messages = List.of(error("src/main/resources/work.drl", 9, 0, "[ERR 101] Line 9:0 no viable alternative at input '<eof>'"));

            // when
            List<Problem> problems = CompilerMessages.problems(messages, files);

            // then
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(6);
                assertThat(p.column()).isEqualTo(23);
                assertThat(p.message()).isEqualTo("syntax error: the string that starts here is not closed; end it with a \"");
            });
        }

        @Test
        void aCompilerThatRunsOutOfStackIsReportedAtTheLongestLine() {
            assertThat(CompilerMessages.tooDeep(files)).satisfies(p -> {
                assertThat(p.file()).isEqualTo("work.drl");
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.message()).startsWith("the rule files hold an expression too long or too deeply nested");
            });
        }
    }
}

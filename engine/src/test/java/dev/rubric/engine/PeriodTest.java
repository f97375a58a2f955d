package dev.rubric.engine;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Facts;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Period;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract §8: a rubric scores one period; facts files and callers name it, rules see it, results carry it. */
class PeriodTest {

    /** One deduction per late day that falls in the period. */
    private static final String RULES = """
            package t;
            import dev.rubric.api.Period;
            global dev.rubric.api.ScoreSheet score;
            declare Late
              id  : String
              day : java.time.LocalDate
            end
            rule "L1 late in the period" @id("L1") @category("work")
            when
              Period( $s : start, $e : end )
              $l : Late( day >= $s, day <= $e )
            then
              score.deduct(1, "late on " + $l.getDay(), $l);
            end
            """;

    private static Rubric rubric(Path dir, String extra) {
        return RubricFolder.at(dir).manifest("id: t\ncategories:\n  - { id: work, max: 10 }\n" + extra).file("r.drl", RULES).load();
    }

    private static Facts read(Rubric rubric, String json) {
        return rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "facts.json");
    }

    private static final String YEAR_OF_LATE_DAYS = """
            {"id": "D1", "facts": [
              {"type": "Late", "id": "a", "day": "2026-02-10"},
              {"type": "Late", "id": "b", "day": "2026-08-01"},
              {"type": "Late", "id": "c", "day": "2025-12-31"}]}""";

    @ParameterizedTest(name = "{0} is {1} to {2}")
    @CsvSource({
            "2026, 2026-01-01, 2026-12-31",
            "2026-Q1, 2026-01-01, 2026-03-31",
            "2026-Q3, 2026-07-01, 2026-09-30",
            "2026-H1, 2026-01-01, 2026-06-30",
            "2026-H2, 2026-07-01, 2026-12-31",
            "2026-02-01..2026-02-28, 2026-02-01, 2026-02-28"})
    void aPeriodIsReadInEachAcceptedForm(String text, LocalDate start, LocalDate end) {
        // when
        Period p = Period.parse(text);

        // then
        assertThat(p).isEqualTo(new Period(text, start, end));
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource(delimiter = '|', value = {
            "2026-Q5                | period [2026-Q5] is not one of the accepted forms; give a year (2026), a quarter (2026-Q3), a half-year (2026-H1) or a range of days (2026-01-01..2026-12-31)",
            "last year              | period [last year] is not one of the accepted forms",
            "2026-12-31..2026-01-01 | period [2026-12-31..2026-01-01] ends before it starts; give the first day, then the last",
            "2026-02-30..2026-03-01 | period [2026-02-30..2026-03-01] has a day that does not exist"})
    void aPeriodInAnotherFormIsRefusedNamingTheAcceptedForms(String text, String message) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void rulesCountOnlyWhatFallsInTheNamedPeriodAndTheResultCarriesIt(@TempDir Path dir) {
        // given
        Rubric rubric = rubric(dir, "");
        Subject d1 = read(rubric, YEAR_OF_LATE_DAYS).subject();

        // when
        Evaluation year = rubric.evaluate(d1, Period.parse("2026"));
        Evaluation firstHalf = rubric.evaluate(d1, Period.parse("2026-H1"));
        Evaluation none = rubric.evaluate(d1);

        // then
        assertThat(year.total()).isEqualByComparingTo("8");
        assertThat(firstHalf.total()).isEqualByComparingTo("9");
        assertThat(none.total()).isEqualByComparingTo("7");
        assertThat(year.period()).isEqualTo(Period.year(2026));
        assertThat(none.period()).isNull();
    }

    @Test
    void aFactsFileNamesItsPeriodAroundItsSubjects(@TempDir Path dir) {
        // given
        Rubric rubric = rubric(dir, "");

        // when
        Facts facts = read(rubric, "{\"period\": {\"id\": \"2026\", \"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}, \"subjects\": ["
                + YEAR_OF_LATE_DAYS + "]}");
        CohortResult result = rubric.evaluate(facts);

        // then
        assertThat(facts.cohort()).isTrue();
        assertThat(facts.period()).isEqualTo(Period.year(2026));
        assertThat(result.results()).singleElement().satisfies(e -> {
            assertThat(e.total()).isEqualByComparingTo("8");
            assertThat(e.rank()).isEqualTo(1);
        });
        assertThat(ResultJson.toJson(result)).contains("""
                      "period": {
                        "id": "2026",
                        "start": "2026-01-01",
                        "end": "2026-12-31"
                      },
                """);
    }

    @Test
    void aFactsFileSaysWhetherItHeldOneSubjectOrACohort(@TempDir Path dir) {
        // given
        Rubric rubric = rubric(dir, "");

        // then
        assertThat(read(rubric, YEAR_OF_LATE_DAYS).cohort()).isFalse();
        assertThat(read(rubric, "[" + YEAR_OF_LATE_DAYS + "]").cohort()).isTrue();
        assertThat(read(rubric, "[" + YEAR_OF_LATE_DAYS + "]").period()).isNull();
    }

    @Test
    void aResultWithoutAPeriodHasNoPeriodField(@TempDir Path dir) {
        // given
        Rubric rubric = rubric(dir, "");

        // when
        String json = ResultJson.toJson(rubric.evaluate(read(rubric, "[" + YEAR_OF_LATE_DAYS + "]")));

        // then
        assertThat(json).doesNotContain("\"period\"");
    }

    @Test
    void aBadPeriodInAFactsFileIsNamedByItsPointer(@TempDir Path dir) {
        // given
        Rubric rubric = rubric(dir, "");

        // when / then
        assertThatThrownBy(() -> read(rubric, "{\"period\": {\"id\": \"2026\", \"start\": \"2026-13-01\", \"ends\": \"x\"}, \"subject\": []}"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("facts.json at /subject: unknown key [subject] of a facts file with a period (did you mean [subjects]?); it has period and subjects")
                .hasMessageContaining("facts.json at /period/ends: unknown key [ends] of a period (did you mean [end]?); a period has id, start and end")
                .hasMessageContaining("facts.json at /period/start: [2026-13-01] is not a day written as an ISO date such as \"2026-01-01\"")
                .hasMessageContaining("facts.json at /subjects: subjects must be an array of subjects");
    }

    @Test
    void aRubricThatRequiresAPeriodRefusesToEvaluateWithoutOne(@TempDir Path dir) {
        // given
        Rubric rubric = rubric(dir, "period: required\n");
        Subject d1 = read(rubric, YEAR_OF_LATE_DAYS).subject();

        // when / then
        assertThatThrownBy(() -> rubric.evaluate(d1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rubric [t] requires a period (period: required in its manifest); name one, such as Period.parse(\"2026\")");
        assertThat(rubric.evaluate(d1, Period.parse("2026-Q1")).total()).isEqualByComparingTo("9");
    }
}

package dev.rubric.engine.internal.json;

import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Contract §5: facts JSON is read strictly; every unknown type, unknown property or ill-typed value is
 * reported with the JSON pointer of its place, and nothing is read from a file that has one.
 */
class FactsJsonErrorsTest {

    /** Declares Inspection (hygiene, structural: int). */
    private static final Rubric FHRS = Rubrics.load("classpath:rubrics/fhrs");
    /** Uses the department fact model's TargetTask. */
    private static final Rubric LATE_TASKS = Rubrics.load("classpath:rubrics/late-tasks");

    private static List<Subject> read(Rubric rubric, String json) {
        return rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "facts.json").subjects();
    }

    /** The problems of a facts file, as a person reads them. */
    private static List<String> problems(Rubric rubric, String json) {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class, () -> read(rubric, json));
        assertThat(e).as("the facts should be refused").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aCohortOfValidSubjectsIsReadInFileOrder() {
        // when
        List<Subject> subjects = read(FHRS, """
                [ { "id": "P2", "name": "The Crown", "facts": [ { "type": "Inspection", "hygiene": 5, "structural": 10 } ] },
                  { "id": "P1", "facts": [] } ]
                """);

        // then
        assertThat(subjects).extracting(Subject::id).containsExactly("P2", "P1");
        assertThat(subjects.get(0).name()).isEqualTo("The Crown");
        assertThat(subjects.get(1).name()).isNull();
        assertThat(subjects.get(0).facts()).hasSize(1);
    }

    @Test
    void anIllTypedValueIsNamedByItsPointer() {
        // when the second fact of the first subject has text where a number belongs
        List<String> problems = problems(FHRS, """
                [ { "id": "P1", "facts": [
                    { "type": "Inspection", "hygiene": 5, "structural": 10 },
                    { "type": "Inspection", "hygiene": "five" } ] } ]
                """);

        // then
        assertThat(problems).containsExactly("facts.json at /0/facts/1/hygiene: subject [P1]: property [hygiene] needs a whole number, found the text \"five\"");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsAnError() {
        // when
        List<String> problems = problems(FHRS, "{ \"id\": \"P1\", \"facts\": [ { \"type\": \"Inspection\", \"hygiene\": 1.5 } ] }");

        // then
        assertThat(problems).containsExactly("facts.json at /facts/0/hygiene: subject [P1]: value 1.5 is not a whole number");
    }

    @Test
    void anUnknownTypeIsNamedWithASuggestion() {
        // when
        List<String> problems = problems(FHRS, """
                [ { "id": "P1", "facts": [] },
                  { "id": "P2", "facts": [ { "type": "Inspection" }, { "type": "Inspecton", "hygiene": 5 } ] } ]
                """);

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("facts.json at /1/facts/1/type: subject [P2]: unknown fact type [Inspecton] (did you mean [Inspection]?)");
    }

    @Test
    void anUnknownPropertyOfADeclaredTypeIsNamedWithASuggestion() {
        // when
        List<String> problems = problems(FHRS, "[ { \"id\": \"P1\", \"facts\": [ { \"type\": \"Inspection\", \"hygeine\": 5 } ] } ]");

        // then
        assertThat(problems).containsExactly(
                "facts.json at /0/facts/0/hygeine: subject [P1]: unknown property [hygeine] of [Inspection] (did you mean [hygiene]?); its properties are [hygiene, structural]");
    }

    @Test
    void anUnknownPropertyOfAModelFactIsNamedWithASuggestion() {
        // when
        List<String> problems = problems(LATE_TASKS, """
                [ { "id": "D01", "facts": [
                    { "type": "TargetTask", "id": "T-1", "title": "t", "deadlin": "2026-06-30", "status": "IN_PROGRESS" } ] } ]
                """);

        // then
        assertThat(problems).singleElement().asString()
                .startsWith("facts.json at /0/facts/0/deadlin: subject [D01]: unknown property [deadlin] of [TargetTask] (did you mean [deadline]?)");
    }

    @Test
    void aDateThatIsNoDateIsAnError() {
        // when
        List<String> problems = problems(LATE_TASKS, """
                [ { "id": "D01", "facts": [
                    { "type": "TargetTask", "id": "T-1", "title": "t", "deadline": "2026-02-30", "status": "IN_PROGRESS" } ] } ]
                """);

        // then
        assertThat(problems).containsExactly("facts.json at /0/facts/0/deadline: subject [D01]: value 2026-02-30 is not a date (ISO-8601, such as 2026-06-30)");
    }

    @Test
    void aDateInAnotherFormatIsAnError() {
        // when
        List<String> problems = problems(LATE_TASKS, """
                { "id": "D01", "facts": [
                    { "type": "TargetTask", "id": "T-1", "title": "t", "deadline": "30/06/2026", "status": "IN_PROGRESS" } ] }
                """);

        // then
        assertThat(problems).singleElement().asString().startsWith("facts.json at /facts/0/deadline: ").contains("ISO-8601");
    }

    @Test
    void anEnumValueThatIsNoConstantNamesTheConstants() {
        // when
        List<String> problems = problems(LATE_TASKS, """
                { "id": "D01", "facts": [
                    { "type": "TargetTask", "id": "T-1", "title": "t", "deadline": "2026-06-30", "status": "DONE" } ] }
                """);

        // then
        assertThat(problems).singleElement().asString().startsWith("facts.json at /facts/0/status: ")
                .contains("[IN_PROGRESS, COMPLETED, ADJUSTED]");
    }

    @Test
    void aMissingRequiredPropertyOfAModelFactIsNamed() {
        // when
        List<String> problems = problems(LATE_TASKS, """
                { "id": "D01", "facts": [ { "type": "TargetTask", "id": "T-1", "title": "t", "status": "IN_PROGRESS" } ] }
                """);

        // then
        assertThat(problems).containsExactly("facts.json at /facts/0/deadline: subject [D01]: property [deadline] of [TargetTask] is required; give it a value");
    }

    @Test
    void aSubjectIdUsedTwiceIsAnError() {
        // when
        List<String> problems = problems(FHRS, "[ {\"id\": \"P1\", \"facts\": []}, {\"id\": \"P2\", \"facts\": []}, {\"id\": \"P1\", \"facts\": []} ]");

        // then
        assertThat(problems).containsExactly(
                "facts.json at /2/id: subject id [P1] is used twice (first at /0); subject ids must be unique in a cohort");
    }

    @Test
    void malformedJsonIsReportedWithItsLineAndColumn() {
        // when the facts array is closed with a brace on line 2
        List<String> problems = problems(FHRS, "[{\"id\": \"P1\",\n \"facts\": [}]");

        // then
        assertThat(problems).singleElement().asString().startsWith("facts.json:2:12: the facts are not valid JSON: ");
    }

    @Test
    void anEmptyCohortIsAnError() {
        // when
        List<String> problems = problems(FHRS, "[]");

        // then
        assertThat(problems).containsExactly("facts.json at /: the cohort is empty; give at least one subject");
    }

    @Test
    void aSubjectNeedsAnIdAndAnArrayOfFacts() {
        // when
        List<String> problems = problems(FHRS, "[ { \"name\": \"x\", \"facts\": {} } ]");

        // then
        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("facts.json at /0/id: a subject needs an id"))
                .anySatisfy(p -> assertThat(p).startsWith("facts.json at /0/facts: a subject needs facts as an array"));
    }

    @Test
    void aFactWithoutTypeIsAnError() {
        // when
        List<String> problems = problems(FHRS, "{ \"id\": \"P1\", \"facts\": [ { \"hygiene\": 5 } ] }");

        // then
        assertThat(problems).singleElement().asString().startsWith("facts.json at /facts/0/type: subject [P1]: a fact needs a \"type\"");
    }

    @Test
    void everyProblemOfAFileIsReportedAndNothingIsRead() {
        // given problems in two subjects
        String json = """
                [ { "id": "P1", "facts": [ { "type": "Inspection", "hygiene": "x" }, { "type": "Nothing" } ] },
                  { "id": "P2", "facts": [ { "type": "Inspection", "structurl": 1 } ] } ]
                """;

        // when
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class, () -> read(FHRS, json));

        // then
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/0/facts/0/hygiene", "/0/facts/1/type", "/1/facts/0/structurl");
        assertThat(e.getMessage()).startsWith("facts [facts.json] have 3 problems:");
    }

    @Test
    void newFactReportsAnUnknownPropertyToo() {
        // when / then
        assertThatThrownBy(() -> FHRS.newFact("Inspection", Map.of("hygeine", 5)))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("unknown property [hygeine] of [Inspection]");
    }
}

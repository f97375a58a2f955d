package dev.rubric.engine.internal.json;

import dev.rubric.api.Facts;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Subject;
import dev.rubric.api.Rubrics;
import dev.rubric.engine.LoadedRubrics;
import dev.rubric.engine.internal.compile.CompiledRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.definition.type.FactType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader is the fast path of {@link FactReader}: what it accepts, it reads into exactly the facts the
 * careful (tree) reader makes; what the careful reader refuses, it gives up on, so the problems are worded as always.
 */
class StreamingFactsTest {

    /** The fhrs rubric's declared types (Inspection: hygiene, structural), and the department fact model. */
    private static final CompiledRules FHRS = LoadedRubrics.compiled(Rubrics.load("classpath:rubrics/fhrs"));
    private static final FactReader READER = new FactReader(FHRS.declaredTypes(), FHRS.classLoader(), LoadOptions.restricted());

    private static Facts streamed(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return READER.streaming().read(bytes, 0, bytes.length);
    }

    private static Facts careful(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return READER.readCarefully(bytes, 0, bytes.length, "facts.json");
    }

    /** Facts as values: records as they are (BigDecimal compared with its scale), declared facts by their properties. */
    private static List<Object> values(Facts facts) {
        return facts.subjects().stream().<Object>map(s -> List.of(s.id(), String.valueOf(s.name()), s.facts().stream().map(f -> {
            FactType declared = FHRS.declaredTypes().get(f.getClass().getSimpleName());
            return declared != null && declared.getFactClass() == f.getClass() ? (Object) Map.copyOf(declared.getAsMap(f)) : f;
        }).toList())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\": \"D1\", \"facts\": []}",
            "{\"facts\": [], \"name\": null, \"id\": \"D1\"}",
            "[{\"id\": \"P1\", \"name\": \"The Crown\", \"facts\": [{\"type\": \"Inspection\", \"hygiene\": 5, \"structural\": 10}]}, {\"id\": \"P2\", \"facts\": []}]",
            "{\"id\": \"D1\", \"facts\": [{\"hygiene\": 5, \"type\": \"Inspection\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Kpi\", \"id\": \"K1\", \"name\": \"n\", \"target\": 1.50, \"actual\": 100.0, \"unit\": \"%\", \"higherIsBetter\": true}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Kpi\", \"id\": \"K1\", \"name\": \"n\", \"target\": 100.000, \"actual\": 0.00, \"unit\": \"%\", \"higherIsBetter\": false}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"dev.rubric.model.Survey\", \"id\": \"S1\", \"group\": \"PUBLIC\", \"respondents\": 10, \"satisfied\": 9, \"basicallySatisfied\": null}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"TargetTask\", \"id\": \"T-1\", \"title\": \"t\", \"deadline\": \"2026-06-30\", \"status\": \"IN_PROGRESS\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"TargetTask\", \"id\": \"T-1\", \"title\": \"t\", \"deadline\": \"+12026-06-30\", \"completedOn\": \"2024-02-29\", \"status\": \"COMPLETED\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Kpi\", \"id\": \"K1\", \"name\": \"n\", \"target\": 9E+1, \"actual\": 1.5e-3, \"unit\": \"%\", \"higherIsBetter\": true}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"ServiceCase\", \"id\": \"C1\", \"matter\": \"m\", \"received\": \"2026-03-02\", \"promisedDays\": 5, \"finished\": null, \"passedOn\": true, \"complaintVerified\": false}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"ServiceCase\", \"complaintVerified\": false, \"id\": \"C1\", \"matter\": \"m\", \"received\": \"2026-03-02\", \"promisedDays\": 0, \"passedOn\": false}]}",
            "{\"period\": \"2026\", \"subjects\": [{\"id\": \"D1\", \"facts\": []}]}",
            "{\"subjects\": [{\"id\": \"D1\", \"facts\": []}], \"period\": {\"id\": \"2026\", \"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}}",
            "{\"period\": null, \"subjects\": [{\"id\": \"D1\", \"facts\": []}]}"})
    void validFactsAreStreamedIntoTheFactsTheTreeMakes(String json) {
        // when
        Facts streamed = streamed(json);
        Facts careful = careful(json);

        // then
        assertThat(streamed).as("the streaming reader reads valid facts").isNotNull();
        assertThat(streamed.cohort()).isEqualTo(careful.cohort());
        assertThat(streamed.period()).isEqualTo(careful.period());
        assertThat(values(streamed)).isEqualTo(values(careful));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[]",
            "[1]",
            "{\"id\": \"D1\", \"facts\": []} {}",
            "{\"id\": \"D1\", \"id\": \"D2\", \"facts\": []}",
            "{\"id\": \" \", \"facts\": []}",
            "{\"id\": \"D1\", \"facts\": [], \"extra\": 1}",
            "[{\"id\": \"D1\", \"facts\": []}, {\"id\": \"D1\", \"facts\": []}]",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Inspection\", \"hygiene\": \"five\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Inspection\", \"hygiene\": 1.5}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Inspection\", \"hygeine\": 5}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Inspection\", \"hygiene\": null}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Inspecton\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"hygiene\": 5}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Kpi\", \"id\": \"K1\", \"name\": \"n\", \"target\": 1e999999999, \"actual\": 1, \"unit\": \"%\", \"higherIsBetter\": true}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"Kpi\", \"id\": \"K1\", \"name\": \"n\", \"target\": 1, \"actual\": 1e-1001, \"unit\": \"%\", \"higherIsBetter\": true}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"TargetTask\", \"id\": \"T-1\", \"title\": \"t\", \"deadlin\": \"2026-06-30\", \"status\": \"IN_PROGRESS\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"TargetTask\", \"id\": \"T-1\", \"title\": \"t\", \"status\": \"IN_PROGRESS\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"TargetTask\", \"id\": \"T-1\", \"title\": \"t\", \"deadline\": \"2026-02-30\", \"status\": \"IN_PROGRESS\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"TargetTask\", \"id\": \"T-1\", \"title\": \"t\", \"deadline\": \"2026-6-30x\", \"status\": \"IN_PROGRESS\"}]}",
            "{\"id\": \"D1\", \"facts\": [{\"type\": \"java.io.File\", \"path\": \"/\"}]}",
            "{\"period\": \"2026-13\", \"subjects\": [{\"id\": \"D1\", \"facts\": []}]}",
            "{\"period\": \"2026\", \"subjects\": [{\"id\": \"D1\", \"facts\": []}], \"id\": \"x\"}",
            "{\"period\": \"2026\"}",
            "[{\"id\": \"P1\",\n \"facts\": [}]"})
    void factsTheCarefulReaderRefusesAreLeftToIt(String json) {
        // when / then
        assertThat(streamed(json)).isNull();
    }

    @Test
    void aReaderSaysWhetherItReadOneSubjectOrACohort() {
        // when
        Facts one = READER.read(new java.io.ByteArrayInputStream("{\"id\": \"D1\", \"facts\": []}".getBytes(StandardCharsets.UTF_8)), "one.json");
        Facts many = READER.read(new java.io.ByteArrayInputStream("[{\"id\": \"D1\", \"facts\": []}]".getBytes(StandardCharsets.UTF_8)), "many.json");

        // then
        assertThat(one.cohort()).isFalse();
        assertThat(one.subject().id()).isEqualTo("D1");
        assertThat(many.cohort()).isTrue();
        assertThat(many.subjects()).extracting(Subject::id).containsExactly("D1");
    }
}

package dev.rubric.rules;

import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.model.ServiceCase;
import dev.rubric.model.TargetTask;
import dev.rubric.model.TaskStatus;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The department fact model as facts JSON carries it (contract §5): property names are record component names. */
@RubricTest("classpath:rubrics/party-mass-efficiency")
class FactsJsonTest {

    private final Rubric rubric;

    FactsJsonTest(Rubric rubric) {
        this.rubric = rubric;
    }

    private List<Subject> read(String json) {
        return rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "facts.json").subjects();
    }

    @Test
    void factsOfTheModelAreReadByTheirSimpleNamesWithIsoDatesAndEnumConstants() {
        var subjects = read("""
                { "id": "D09", "name": "法院", "facts": [
                  { "type": "TargetTask", "id": "T-1", "title": "“清积”专项行动", "responsible": null,
                    "deadline": "2026-10-31", "completedOn": "2026-10-26", "status": "COMPLETED" },
                  { "type": "ServiceCase", "id": "C-1", "matter": "执行案件立案", "received": "2026-03-09",
                    "promisedDays": 7, "finished": null, "passedOn": false, "complaintVerified": false } ] }
                """);

        assertThat(subjects.get(0).facts()).containsExactly(
                new TargetTask("T-1", "“清积”专项行动", null, LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 26), TaskStatus.COMPLETED),
                new ServiceCase("C-1", "执行案件立案", LocalDate.of(2026, 3, 9), 7, null, false, false));
    }

    @Test
    void anInconsistentFactIsAnErrorNamingItsPlace() {
        var error = catchThrowableOfType(InvalidFactsException.class, () -> read("""
                [ { "id": "D09", "name": "法院", "facts": [
                  { "type": "TargetTask", "id": "T-1", "title": "“清积”专项行动", "responsible": "王建华",
                    "deadline": "2026-10-31", "completedOn": null, "status": "COMPLETED" } ] } ]
                """));

        assertThat(error.problems()).extracting(Problem::pointer).containsExactly("/0/facts/0");
        assertThat(error.getMessage()).contains("task [T-1]");
    }
}

package dev.rubric.rules;

import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.Facts;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Period;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.ScoreItem;
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

    /**
     * A facts file holds what the office has on file, older papers included: only what is dated in the period the file
     * names is scored (contract §8), so a 2019 national commendation adds nothing to 2026 and a 2025 finding costs nothing.
     */
    @Test
    void factsDatedOutsideThePeriodTheFileNamesCountForNothing() {
        Facts facts = rubric.readFacts(new ByteArrayInputStream("""
                { "period": { "id": "2026", "start": "2026-01-01", "end": "2026-12-31" },
                  "subjects": [ { "id": "D09", "name": "法院", "facts": [
                  { "type": "Commendation", "id": "CM-1", "achievement": "诉源治理", "title": "全国法院先进集体",
                    "kind": "HONOUR", "level": "NATIONAL", "date": "2019-05-20" },
                  { "type": "Commendation", "id": "CM-2", "achievement": "执行攻坚", "title": "全市执行工作先进集体",
                    "kind": "HONOUR", "level": "CITY", "date": "2026-04-10" },
                  { "type": "InspectionFinding", "id": "F-1", "date": "2025-11-12", "kind": "HALF_YEAR", "severity": "GENERAL",
                    "description": "诉讼服务中心导办人员脱岗", "rectificationDeadline": null, "rectifiedOn": null },
                  { "type": "InspectionFinding", "id": "F-2", "date": "2026-07-06", "kind": "HALF_YEAR", "severity": "MINOR",
                    "description": "值班记录填写不规范", "rectificationDeadline": null, "rectifiedOn": null } ] } ] }
                """.getBytes(StandardCharsets.UTF_8)), "facts.json");

        Evaluation result = rubric.evaluate(facts).results().get(0);

        assertThat(facts.period()).isEqualTo(Period.parse("2026"));
        assertThat(result.period()).isEqualTo(Period.parse("2026"));
        assertThat(result.items()).filteredOn(i -> "G1".equals(i.rule()))
                .singleElement().satisfies(i -> assertThat(i.points()).isEqualByComparingTo("1"));
        assertThat(result.items()).filteredOn(i -> "D1".equals(i.rule()))
                .singleElement().satisfies(i -> assertThat(i.points()).isEqualByComparingTo("-0.5"));
        assertThat(result.items()).flatExtracting(ScoreItem::evidence).extracting(Evidence::id).doesNotContain("CM-1", "F-1");
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

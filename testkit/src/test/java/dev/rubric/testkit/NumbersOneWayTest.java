package dev.rubric.testkit;

import dev.rubric.api.Evaluation;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.model.Kpi;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.department;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A number written in a test is read one way, whether it is a BigDecimal, another number or a numeric string. */
@RubricTest(MiniRubric.LOCATION)
class NumbersOneWayTest {

    @Test
    void assertionsTakeNumbersAndNumericStringsAlike(Rubric rubric) {
        Evaluation result = rubric.evaluate(department().withLateTask("机要保密检查").build());

        assertThat(result).hasTotal("9").hasTotal(9).hasTotal(9.0).hasTotal(new BigDecimal("9.00"))
                .hasCategoryScore("targets", 9).hasItem("T1").withPoints(-1).withPoints("-1").withItemPoints(-1);
    }

    @Test
    void aFailingNumericAssertionNamesBothNumbersPlainly(Rubric rubric) {
        Evaluation result = rubric.evaluate(department().withLateTask("机要保密检查").build());

        assertThatThrownBy(() -> assertThat(result).hasTotal(8.50)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("8.5").hasMessageContaining("9");
    }

    @Test
    void newFactTakesANumericStringWhereTheModelHasANumber(Rubric rubric) {
        Object fromText = rubric.newFact("Kpi", Map.of("id", "K1", "name", "结案率", "target", "95", "actual", "96.2", "unit", "%", "higherIsBetter", true));
        Object fromNumbers = rubric.newFact("Kpi", Map.of("id", "K1", "name", "结案率", "target", 95, "actual", new BigDecimal("96.2"), "unit", "%", "higherIsBetter", true));

        assertThat(fromText).isEqualTo(fromNumbers);
        assertThat(((Kpi) fromText).actual()).isEqualTo(new BigDecimal("96.2"));
    }

    @Test
    void newFactStillRefusesTextThatIsNoNumber(Rubric rubric) {
        assertThatThrownBy(() -> rubric.newFact("Kpi", Map.of("id", "K1", "name", "结案率", "target", "ninety", "actual", 1, "unit", "%", "higherIsBetter", true)))
                .hasMessageContaining("newFact(Kpi)").hasMessageContaining("target");
    }

    @Test
    void buildersTakeNumbersAndNumericStringsAlike() {
        Subject fromText = department().withKpi("结案率", "157", "151", "件").build();
        Subject fromNumbers = department().withKpi("结案率", 157, 151, "件").build();

        assertThat(fromText).isEqualTo(fromNumbers);
    }

    @Test
    void textThatIsNoNumberIsRefusedNamingIt() {
        assertThatThrownBy(() -> Decimals.of("5,01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[5,01] is not a number; give points such as -1, 87.5 or \"87.5\"");
        assertThatThrownBy(() -> Decimals.of(Double.NaN)).hasMessage("[NaN] is not a number; give points such as -1, 87.5 or \"87.5\"");
        assertThat(Decimals.of(0.1)).isEqualTo(new BigDecimal("0.1"));
    }
}

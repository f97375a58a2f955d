package org.example.service;

import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.testkit.RubricScenarios;
import dev.rubric.testkit.RubricTest;
import dev.rubric.api.LoadOptions;
import org.example.canteen.Delivery;
import org.example.canteen.Fridge;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static dev.rubric.testkit.RubricAssertions.assertThat;

/** The service's own rubric over its own fact classes, tested with the testkit as any rubric is. */
@RubricTest(value = "rubric", allow = "org.example.canteen", minCoverage = 100)
class CanteenRubricTest {

    @Test
    void aWarmFridgeCostsTenPoints(Rubric rubric) {
        assertThat(rubric.evaluate(Subject.of("C1", "North canteen", new Fridge("F-1", new BigDecimal("7.5")))))
                .hasTotal(90).hasGrade("good").hasItem("S1").withPoints(-10);
    }

    @Test
    void threeWarmFridgesCostThirtyPointsAtMost(Rubric rubric) {
        assertThat(rubric.evaluate(Subject.of("C1", "North canteen", new Fridge("F-1", new BigDecimal("6")),
                new Fridge("F-2", new BigDecimal("7")), new Fridge("F-3", new BigDecimal("8")), new Fridge("F-4", new BigDecimal("9")))))
                .hasTotal(70).hasGrade("fair").hasItem("S1").withPoints(-30).wasCapped();
    }

    @Test
    void anUntraceableDeliveryCostsFivePoints(Rubric rubric) {
        assertThat(rubric.evaluate(Subject.of("C2", "South canteen", new Delivery("D-1", "Unknown", false), new Delivery("D-2", "Farm Co", true))))
                .hasTotal("95").hasItem("P1").withPoints("-5").times(1);
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return RubricScenarios.of("rubric").withOptions(LoadOptions.restricted().allowing("org.example.canteen")).tests();
    }
}

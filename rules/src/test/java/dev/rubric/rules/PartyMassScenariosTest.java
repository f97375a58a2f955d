package dev.rubric.rules;

import dev.rubric.testkit.RubricScenarios;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The bundled rubric's scenario files ({@code scenarios/*.yaml}), one test each, and their rule coverage of 100%. */
class PartyMassScenariosTest {

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return RubricScenarios.of("classpath:rubrics/party-mass-efficiency").withMinCoverage(100).tests();
    }
}

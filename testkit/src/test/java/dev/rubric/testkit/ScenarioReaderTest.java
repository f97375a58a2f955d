package dev.rubric.testkit;

import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A scenario file is read with the engine's YAML reader: every problem names the line it is on. Guards "scenario
 * problems report line 0", which they did when scenarios were read with a tree that forgets its lines.
 */
class ScenarioReaderTest {

    private static Rubric rubric;

    @BeforeAll
    static void load() {
        rubric = Rubrics.load(MiniRubric.LOCATION);
    }

    private static String problem(String yaml) {
        InvalidFactsException e = catchThrowableOfType(InvalidFactsException.class,
                () -> ScenarioReader.read(rubric, "scenarios/s.yaml", yaml.getBytes(StandardCharsets.UTF_8), path -> null));
        assertThat(e).as("a problem with\n" + yaml).isNotNull();
        return e.problems().get(0).toString();
    }

    private static final String GOOD = """
            name: 一项任务逾期完成
            facts:
              id: D01
              facts:
                - { type: TargetTask, id: T-1, title: 换届, responsible: 王芳, deadline: 2026-06-30, completedOn: 2026-07-10, status: COMPLETED }
            expect:
              total: 9
              grade: 优秀
              vetoed: false
              items: { T1: -1, G1: any }
              absent: [V1]
            """;

    @Test
    void aGoodScenarioIsReadWithItsExpectations() {
        Scenario s = ScenarioReader.read(rubric, "scenarios/s.yaml", GOOD.getBytes(StandardCharsets.UTF_8), path -> null);

        assertThat(s.name()).isEqualTo("一项任务逾期完成");
        assertThat(s.subjects()).singleElement().satisfies(d -> assertThat(d.id()).isEqualTo("D01"));
        Scenario.Expectation e = s.expected().get("D01");
        assertThat(e.total()).isEqualByComparingTo("9");
        assertThat(e.grade()).isEqualTo("优秀");
        assertThat(e.vetoed()).isFalse();
        assertThat(e.items()).containsEntry("T1", new BigDecimal("-1")).containsEntry("G1", null);
        assertThat(e.absent()).containsExactly("V1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown key                    | 3 | fact: []                         | scenarios/s.yaml:3: scenario unknown key [fact]; a scenario has name, description, background, facts, period and expect
            an unknown expectation            | 9 | expect: {\\n  totl: 9 }           | scenarios/s.yaml:9: scenario unknown key [totl] under expect
            a total that is no number         | 9 | expect:\\n  total: lots           | scenarios/s.yaml:9: scenario expect.total must be a number, found [lots]
            items that are no mapping         | 9 | expect:\\n  items: [T1]           | scenarios/s.yaml:9: scenario expect.items must map rule ids to points
            absent that is no list            | 9 | expect:\\n  absent: V1            | scenarios/s.yaml:9: scenario expect.absent must be a list of rule ids
            a period of no accepted form      | 3 | period: 2026-Q5                  | scenarios/s.yaml:3: scenario period [2026-Q5] is not one of the accepted forms
            a facts file that is missing      | 3 | background: well-run.json        | scenarios/s.yaml:3: scenario background file [scenarios/well-run.json] does not exist
            a key given twice                 | 3 | name: again                      | scenarios/s.yaml:3: scenario key [name] is given twice (first on line 1); keep one
            """)
    void aProblemNamesItsLine(String what, int line, String added, String message) {
        // given a good scenario with one line added at line 3, or its expect replaced from line 8
        String yaml;
        if (added.startsWith("expect:")) {
            yaml = "name: x\nfacts:\n  id: D01\n  facts: []\n\n\n\n" + added.replace("\\n", "\n") + "\n";
        } else {
            yaml = "name: x\nfacts: { id: D01, facts: [] }\n" + added + "\nexpect: { total: 10 }\n";
        }

        assertThat(problem(yaml)).startsWith(message);
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        assertThat(problem("name: x\nfacts: { id: D01, facts: [] }\nexpect: { total: 10\n")).startsWith("scenarios/s.yaml:3: scenario is not valid YAML: while parsing a flow mapping");
    }

    @Test
    void aScenarioWithoutFactsOrExpectSaysSo() {
        assertThat(problem("name: x\nexpect: { total: 10 }\n")).isEqualTo("scenarios/s.yaml:1: scenario the scenario has no facts");
        assertThat(problem("name: x\nfacts: { id: D01, facts: [] }\n"))
                .startsWith("scenarios/s.yaml:1: scenario the scenario has no expect mapping");
    }

    @Test
    void expectationsForASubjectTheFactsLackNameTheirLine() {
        assertThat(problem("""
                facts: [ { id: D01, facts: [] }, { id: D02, facts: [] } ]
                expect:
                  D01: { total: 10 }
                  D09: { total: 10 }
                """)).isEqualTo("scenarios/s.yaml:4: scenario expect names subject [D09], which the facts do not have");
    }

    @Test
    void theScenarioKeepsItsOwnCopiesOfItsCollections() {
        // given collections the caller goes on changing
        List<dev.rubric.api.Subject> subjects = new ArrayList<>(List.of(dev.rubric.api.Subject.of("D01", null)));
        Map<String, BigDecimal> items = new HashMap<>();
        items.put("T1", null);
        Map<String, Scenario.Expectation> expected = new HashMap<>(Map.of("D01",
                new Scenario.Expectation(null, null, false, null, null, items, new java.util.HashSet<>(Set.of("V1")))));
        Scenario scenario = new Scenario("s.yaml", "s", subjects, expected);

        // when
        subjects.clear();
        expected.clear();
        items.put("T2", BigDecimal.ONE);

        // then
        assertThat(scenario.subjects()).hasSize(1);
        assertThat(scenario.expected()).containsOnlyKeys("D01");
        assertThat(scenario.expected().get("D01").items()).containsOnlyKeys("T1");
        assertThatThrownBy(() -> scenario.subjects().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

package dev.rubric.bench;

import dev.rubric.api.Evaluation;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential check: the bundled rubric's DRL, run by the library, and the same rubric hand-written
 * in plain Java ({@link PlainJavaPartyMass}) give every department the same total, grade and veto, and
 * the same items (rule id, kind and points), with the same evidence ids. Both hand their items to the same
 * arithmetic, so a difference is a difference in which items were found.
 */
class PlainJavaAgreesWithTheRubricTest {

    private static final Rubric RUBRIC = Rubrics.load(Departments.RUBRIC);
    private static final PlainJavaPartyMass PLAIN_JAVA = new PlainJavaPartyMass(RUBRIC);

    @Property(tries = 400)
    void plainJavaAndTheDrlRubricAgreeOnEveryRandomDepartment(@ForAll("departments") List<Object> facts) {
        Subject subject = new Subject("D99", "随机单位", facts);

        Evaluation drl = RUBRIC.evaluate(subject);
        Evaluation java = PLAIN_JAVA.evaluate(subject);

        assertThat(items(java)).as(explain(drl, java)).isEqualTo(items(drl));
        assertThat(java.total()).as(explain(drl, java)).isEqualByComparingTo(drl.total());
        assertThat(java.grade()).isEqualTo(drl.grade());
        assertThat(java.vetoed()).isEqualTo(drl.vetoed());
    }

    @Example
    void theyAgreeOnTheSampleCohort() {
        for (Subject s : Departments.sampleCohort(RUBRIC)) {
            Evaluation drl = RUBRIC.evaluate(s);
            Evaluation java = PLAIN_JAVA.evaluate(s);
            assertThat(items(java)).as(s.id() + "\n" + explain(drl, java)).isEqualTo(items(drl));
            assertThat(java.total()).as(s.id()).isEqualByComparingTo(drl.total());
            assertThat(java.grade()).as(s.id()).isEqualTo(drl.grade());
        }
    }

    @Example
    void theyAgreeOnLargeSyntheticDepartments() {
        for (Subject s : Departments.synthetic(10, 500, 7)) {
            assertThat(items(PLAIN_JAVA.evaluate(s))).as(s.id()).isEqualTo(items(RUBRIC.evaluate(s)));
        }
    }

    @Provide
    Arbitrary<List<Object>> departments() {
        return DepartmentFacts.departments();
    }

    /** Each item as {@code "RULE KIND POINTS [EVIDENCE IDS] REASON"}, sorted: firing order within a rule is the engine's business. */
    private static List<String> items(Evaluation e) {
        return e.items().stream()
                .map(i -> i.rule() + " " + i.kind() + " " + plain(i.points()) + " "
                        + i.evidence().stream().map(ev -> ev.type() + ":" + ev.id()).sorted().toList() + " " + i.reason())
                .sorted()
                .toList();
    }

    private static String explain(Evaluation drl, Evaluation java) {
        return "DRL:\n  " + items(drl).stream().collect(Collectors.joining("\n  ")) + "\nplain Java:\n  "
                + items(java).stream().collect(Collectors.joining("\n  "));
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }
}

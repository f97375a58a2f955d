package dev.rubric.engine.internal.table;

import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Subject;
import dev.rubric.engine.RubricFolder;
import dev.rubric.model.ServiceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A Drools decision table, as Drools users write it, loads through Drools' own compiler with rubric metadata from METADATA columns. */
class DecisionTableTest {

    static final String MANIFEST = """
            id: t
            name: 测试细则
            categories:
              - { id: service, name: 服务效能, max: 15 }
            grades:
              - { id: 合格, min: 10 }
              - { id: 不合格 }
            """;

    /** Row 10 and 11 are the rules C2 and C3. */
    static final String TABLE = """
            RuleSet,rubrics.t
            Import,dev.rubric.model.*
            Variables,dev.rubric.api.ScoreSheet score
            ,
            RuleTable 服务效能
            NAME,METADATA,METADATA,METADATA,CONDITION,ACTION
            ,,,,$c : ServiceCase,
            ,id($param),category($param),max($param),$param,"score.deduct($1, ""办件「"" + $c.matter() + ""」$2"", $c);"
            名称,编号,类别,最多扣分,条件,扣分
            C2 首问推诿,C2,service,4,passedOn,"1, 首问责任人推诿"
            C3 投诉查实,C3,service,6,complaintVerified,"1.5, 被投诉，经查属实"
            """;

    @TempDir
    Path dir;

    @Test
    void eachRowIsARuleKnownByItsCell() {
        // given
        Rubric rubric = RubricFolder.at(dir).manifest(MANIFEST).file("service.csv", TABLE).load();

        // when
        Evaluation e = rubric.evaluate(Subject.of("D1", "某局", new ServiceCase("S-1", "营业执照", LocalDate.of(2026, 3, 2), 5, LocalDate.of(2026, 3, 4), true, false)));

        // then
        assertThat(rubric.rules()).extracting(RubricRule::id, RubricRule::category, RubricRule::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C2", "service", "service.csv!A10"),
                        org.assertj.core.groups.Tuple.tuple("C3", "service", "service.csv!A11"));
        assertThat(e.itemsOf("C2")).singleElement().satisfies(i -> {
            assertThat(i.points()).isEqualByComparingTo("-1");
            assertThat(i.reason()).isEqualTo("办件「营业执照」首问责任人推诿");
            assertThat(i.source()).isEqualTo("service.csv!A10");
        });
        assertThat(e.itemsOf("C3")).isEmpty();
    }

    @Test
    void aMistakeInARowIsReportedAtThatRow() {
        // given: the category of C3 is misspelt, and C2's condition names a property ServiceCase does not have
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("service.csv", TABLE
                .replace("C3,service", "C3,servise").replace(",passedOn,", ",passedOnn,"));

        // when
        InvalidRubricException e = catchThrowableOfType(InvalidRubricException.class, folder::loadTrusted);

        // then
        assertThat(e.problems()).extracting(Problem::where).containsExactly("service.csv!A10", "service.csv!A11");
        assertThat(e.problems().get(1).message()).startsWith("rule [C3 投诉查实] has @category(\"servise\"), which the manifest does not have");
        assertThat(e.problems().get(0).message()).contains("passedOnn");
    }

    @Test
    void aBrokenLayoutIsReportedAtTheCellDroolsNames() {
        // given: a snippet in the row meant for object types
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("service.csv", TABLE.replace("$c : ServiceCase,", "$c : ServiceCase($param),"));

        // when
        InvalidRubricException e = catchThrowableOfType(InvalidRubricException.class, folder::load);

        // then
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("service.csv!E7");
            assertThat(p.message()).startsWith("the decision table cannot be read: ");
        });
    }
}

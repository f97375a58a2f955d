package dev.rubric.rules;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.model.Violation;
import dev.rubric.model.ViolationKind;
import org.junit.jupiter.api.Test;

import static dev.rubric.rules.DepartmentYear.day;
import static dev.rubric.rules.DepartmentYear.wellRun;
import static org.assertj.core.api.Assertions.assertThat;

/** 一票否决 (veto.drl): V1–V3, each failing the unit whatever its points. */
class VetoRulesTest {

    private static Violation violation(ViolationKind kind, boolean unitResponsible) {
        return new Violation("V-1", kind, "蒋某", day("2026-08-14"), "工作日中午饮酒后驾驶公务车辆", unitResponsible);
    }

    @Test
    void v1_aStaffMemberBreakingTheEightProhibitionsFailsTheUnit() {
        var outcome = wellRun().with(violation(ViolationKind.EIGHT_PROHIBITIONS, false)).evaluate();

        var veto = outcome.only("V1", ItemKind.VETO);
        assertThat(veto.reason()).as(outcome.explanation()).isEqualTo("蒋某于2026-08-14违反《公务员八条禁令》：工作日中午饮酒后驾驶公务车辆");
        assertThat(veto.evidence()).extracting(Evidence::id).containsExactly("V-1");
        assertThat(outcome.evaluation().vetoed()).isTrue();
        assertThat(outcome.evaluation().grade()).isEqualTo("不合格");
        assertThat(outcome.total()).isEqualTo("100");
    }

    @Test
    void v1_otherMisconductIsNoVeto() {
        var outcome = wellRun().with(violation(ViolationKind.LAZINESS, false)).evaluate();

        assertThat(outcome.items("V1")).as(outcome.explanation()).isEmpty();
        assertThat(outcome.evaluation().vetoed()).isFalse();
    }

    @Test
    void v2_aMajorAccidentOrMassIncidentTheUnitIsResponsibleForFailsIt() {
        var accident = wellRun().with(violation(ViolationKind.MAJOR_ACCIDENT, true)).evaluate();
        var incident = wellRun().with(violation(ViolationKind.MASS_INCIDENT, true)).evaluate();

        assertThat(accident.only("V2", ItemKind.VETO).reason()).as(accident.explanation()).contains("重大责任事故");
        assertThat(incident.only("V2", ItemKind.VETO).reason()).as(incident.explanation()).contains("群体性事件");
        assertThat(incident.evaluation().grade()).isEqualTo("不合格");
    }

    @Test
    void v2_anIncidentTheUnitIsNotResponsibleForIsNoVeto() {
        var outcome = wellRun().with(violation(ViolationKind.MASS_INCIDENT, false)).evaluate();

        assertThat(outcome.items("V2")).as(outcome.explanation()).isEmpty();
        assertThat(outcome.evaluation().grade()).isEqualTo("优秀");
    }

    @Test
    void v3_falsifiedAssessmentMaterialFailsTheUnit() {
        var falsified = new Violation("V-1", ViolationKind.FALSIFIED_MATERIAL, null, day("2026-12-15"),
                "年终考核报送的“科普进村”活动签到表系事后伪造", true);

        var outcome = wellRun().with(falsified).evaluate();

        assertThat(outcome.only("V3", ItemKind.VETO).reason()).as(outcome.explanation())
                .isEqualTo("2026-12-15考核材料弄虚作假：年终考核报送的“科普进村”活动签到表系事后伪造");
        assertThat(outcome.evaluation().grade()).isEqualTo("不合格");
    }

    @Test
    void v3_aUnitWithoutFalsifiedMaterialIsNotVetoed() {
        var outcome = wellRun().with(violation(ViolationKind.PARTY_DISCIPLINE, false)).evaluate();

        assertThat(outcome.items("V3")).as(outcome.explanation()).isEmpty();
        assertThat(outcome.evaluation().vetoed()).isFalse();
    }
}

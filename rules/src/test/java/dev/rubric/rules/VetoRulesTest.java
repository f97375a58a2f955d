package dev.rubric.rules;

import dev.rubric.api.Rubric;
import dev.rubric.model.Violation;
import dev.rubric.model.ViolationKind;
import dev.rubric.testkit.RubricTest;
import org.junit.jupiter.api.Test;

import static dev.rubric.testkit.RubricAssertions.assertThat;
import static dev.rubric.testkit.model.DepartmentBuilder.day;
import static dev.rubric.testkit.model.DepartmentBuilder.department;

/** 一票否决 (veto.drl): V1–V3, each failing the unit whatever its points. */
@RubricTest(value = "classpath:rubrics/party-mass-efficiency", covers = "veto.drl", minCoverage = 100)
class VetoRulesTest {

    private final Rubric rubric;

    VetoRulesTest(Rubric rubric) {
        this.rubric = rubric;
    }

    private static Violation violation(ViolationKind kind, boolean unitResponsible) {
        return new Violation("V-1", kind, "蒋某", day("2026-08-14"), "工作日中午饮酒后驾驶公务车辆", unitResponsible);
    }

    @Test
    void v1_aStaffMemberBreakingTheEightProhibitionsFailsTheUnit() {
        var result = rubric.evaluate(department().with(violation(ViolationKind.EIGHT_PROHIBITIONS, false)).build());

        assertThat(result).isVetoedBy("V1").hasGrade("不合格").hasTotal("100")
                .hasItem("V1").withReasonContaining("蒋某于2026年8月14日违反《云南省公务员八条禁令》：工作日中午饮酒后驾驶公务车辆").citing("V-1");
    }

    @Test
    void v1_otherMisconductIsNoVeto() {
        var result = rubric.evaluate(department().with(violation(ViolationKind.LAZINESS, false)).build());

        assertThat(result).hasNoItem("V1").isNotVetoed();
    }

    @Test
    void v2_aMajorAccidentOrMassIncidentTheUnitIsResponsibleForFailsIt() {
        var accident = rubric.evaluate(department().with(violation(ViolationKind.MAJOR_ACCIDENT, true)).build());
        var incident = rubric.evaluate(department().with(violation(ViolationKind.MASS_INCIDENT, true)).build());

        assertThat(accident).isVetoedBy("V2").hasGrade("不合格").hasItem("V2").withReasonContaining("重大责任事故");
        assertThat(incident).isVetoedBy("V2").hasGrade("不合格").hasItem("V2").withReasonContaining("群体性事件");
    }

    @Test
    void v2_anIncidentTheUnitIsNotResponsibleForIsNoVeto() {
        var result = rubric.evaluate(department().with(violation(ViolationKind.MASS_INCIDENT, false)).build());

        assertThat(result).hasNoItem("V2").isNotVetoed().hasGrade("优秀");
    }

    @Test
    void v3_falsifiedAssessmentMaterialFailsTheUnit() {
        var falsified = new Violation("V-1", ViolationKind.FALSIFIED_MATERIAL, null, day("2026-12-15"),
                "年终考核报送的“科普进村”活动签到表系事后伪造", true);

        var result = rubric.evaluate(department().with(falsified).build());

        assertThat(result).isVetoedBy("V3").hasGrade("不合格")
                .hasItem("V3").withReasonContaining("2026年12月15日考核材料弄虚作假：年终考核报送的“科普进村”活动签到表系事后伪造");
    }

    @Test
    void v3_aUnitWithoutFalsifiedMaterialIsNotVetoed() {
        var result = rubric.evaluate(department().with(violation(ViolationKind.PARTY_DISCIPLINE, false)).build());

        assertThat(result).hasNoItem("V3").isNotVetoed().hasGrade("优秀");
    }

    @Test
    void aVetoKeepsThePointsVisibleButOnlyEverWorsensTheGrade() {
        var result = rubric.evaluate(department().withLateTask("机要保密检查")
                .withViolation(ViolationKind.FALSIFIED_MATERIAL, "台账造假").build());

        assertThat(result).isVetoed().hasTotal("99").hasTotalBeforeVeto("99").hasGrade("不合格").isBalanced();
    }
}

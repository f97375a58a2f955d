package dev.rubric.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The department fact model validates each fact once, in its constructor, and names the culprit. */
class FactModelTest {

    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    @Test
    void aCompletedTaskNeedsItsCompletionDayAndOnlyACompletedTaskHasOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetTask("T-1", "人大信息工作", "王建华", JUNE_30, null, TaskStatus.COMPLETED))
                .withMessageContaining("task [T-1]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetTask("T-1", "人大信息工作", "王建华", JUNE_30, JUNE_30, TaskStatus.IN_PROGRESS));
    }

    @Test
    void aBlankResponsiblePersonIsNoResponsiblePerson() {
        assertThat(new TargetTask("T-1", "人大信息工作", " ", JUNE_30, null, TaskStatus.IN_PROGRESS).responsible()).isNull();
        assertThat(new TargetTask("T-1", "人大信息工作", " 王建华 ", JUNE_30, null, TaskStatus.IN_PROGRESS).responsible()).isEqualTo("王建华");
    }

    @Test
    void requiredPropertiesAreNamedWhenMissing() {
        assertThatNullPointerException()
                .isThrownBy(() -> new TargetTask("T-1", "人大信息工作", null, null, null, TaskStatus.IN_PROGRESS))
                .withMessage("deadline");
    }

    @Test
    void aKpiTargetMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Kpi("K-1", "老干部信访件数", BigDecimal.ZERO, BigDecimal.ONE, "件", false))
                .withMessageContaining("indicator [K-1] has target [0]");
    }

    @Test
    void aSurveyCannotHaveMoreSatisfiedThanRespondents() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Survey("SV-1", RaterGroup.PUBLIC, 100, 101))
                .withMessage("survey [SV-1] has [101] satisfied and [0] basically satisfied of [100] respondents: respondents must"
                        + " be positive and the answers between 0 and respondents together");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Survey("SV-1", RaterGroup.PUBLIC, 100, 60, 41))
                .withMessageContaining("[60] satisfied and [41] basically satisfied of [100] respondents");
        assertThatIllegalArgumentException().isThrownBy(() -> new Survey("SV-1", RaterGroup.PUBLIC, 0, 0));
    }

    @Test
    void aStudySessionBelongsToQuarterOneToFour() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StudySession("L-5", 5, JUNE_30, null))
                .withMessageContaining("quarter [5]");
    }

    @Test
    void aServiceCaseIsDueItsPromisedWorkingDaysAfterItWasReceived() {
        // received Monday 8 June 2026: two weekends and the Dragon Boat holiday (19 June) fall in the ten working days
        var c = new ServiceCase("C-1", "困难职工救助申请", LocalDate.of(2026, 6, 8), 10, null, false, false);

        assertThat(c.dueOn()).isEqualTo(LocalDate.of(2026, 6, 23));
        assertThat(c.workingDaysOverdue(LocalDate.of(2026, 6, 25))).isEqualTo(2);
        assertThat(c.workingDaysOverdue(LocalDate.of(2026, 6, 23))).isZero();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ServiceCase("C-2", "咨询", JUNE_30, -1, null, false, false));
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AssessmentPeriod("2026年度", 2026, PeriodKind.ANNUAL, JUNE_30, JUNE_30.minusDays(1), JUNE_30));
    }

    @Test
    void commendationLevelsRankNationalAboveProvincialAboveCityAboveCounty() {
        assertThat(CommendationLevel.NATIONAL.isHigherThan(CommendationLevel.PROVINCIAL)).isTrue();
        assertThat(CommendationLevel.PROVINCIAL.isHigherThan(CommendationLevel.CITY)).isTrue();
        assertThat(CommendationLevel.CITY.isHigherThan(CommendationLevel.COUNTY)).isTrue();
        assertThat(CommendationLevel.CITY.isHigherThan(CommendationLevel.CITY)).isFalse();
        assertThat(CommendationLevel.COUNTY.isHigherThan(CommendationLevel.NATIONAL)).isFalse();
    }

    @Test
    void aSurveyWithoutBasicallySatisfiedAnswersCountsThemAsNone() {
        var survey = new Survey("SV-1", RaterGroup.PUBLIC, 100, 90, null);

        assertThat(survey.basicallySatisfied()).isZero();
        assertThat(survey.dissatisfied()).isEqualTo(10);
    }

    @Test
    void aFindingRectifiedByItsDeadlineIsRectifiedInTime() {
        var onTime = new InspectionFinding("F-1", JUNE_30, InspectionKind.HALF_YEAR, Severity.MINOR, "台账不全", JUNE_30.plusDays(10), JUNE_30.plusDays(10));
        var late = new InspectionFinding("F-2", JUNE_30, InspectionKind.HALF_YEAR, Severity.MINOR, "台账不全", JUNE_30.plusDays(10), JUNE_30.plusDays(11));
        var open = new InspectionFinding("F-3", JUNE_30, InspectionKind.HALF_YEAR, Severity.MINOR, "台账不全", JUNE_30.plusDays(10), null, " ");

        assertThat(onTime.rectifiedInTime()).isTrue();
        assertThat(late.rectifiedInTime()).isFalse();
        assertThat(open.rectifiedInTime()).isFalse();
        assertThat(open.concerns()).as("a blank key is no key").isNull();
    }

    @Test
    void datesAndQuartersReadAsChineseDocumentsWriteThem() {
        assertThat(ChineseDate.of(JUNE_30)).isEqualTo("2026年6月30日");
        assertThat(ChineseDate.quarter(2)).isEqualTo("第二季度");
        assertThatIllegalArgumentException().isThrownBy(() -> ChineseDate.quarter(5)).withMessage("quarter [5]: give 1 to 4");
    }
}

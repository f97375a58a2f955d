package dev.rubric.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WorkingDaysTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void weekdaysWorkAndWeekendsRest() {
        assertThat(WorkingDays.isWorkingDay(day("2026-03-18"))).isTrue();  // Wednesday
        assertThat(WorkingDays.isWorkingDay(day("2026-03-21"))).isFalse(); // Saturday
    }

    @Test
    void holidaysRestAndMakeUpWeekendDaysWorkByTheStateCouncilsNotices() {
        assertThat(WorkingDays.isWorkingDay(day("2026-05-04"))).as("劳动节 Monday").isFalse();
        assertThat(WorkingDays.isWorkingDay(day("2026-05-09"))).as("劳动节调休上班 Saturday").isTrue();
        assertThat(WorkingDays.isWorkingDay(day("2026-10-10"))).as("国庆节调休上班 Saturday").isTrue();
        assertThat(WorkingDays.isWorkingDay(day("2025-02-04"))).as("2025 春节 Tuesday").isFalse();
        assertThat(WorkingDays.isWorkingDay(day("2025-09-28"))).as("2025 国庆节调休上班 Sunday").isTrue();
        assertThat(WorkingDays.isWorkingDay(day("2027-10-01"))).as("2027 国庆节").isFalse();
    }

    @Test
    void aLimitStartsTheDayAfterReceiptAndSkipsDaysOff() {
        // received Thursday 22 October 2026, three working days: Friday, Monday, Tuesday
        assertThat(WorkingDays.plusWorkingDays(day("2026-10-22"), 3)).isEqualTo(day("2026-10-27"));
        // received Wednesday 29 April 2026, three working days: Thursday 30 April, then the May Day holiday to the 5th,
        // then Wednesday 6 and Thursday 7 May
        assertThat(WorkingDays.plusWorkingDays(day("2026-04-29"), 3)).isEqualTo(day("2026-05-07"));
        assertThat(WorkingDays.plusWorkingDays(day("2026-04-29"), 0)).isEqualTo(day("2026-04-29"));
    }

    @Test
    void daysOverdueCountOnlyWorkingDays() {
        assertThat(WorkingDays.workingDaysAfter(day("2026-09-30"), day("2026-10-09"))).isEqualTo(2); // 8 and 9 October
        assertThat(WorkingDays.workingDaysAfter(day("2026-09-30"), day("2026-09-30"))).isZero();
    }

    @Test
    void theCalendarSaysWhichYearsItKnowsAndWhichFollowTheNotice() {
        assertThat(WorkingDays.knows(2026)).isTrue();
        assertThat(WorkingDays.isConfirmed(2026)).isTrue();
        assertThat(WorkingDays.knows(2027)).isTrue();
        assertThat(WorkingDays.isConfirmed(2027)).as("2027's make-up days await the notice").isFalse();
        assertThat(WorkingDays.knows(2099)).isFalse();
        assertThat(WorkingDays.isWorkingDay(day("2099-01-01"))).as("a Thursday of an unknown year").isTrue();
    }

    @Test
    void aLineTheCalendarCannotReadNamesItsFileAndLine() {
        var file = new ByteArrayInputStream("confirmed\nrest 2026-13-01 元旦\n".getBytes(StandardCharsets.UTF_8));

        assertThatIllegalStateException().isThrownBy(() -> WorkingDays.read(file, 2026, "2026.txt"))
                .withMessage("[2026.txt:2] has the day [2026-13-01]: write days as 2026-10-01");
    }

    @Test
    void aLineOfAnotherKindIsRefusedWithTheFormToWrite() {
        var file = new ByteArrayInputStream("holiday 2026-10-01\n".getBytes(StandardCharsets.UTF_8));

        assertThatIllegalStateException().isThrownBy(() -> WorkingDays.read(file, 2026, "2026.txt"))
                .withMessageStartingWith("[2026.txt:1] reads [holiday 2026-10-01]: write `rest");
    }
}

package com.cogov.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.calendar.CalendarDayView;
import com.cogov.contracts.calendar.DayKind;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Legal deadlines on the shipped 2025 and 2026 notices (domain-rules.md §4): the day a case is received is not
 * counted, holidays are skipped even on weekdays, make-up Saturdays and Sundays count.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarDeadlineTest implements DevServicesTest {

    @Inject
    CalendarService calendar;

    private Deadline after(String received, int workingDays) {
        return calendar.deadline(LocalDate.parse(received), workingDays);
    }

    @Test
    void sevenWorkingDaysFromAThursdayEndOnTheSecondMondayAsTheRulesSay() {
        assertThat(after("2026-12-03", 7)).isEqualTo(new Deadline(LocalDate.parse("2026-12-14"), false));
    }

    @Test
    void theSpringFestivalIsSkippedAndItsMakeUpSaturdaysCount() {
        // received Friday 13 Feb: Sat 14 Feb is worked (1), 15–23 Feb off, Sat 28 Feb worked
        assertThat(after("2026-02-13", 7).date()).isEqualTo("2026-03-02");
        // received on Sat 14 Feb, a make-up working day and the day before the holiday
        assertThat(after("2026-02-14", 7).date()).isEqualTo("2026-03-03");
        assertThat(after("2026-02-14", 1).date())
                .as("the first working day after the festival")
                .isEqualTo("2026-02-24");
    }

    @Test
    void aCaseReceivedTheDayBeforeNationalDayWaitsOutTheHolidayAndCountsSaturdayTenOctober() {
        // Oct 1–7 off; Thu 8 (1), Fri 9 (2), Sat 10 worked (3), Mon 12 … Thu 15 (7)
        assertThat(after("2026-09-30", 7)).isEqualTo(new Deadline(LocalDate.parse("2026-10-15"), false));
        // a report's 15 days received the day before Mid-Autumn (Sep 25–27) cross both holidays
        assertThat(after("2026-09-24", 15).date()).isEqualTo("2026-10-22");
        // Sunday 20 Sep is worked
        assertThat(after("2026-09-18", 1).date()).isEqualTo("2026-09-20");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
    }

    @Test
    void the2025NoticeIsShippedToo() {
        // received the day before the 2025 Spring Festival (Jan 28 – Feb 4), Sat 8 Feb worked
        assertThat(after("2025-01-27", 5).date()).isEqualTo("2025-02-10");
    }

    @Test
    void aDeadlineInAYearNotYetLoadedIsProvisionalUntilItsNoticeIs() {
        Deadline before = after("2026-12-24", 7);
        assertThat(before).isEqualTo(new Deadline(LocalDate.parse("2027-01-04"), true));
        assertThat(calendar.year(2027).provisional()).isTrue();

        calendar.load(
                new Actor(1L, Role.CITY_ADMIN, null, "420100", null, "127.0.0.1", null),
                2027,
                List.of(new CalendarDayView(LocalDate.parse("2027-01-01"), DayKind.HOLIDAY)));

        assertThat(after("2026-12-24", 7)).isEqualTo(new Deadline(LocalDate.parse("2027-01-05"), false));
        assertThat(calendar.year(2027).provisional()).isFalse();
    }

    @Test
    void workingDaysBetweenDoesNotCountTheFirstDay() {
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-24")))
                .isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-12-14"), LocalDate.parse("2026-12-03")))
                .isZero();
    }
}

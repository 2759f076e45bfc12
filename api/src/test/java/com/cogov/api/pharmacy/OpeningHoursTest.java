package com.cogov.api.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static OpeningHours hours(String text) {
        return OpeningHours.parse(text).orElseThrow();
    }

    @Test
    void officeHoursAreOpenFromTheOpeningMinuteUntilBeforeTheClosingMinute() {
        OpeningHours h = hours("08:30-21:30");
        assertThat(h.openAt(LocalTime.of(8, 29))).isFalse();
        assertThat(h.openAt(LocalTime.of(8, 30))).isTrue();
        assertThat(h.openAt(LocalTime.of(21, 29))).isTrue();
        assertThat(h.openAt(LocalTime.of(21, 30))).isFalse();
    }

    @Test
    void hoursPastMidnightAreOpenLateAndEarlyButNotInTheAfternoon() {
        OpeningHours h = hours("20:00-02:00");
        assertThat(h.crossesMidnight()).isTrue();
        assertThat(h.openAt(LocalTime.of(23, 59))).isTrue();
        assertThat(h.openAt(LocalTime.of(0, 0))).isTrue();
        assertThat(h.openAt(LocalTime.of(1, 59))).isTrue();
        assertThat(h.openAt(LocalTime.of(2, 0))).isFalse();
        assertThat(h.openAt(LocalTime.of(15, 0))).isFalse();
    }

    @Test
    void roundTheClockShopsAreAlwaysOpen() {
        for (String text : new String[] {"00:00-24:00", "24小时", "08:00-08:00"}) {
            OpeningHours h = hours(text);
            assertThat(h.allDay()).as(text).isTrue();
            assertThat(h.openAt(LocalTime.of(3, 0))).as(text).isTrue();
        }
    }

    @Test
    void aDutyMarkLapsesAtTheEndOfTheOpeningItWasSetIn() {
        LocalDateTime evening = LocalDateTime.of(2026, 12, 3, 23, 0);
        assertThat(hours("20:00-02:00").endOfOpening(evening)).isEqualTo(LocalDateTime.of(2026, 12, 4, 2, 0));
        assertThat(hours("20:00-02:00").endOfOpening(LocalDateTime.of(2026, 12, 4, 1, 0)))
                .isEqualTo(LocalDateTime.of(2026, 12, 4, 2, 0));
        assertThat(hours("08:00-22:00").endOfOpening(LocalDateTime.of(2026, 12, 3, 9, 0)))
                .isEqualTo(LocalDateTime.of(2026, 12, 3, 22, 0));
        assertThat(hours("08:00-24:00").endOfOpening(LocalDateTime.of(2026, 12, 3, 9, 0)))
                .isEqualTo(LocalDateTime.of(2026, 12, 4, 0, 0));
        // round the clock, or marked while closed: the end of the day
        assertThat(hours("00:00-24:00").endOfOpening(evening)).isEqualTo(LocalDateTime.of(2026, 12, 4, 0, 0));
        assertThat(hours("08:00-22:00").endOfOpening(LocalDateTime.of(2026, 12, 3, 6, 0)))
                .isEqualTo(LocalDateTime.of(2026, 12, 4, 0, 0));
    }

    @Test
    void freeTextIsUnknownHours() {
        assertThat(OpeningHours.parse("周一至周五")).isEmpty();
        assertThat(OpeningHours.parse("25:00-26:00")).isEmpty();
        assertThat(OpeningHours.parse(null)).isEmpty();
    }
}

package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.calendar.CalendarDayView;
import com.cogov.contracts.calendar.CalendarYearView;
import com.cogov.contracts.calendar.DayKind;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The official calendar on the portal: read by anyone signed in, next year's notice loaded by the city. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient client;

    PortalSessions portal;
    String admin;
    String inspector;

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
    }

    @Test
    void anInspectorReadsThe2026NoticeWithItsMakeUpWorkingDays() {
        CalendarYearView year =
                portal.call(HttpRequest.GET("/portal/v1/calendar/2026"), inspector, CalendarYearView.class);

        assertThat(year.provisional()).isFalse();
        assertThat(year.days())
                .contains(
                        new CalendarDayView(LocalDate.parse("2026-02-14"), DayKind.WORKDAY),
                        new CalendarDayView(LocalDate.parse("2026-02-16"), DayKind.HOLIDAY),
                        new CalendarDayView(LocalDate.parse("2026-10-10"), DayKind.WORKDAY))
                .doesNotContain(new CalendarDayView(LocalDate.parse("2026-03-02"), DayKind.WORKDAY))
                .isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
        assertThat(year.days()).filteredOn(d -> d.kind() == DayKind.WORKDAY).hasSize(6);
    }

    @Test
    void aYearNotLoadedIsProvisionalUntilTheCityLoadsItsNotice() {
        CalendarYearView before =
                portal.call(HttpRequest.GET("/portal/v1/calendar/2030"), admin, CalendarYearView.class);
        assertThat(before.provisional()).isTrue();
        assertThat(before.days()).isEmpty();

        List<CalendarDayView> notice = List.of(
                new CalendarDayView(LocalDate.parse("2030-01-01"), DayKind.HOLIDAY),
                new CalendarDayView(LocalDate.parse("2030-02-02"), DayKind.WORKDAY));
        portal.call(HttpRequest.PUT("/portal/v1/calendar/2030", Map.of("days", notice)), admin, CalendarYearView.class);

        CalendarYearView after =
                portal.call(HttpRequest.GET("/portal/v1/calendar/2030"), inspector, CalendarYearView.class);
        assertThat(after.provisional()).isFalse();
        assertThat(after.days()).containsExactlyElementsOf(notice);
    }

    @Test
    void onlyTheCityLoadsANotice() {
        var problem = portal.refused(
                HttpRequest.PUT("/portal/v1/calendar/2031", Map.of("days", List.of()))
                        .bearerAuth(inspector),
                403);
        assertThat(problem.code()).isEqualTo("FORBIDDEN");
        assertThat(portal.call(HttpRequest.GET("/portal/v1/calendar/2031"), admin, CalendarYearView.class)
                        .provisional())
                .isTrue();
    }

    @Test
    void aNoticeThatCannotBeRightIsRefusedWithWhatToChange() {
        // 2031-03-03 is a Monday: a make-up working day is a Saturday or Sunday
        var weekday = portal.refused(
                HttpRequest.PUT(
                                "/portal/v1/calendar/2031",
                                Map.of("days", List.of(Map.of("date", "2031-03-03", "kind", "WORKDAY"))))
                        .bearerAuth(admin),
                400);
        assertThat(weekday.code()).isEqualTo("CALENDAR_INVALID");
        assertThat(weekday.detail()).contains("2031-03-03", "周六或周日");

        var otherYear = portal.refused(
                HttpRequest.PUT(
                                "/portal/v1/calendar/2031",
                                Map.of("days", List.of(Map.of("date", "2032-01-01", "kind", "HOLIDAY"))))
                        .bearerAuth(admin),
                400);
        assertThat(otherYear.code()).isEqualTo("CALENDAR_INVALID");

        var badKind = portal.refused(
                HttpRequest.PUT(
                                "/portal/v1/calendar/2031",
                                Map.of("days", List.of(Map.of("date", "2031-01-01", "kind", "SOMETIMES"))))
                        .bearerAuth(admin),
                400);
        assertThat(badKind.code()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");

        assertThat(portal.refused(HttpRequest.GET("/portal/v1/calendar/abc").bearerAuth(admin), 400)
                        .code())
                .isEqualTo("CALENDAR_INVALID");
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/calendar/1999").bearerAuth(admin), 400)
                        .code())
                .isEqualTo("CALENDAR_INVALID");
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/calendar/2026"), 401)
                        .code())
                .isIn("UNAUTHENTICATED", "TOKEN_INVALID");
    }
}

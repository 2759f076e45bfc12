package com.cogov.contracts.calendar;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A year of the official calendar: only its exceptions to "Monday to Friday", in date order.
 *
 * @param provisional true while the year's notice is not loaded: it then counts Monday to Friday, and every deadline
 *                    falling in it is provisional
 */
@Serdeable
@Schema(name = "CalendarYear")
public record CalendarYearView(int year, boolean provisional, List<CalendarDayView> days) {}

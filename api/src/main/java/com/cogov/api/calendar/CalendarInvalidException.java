package com.cogov.api.calendar;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A year's notice that cannot be right: a date outside the year, twice, or a make-up working day on a weekday. */
public class CalendarInvalidException extends CogovException {

    CalendarInvalidException(String detail) {
        super(ErrorCode.CALENDAR_INVALID, detail);
    }

    static CalendarInvalidException yearOutOfRange(int year) {
        return new CalendarInvalidException("年份须在2000到2100之间（收到 " + year + "）");
    }
}

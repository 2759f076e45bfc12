package com.cogov.contracts.calendar;

/** An exception to "Monday to Friday": a day off by the State Council's notice, or a weekend day worked (调休). */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}

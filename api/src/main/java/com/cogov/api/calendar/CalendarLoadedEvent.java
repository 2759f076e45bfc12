package com.cogov.api.calendar;

/**
 * A year's holiday notice was loaded or replaced: deadlines that fall in it (provisional ones above all) must be
 * recomputed by whoever keeps them.
 */
public record CalendarLoadedEvent(int year) {}

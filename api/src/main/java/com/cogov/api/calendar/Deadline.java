package com.cogov.api.calendar;

import java.time.LocalDate;

/**
 * A legal deadline: the last day on which the act is on time.
 *
 * @param date        the N-th working day after the start (the start itself not counted)
 * @param provisional true when the count crossed a year whose holiday notice is not loaded yet (counted Monday to
 *                    Friday): the date may move when the notice is loaded, and is recomputed then
 */
public record Deadline(LocalDate date, boolean provisional) {}

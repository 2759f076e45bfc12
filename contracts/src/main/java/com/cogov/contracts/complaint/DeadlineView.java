package com.cogov.contracts.complaint;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * One legal deadline of a case, as a date (the last day that is on time).
 *
 * @param provisional the count crossed a year whose holiday notice is not loaded yet: the date is recomputed when it
 *                    is
 */
@Serdeable
@Schema(name = "ComplaintDeadline")
public record DeadlineView(DeadlineKind kind, LocalDate date, boolean provisional) {}

package com.cogov.contracts.calendar;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** One exception of the official calendar: a holiday (on a weekday or weekend) or a make-up working day. */
@Serdeable
@Schema(name = "CalendarDay")
public record CalendarDayView(
        @NotNull(message = "请填写日期") @Schema(example = "2026-02-16")
        LocalDate date,

        @NotNull(message = "请填写类型：HOLIDAY（放假）或 WORKDAY（调休上班）")
        DayKind kind) {}

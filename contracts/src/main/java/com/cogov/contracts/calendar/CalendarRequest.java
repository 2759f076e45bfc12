package com.cogov.contracts.calendar;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A year's State Council holiday notice, as the city loads it: every holiday and every make-up working day of the
 * year. It replaces what the year had.
 */
@Serdeable
@Schema(name = "CalendarRequest")
public record CalendarRequest(
        @NotNull(message = "请填写该年的放假和调休日期") @Size(max = 120, message = "一年的放假和调休日期不超过120天")
        List<@Valid @NotNull(message = "日期不能为空") CalendarDayView> days) {}

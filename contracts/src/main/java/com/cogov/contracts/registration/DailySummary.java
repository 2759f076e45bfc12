package com.cogov.contracts.registration;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** A pharmacy's day: how many sales were registered and how many packages of each drug left the shelf. */
@Serdeable
@Schema(name = "DailySummary")
public record DailySummary(LocalDate date, long registrations, long voided, List<DrugTotal> drugs) {

    @Serdeable
    @Schema(name = "DrugTotal")
    public record DrugTotal(long drugId, String drugName, long registrations, long packages) {}
}

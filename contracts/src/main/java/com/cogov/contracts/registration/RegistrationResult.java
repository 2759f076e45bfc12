package com.cogov.contracts.registration;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to an accepted registration: its public number, and what the rules flagged without refusing it. The
 * number is how the registration is named everywhere a pharmacy sees it (GET and void routes); it tells the day and
 * nothing about how many sales the city or the pharmacy made.
 */
@Serdeable
@Schema(name = "RegistrationResult")
public record RegistrationResult(
        @Schema(
                description = "DJ, the China date recorded, nine random digits and a check digit (Damm)",
                example = "DJ202611214830192756",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String number,

        List<Warning> warnings) {

    @Serdeable
    @Schema(name = "RegistrationWarning")
    public record Warning(@Schema(example = "VELOCITY_24H") String code, String message) {}
}

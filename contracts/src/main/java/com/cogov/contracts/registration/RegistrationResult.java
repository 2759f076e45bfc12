package com.cogov.contracts.registration;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answer to an accepted registration: its number, and what the rules flagged without refusing it. */
@Serdeable
@Schema(name = "RegistrationResult")
public record RegistrationResult(long id, @Schema(example = "DJ202611210000000123") String number, List<Warning> warnings) {

    @Serdeable
    @Schema(name = "RegistrationWarning")
    public record Warning(@Schema(example = "VELOCITY_24H") String code, String message) {
    }
}

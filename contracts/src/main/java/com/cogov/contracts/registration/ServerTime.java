package com.cogov.contracts.registration;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The server's clock, for the mini-program to notice a phone whose clock is off before a sale's time is refused. */
@Serdeable
@Schema(name = "ServerTime")
public record ServerTime(
        @Schema(example = "2026-11-25T02:15:00Z") Instant now) {}

package com.cogov.contracts.buyer;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The answer to an ID-card scan. The full number and name stay on the server; the mini-program shows {@code buyer} and
 * hands {@code identityRef} back when it registers the sale, which may happen several times before it expires.
 */
@Serdeable
@Schema(name = "ScannedIdentity")
public record ScannedIdentity(
        @Schema(
                description =
                        "Opaque reference to the scanned identity, valid for this pharmacy until expiresAt (10 minutes)",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String identityRef,

        Instant expiresAt,
        BuyerView buyer) {}

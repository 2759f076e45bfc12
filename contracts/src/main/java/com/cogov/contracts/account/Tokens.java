package com.cogov.contracts.account;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A signed-in session: a short-lived access token and a refresh token that rotates on every use. */
@Serdeable
@Schema(name = "Tokens")
public record Tokens(
        @Schema(description = "Send as `Authorization: Bearer <accessToken>`")
        String accessToken,

        @Schema(example = "Bearer") String tokenType,

        @Schema(description = "Seconds the access token is valid")
        long expiresIn,

        @Schema(description = "Single use: each refresh returns a new one")
        String refreshToken,

        @Schema(description = "Seconds until the refresh token expires unless used")
        long refreshExpiresIn,

        ProfileView profile) {}

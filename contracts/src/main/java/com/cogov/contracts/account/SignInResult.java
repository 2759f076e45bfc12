package com.cogov.contracts.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a portal sign-in step. Staff sign-in may take several steps: a forced password change (first
 * sign-in, after an admin reset), then for administrators a TOTP second factor (enrolled on first sign-in).
 */
@Serdeable
@Schema(name = "SignInResult")
public record SignInResult(
        Status status,

        @Nullable @Schema(description = "Present when status is SIGNED_IN", type = "object")
        Tokens tokens,

        @Nullable @Schema(description = "Pass to the next step; valid 5 minutes")
        String challengeToken,

        @Nullable
        @Schema(
                description = "Present when status is TOTP_ENROLMENT_REQUIRED",
                type = "object",
                implementation = TotpEnrolment.class)
        TotpEnrolment totpEnrolment) {

    public enum Status {
        SIGNED_IN,
        PASSWORD_CHANGE_REQUIRED,
        TOTP_ENROLMENT_REQUIRED,
        TOTP_REQUIRED
    }

    /** A secret to add to an authenticator app, as text and as the otpauth:// URI a QR code shows. */
    @Serdeable
    @Schema(name = "TotpEnrolment")
    public record TotpEnrolment(String secret, String otpauthUri) {}

    public static SignInResult signedIn(Tokens tokens) {
        return new SignInResult(Status.SIGNED_IN, tokens, null, null);
    }

    public static SignInResult next(Status status, String challengeToken, @Nullable TotpEnrolment enrolment) {
        return new SignInResult(status, null, challengeToken, enrolment);
    }
}

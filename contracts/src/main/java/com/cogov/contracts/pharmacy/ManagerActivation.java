package com.cogov.contracts.pharmacy;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A pharmacy manager's activation code (账号发放, and 密码找回 for a lost phone), shown once: single use, bound with
 * {@code POST /mp/v1/auth/bind}; binding it ends the manager's earlier binding and sessions.
 */
@Serdeable
@Schema(name = "ManagerActivation")
public record ManagerActivation(
        @Schema(example = "K7MX2QH9TD") String activationCode, Instant expiresAt) {}

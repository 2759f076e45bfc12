package com.cogov.contracts.privacy;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A personal value shown in full, after a permission check and with the reason recorded in the audit trail. */
@Serdeable
@Schema(name = "UnmaskedValue")
public record UnmaskedValue(@Schema(example = "PHONE") String field, String value) {}

package com.cogov.contracts.registration;

import com.cogov.contracts.buyer.DocumentType;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A sale's buyer in full, shown to a regulator who gave a reason; the unmask is in the audit trail. */
@Serdeable
@Schema(name = "UnmaskedBuyer")
public record UnmaskedBuyer(DocumentType documentType, String number, String name) {}

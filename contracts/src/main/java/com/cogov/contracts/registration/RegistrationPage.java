package com.cogov.contracts.registration;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Serdeable
@Schema(name = "RegistrationPage")
public record RegistrationPage(List<RegistrationView> items, int page, int size, boolean hasMore) {}

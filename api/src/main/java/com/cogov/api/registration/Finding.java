package com.cogov.api.registration;

import io.micronaut.core.annotation.Nullable;

/**
 * What one rule says about a sale: a warning (the sale goes through, the district is alerted) or a block.
 *
 * @param subject what repeats of the finding are grouped by into one alert (a resold trace code), or null: one alert
 *                per sale
 */
record Finding(
        String code,
        Severity severity,
        String message,
        @Nullable String category,
        @Nullable String field,
        @Nullable String subject) {

    Finding(String code, Severity severity, String message, @Nullable String category, @Nullable String field) {
        this(code, severity, message, category, field, null);
    }

    enum Severity {
        WARN,
        BLOCK
    }

    static Finding block(String code, String message, @Nullable String category, @Nullable String field) {
        return new Finding(code, Severity.BLOCK, message, category, field);
    }

    static Finding of(CategoryPolicy.Mode mode, String code, String message, String category) {
        return new Finding(
                code, mode == CategoryPolicy.Mode.BLOCK ? Severity.BLOCK : Severity.WARN, message, category, null);
    }
}

package com.cogov.api.registration;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured category policies, with defaults for a category that has none. */
@Singleton
class Policies {

    private final Map<String, CategoryPolicy> byCategory;

    Policies(List<CategoryPolicy> configured) {
        // Micronaut normalises property names (CODEINE_ORAL_LIQUID arrives as codeine-oral-liquid): back to the code.
        this.byCategory = configured.stream()
                .collect(Collectors.toMap(
                        p -> p.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_'), Function.identity()));
    }

    CategoryPolicy of(String category) {
        return byCategory.getOrDefault(category, CategoryPolicy.defaults(category));
    }
}

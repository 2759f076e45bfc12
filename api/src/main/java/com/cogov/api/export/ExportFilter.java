package com.cogov.api.export;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filter of an export request as the query route's parameters: every value as the text it would have in a query
 * string. A number or boolean becomes its text ({@code 20}, {@code true}); a null is left out, as an absent
 * parameter; an object or a list has no query-string form and is refused.
 */
final class ExportFilter {

    private ExportFilter() {}

    static Map<String, String> of(@Nullable Map<String, Object> filter) {
        if (filter == null) {
            return Map.of();
        }
        Map<String, String> text = new LinkedHashMap<>();
        filter.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (value instanceof String s) {
                text.put(name, s);
            } else if (value instanceof Boolean b) {
                text.put(name, b.toString());
            } else if (value instanceof BigDecimal d) {
                text.put(name, d.toPlainString());
            } else if (value instanceof Number n) {
                text.put(
                        name,
                        n instanceof Double || n instanceof Float
                                ? new BigDecimal(n.toString()).toPlainString()
                                : n.toString());
            } else {
                throw ExportRequestException.filterValue(name);
            }
        });
        return Collections.unmodifiableMap(text);
    }
}

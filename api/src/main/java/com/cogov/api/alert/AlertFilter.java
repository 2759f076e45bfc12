package com.cogov.api.alert;

import com.cogov.contracts.alert.AlertStatus;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A worklist filter as read by {@link AlertFilters}, the scope already applied: an inspector's district is always set.
 *
 * @param from inclusive
 * @param to   exclusive
 */
record AlertFilter(
        @Nullable String districtCode,
        @Nullable AlertStatus status,
        @Nullable String rule,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Long pharmacyId) {

    /** The filter as a regulator reads it, for an export's header block and the audit trail. */
    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(districtCode == null ? "全市" : "行政区 " + districtCode);
        if (pharmacyId != null) {
            parts.add("药店 " + pharmacyId);
        }
        if (status != null) {
            parts.add("状态 " + status);
        }
        if (rule != null) {
            parts.add("规则 " + rule);
        }
        if (from != null || to != null) {
            parts.add("时间 " + (from == null ? "" : from) + "至" + (to == null ? "" : to));
        }
        return String.join("，", parts);
    }
}

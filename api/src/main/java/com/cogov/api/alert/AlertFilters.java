package com.cogov.api.alert;

import com.cogov.api.paging.TimeWindow;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.alert.AlertStatus;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.pharmacy.PharmacySummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a worklist filter, the one way for the list route and the ALERTS export alike: the parameters by name as text,
 * each checked (400 with the parameter named), then the caller's scope applied (an inspector's own district; another
 * district or another district's pharmacy is 404, as if it did not exist).
 */
@Singleton
class AlertFilters {

    static final Set<String> PARAMETERS = Set.of("status", "districtCode", "rule", "from", "to", "pharmacyId");

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final Pattern RULE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private final PharmacyService pharmacies;
    private final CityConfiguration city;

    AlertFilters(PharmacyService pharmacies, CityConfiguration city) {
        this.pharmacies = pharmacies;
        this.city = city;
    }

    /** Only regulators work alerts: the city's administrators and the districts' inspectors (403 for anyone else). */
    static void requireRegulator(Actor actor) {
        if (actor.role() != Role.CITY_ADMIN && actor.role() != Role.DISTRICT_INSPECTOR) {
            throw new AccessDeniedException("预警工作台仅限市级管理员和区级监管人员使用");
        }
    }

    /** Whether the actor may see an alert of this district. */
    static boolean inScope(Actor actor, String districtCode) {
        return actor.role() == Role.CITY_ADMIN
                || (actor.role() == Role.DISTRICT_INSPECTOR && districtCode.equals(actor.districtCode()));
    }

    AlertFilter parse(Actor actor, Map<String, String> parameters) {
        requireRegulator(actor);
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw AlertQueryInvalidException.parameter(name, "不支持的查询条件 " + name + "，可用：" + PARAMETERS);
            }
        }
        String district = text(parameters, "districtCode");
        if (district != null && !DISTRICT.matcher(district).matches()) {
            throw AlertQueryInvalidException.parameter("districtCode", "行政区划代码为6位数字");
        }
        if (actor.role() == Role.DISTRICT_INSPECTOR) {
            if (district != null && !district.equals(actor.districtCode())) {
                throw new CogovException(ErrorCode.DISTRICT_NOT_FOUND, "未找到该行政区，或它不在您的辖区");
            }
            district = actor.districtCode();
        } else if (district != null && pharmacies.district(district).isEmpty()) {
            throw new CogovException(ErrorCode.DISTRICT_NOT_FOUND, "未找到行政区 " + district);
        }
        Long pharmacyId = pharmacy(actor, text(parameters, "pharmacyId"));
        String rule = text(parameters, "rule");
        if (rule != null && !RULE.matcher(rule).matches()) {
            throw AlertQueryInvalidException.parameter("rule", "规则代码为大写字母、数字和下划线，如 MANY_DISTRICTS");
        }
        TimeWindow window = TimeWindow.optional(parameters.get("from"), parameters.get("to"), city);
        return new AlertFilter(
                district, status(text(parameters, "status")), rule, window.from(), window.to(), pharmacyId);
    }

    private @Nullable Long pharmacy(Actor actor, @Nullable String value) {
        if (value == null) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw AlertQueryInvalidException.parameter("pharmacyId", "药店编号为数字");
        }
        PharmacySummary pharmacy = pharmacies.find(id).orElseThrow(() -> pharmacyNotFound(id));
        if (!inScope(actor, pharmacy.districtCode())) {
            throw pharmacyNotFound(id);
        }
        return id;
    }

    private static CogovException pharmacyNotFound(long id) {
        return new CogovException(ErrorCode.PHARMACY_NOT_FOUND, "未找到药店 " + id + "，或它不在您的辖区");
    }

    private static @Nullable AlertStatus status(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return AlertStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw AlertQueryInvalidException.parameter("status", "状态须为 OPEN、REVIEWING、DISMISSED 或 CONFIRMED");
        }
    }

    private static @Nullable String text(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

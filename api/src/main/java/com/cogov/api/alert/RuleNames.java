package com.cogov.api.alert;

import java.util.Map;

/** The rules' names as a regulator reads them, for notices and exports; an unknown code is shown as it is. */
final class RuleNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("MANY_DISTRICTS", "“多区购药”"),
            Map.entry("SPLIT_PURCHASES", "“拆分购买”"),
            Map.entry("PHARMACY_SURGE", "“药店购买人数异常”"),
            Map.entry("TRACE_CODE_RESOLD", "“追溯码重复销售”"),
            Map.entry("PER_SALE_LIMIT", "“超过单次限购”"),
            Map.entry("MINOR", "“未成年人购买”"),
            Map.entry("MINOR_CATEGORY_TWO", "“向未成年人销售第二类精神药品”"),
            Map.entry("PRESCRIPTION_REQUIRED", "“凭处方销售”"),
            Map.entry("PRESCRIBED_QUANTITY_EXCEEDED", "“超过处方数量”"),
            Map.entry("VELOCITY_24H", "“24小时购买数量”"),
            Map.entry("VELOCITY_7D", "“7天购买数量”"),
            Map.entry("VELOCITY_PHARMACIES", "“多家药店购买”"));

    private RuleNames() {}

    static String of(String rule) {
        return NAMES.getOrDefault(rule, " " + rule + " ");
    }
}

package com.cogov.api.statistics;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/** One row of {@code statistics_daily}: its primary key, and the typed columns the reads join on. */
record RollupKey(
        Grain grain,
        String districtCode,
        LocalDate day,
        String itemKey,
        @Nullable Long pharmacyId,
        @Nullable Long drugId,
        @Nullable String categoryCode) {

    static RollupKey pharmacy(String district, LocalDate day, long pharmacyId) {
        return new RollupKey(Grain.PHARMACY, district, day, String.valueOf(pharmacyId), pharmacyId, null, null);
    }

    static RollupKey pharmacyCategory(String district, LocalDate day, long pharmacyId, String category) {
        return new RollupKey(
                Grain.PHARMACY_CATEGORY, district, day, pharmacyId + ":" + category, pharmacyId, null, category);
    }

    static RollupKey drug(String district, LocalDate day, long drugId, String category) {
        return new RollupKey(Grain.DRUG, district, day, String.valueOf(drugId), null, drugId, category);
    }

    static RollupKey category(String district, LocalDate day, String category) {
        return new RollupKey(Grain.CATEGORY, district, day, category, null, null, category);
    }

    static RollupKey district(String district, LocalDate day) {
        return new RollupKey(Grain.DISTRICT, district, day, "", null, null, null);
    }

    static RollupKey city(String cityCode, LocalDate day) {
        return new RollupKey(Grain.CITY, cityCode, day, "", null, null, null);
    }
}

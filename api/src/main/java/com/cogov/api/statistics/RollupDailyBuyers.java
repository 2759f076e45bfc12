package com.cogov.api.statistics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The port read from the rollup's PHARMACY_CATEGORY rows (exact distinct buyers per pharmacy, category and day): a
 * primary-key range for one district, the (grain, day) index for the city. As current as the rollup, a few seconds
 * behind the counter.
 */
@Singleton
class RollupDailyBuyers implements DailyBuyers {

    private final JdbcOperations jdbc;

    RollupDailyBuyers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public List<PharmacyDay> between(LocalDate from, LocalDate to, @Nullable String districtCode) {
        List<Object> parameters = new ArrayList<>(List.of(Grain.PHARMACY_CATEGORY.name(), from, to));
        String district = "";
        if (districtCode != null) {
            district = " AND district_code = ?";
            parameters.add(districtCode);
        }
        return Sql.list(
                jdbc,
                "SELECT day, pharmacy_id, district_code, category_code, distinct_buyers FROM statistics_daily"
                        + " WHERE grain = ? AND day BETWEEN ? AND ?" + district + " AND distinct_buyers > 0"
                        + " ORDER BY day, pharmacy_id, category_code",
                parameters,
                rs -> new PharmacyDay(
                        Sql.date(rs, "day"),
                        rs.getLong("pharmacy_id"),
                        rs.getString("district_code"),
                        rs.getString("category_code"),
                        rs.getInt("distinct_buyers")));
    }
}

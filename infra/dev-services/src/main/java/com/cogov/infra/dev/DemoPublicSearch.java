package com.cogov.infra.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The public search's demo (docs/public-search.md): opening hours of every kind (pharmacy 11 open round the clock,
 * 12 past midnight, 13 office hours only), licensed pharmacists (two at each of pharmacies 1 to 20, the first of each
 * of the odd ones on duty until the end of the day it was seeded), collection points of the recycling scheme (every
 * fourth pharmacy, pharmacy 8's suspended), and every seventh pharmacy not selling special compound preparations.
 */
final class DemoPublicSearch {

    private DemoPublicSearch() {}

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"建华", "秀英", "志强", "丽娟", "海涛", "晓燕", "国平", "春梅", "文斌", "静"};

    static void insert(Connection c) throws SQLException {
        hours(c, 11, "00:00-24:00");
        hours(c, 12, "20:00-02:00");
        hours(c, 13, "09:00-17:00");
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE pharmacy SET sells_special_compounds = FALSE WHERE MOD(id, 7) = 0")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO pharmacy_pharmacist (pharmacy_id, name, license_number, on_duty_until)"
                        + " VALUES (?, ?, ?, IF(?, TIMESTAMP(DATE(NOW()) + INTERVAL 1 DAY), NULL))")) {
            for (int pharmacy = 1; pharmacy <= 20; pharmacy++) {
                for (int n = 0; n < 2; n++) {
                    int i = pharmacy * 2 + n;
                    ps.setLong(1, pharmacy);
                    ps.setString(2, SURNAMES[i % SURNAMES.length] + GIVEN[(i * 3) % GIVEN.length]);
                    ps.setString(3, String.format("ZY420%08d", 20190000 + i));
                    ps.setBoolean(4, n == 0 && pharmacy % 2 == 1);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO collection_point (pharmacy_id, status, accepted_kinds) VALUES (?, ?, 'BOX,BOTTLE,OTHER')")) {
            for (int pharmacy = 4; pharmacy <= DemoData.PHARMACIES; pharmacy += 4) {
                ps.setLong(1, pharmacy);
                ps.setString(2, pharmacy == 8 ? "SUSPENDED" : "ACTIVE");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void hours(Connection c, long pharmacy, String hours) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE pharmacy SET opening_hours = ? WHERE id = ?")) {
            ps.setString(1, hours);
            ps.setLong(2, pharmacy);
            ps.executeUpdate();
        }
    }
}

package com.cogov.infra.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Demo reports of unknown barcodes (docs/catalog.md): three codes the demo clerks scanned and the catalog lacked,
 * waiting in the city administrator's queue, so a newcomer can resolve one with curl and see the demo manager told.
 * {@link #EXAMPLE} was reported by both demo pharmacies.
 */
public final class DemoUnknownBarcodes {

    /** Reported by pharmacy 1 and pharmacy 2: the walk-through's code. */
    public static final String EXAMPLE = DemoData.ean13("692000000001");

    /** code, reporter's openid, pharmacy, note, hours ago. */
    private static final Object[][] REPORTS = {
        {EXAMPLE, "demo-clerk", 1L, "新包装的感冒药，盒上写着氨酚伪麻片", 30},
        {EXAMPLE, "demo-clerk-2", 2L, "顾客常买的感冒片，扫码提示未找到", 6},
        {DemoData.ean13("692000000002"), "demo-clerk", 1L, "止咳糖浆，江城制药", 20},
        {DemoData.ean13("692000000003"), "demo-clerk-2", 2L, null, 2},
    };

    private DemoUnknownBarcodes() {}

    static void insert(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO unknown_barcode_report (barcode, pharmacy_id, reported_by, note, status, reported_at)
                SELECT ?, ?, id, ?, 'NEW', TIMESTAMPADD(HOUR, -?, CURRENT_TIMESTAMP(6)) FROM account
                WHERE wechat_openid = ?""")) {
            for (Object[] r : REPORTS) {
                ps.setString(1, (String) r[0]);
                ps.setLong(2, (Long) r[2]);
                ps.setString(3, (String) r[3]);
                ps.setInt(4, (Integer) r[4]);
                ps.setString(5, (String) r[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

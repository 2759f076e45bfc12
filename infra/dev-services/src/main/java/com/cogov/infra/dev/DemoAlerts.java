package com.cogov.infra.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A worklist for the demo regulators (docs/alerts.md): a few alerts of each rule, most in the demo inspector's
 * 武昌区, one under review with its history, and two elsewhere that only the city administrator sees. Buyers are not
 * shown: demo data is written before the data folder's keys exist, so nothing can be sealed for it; the alerts the
 * running app raises show their buyers masked.
 */
final class DemoAlerts {

    private DemoAlerts() {}

    /** rule, severity, status, district, pharmacy, category, detail, subject, hours ago, occurrences */
    private static final Object[][] ALERTS = {
        {
            "PER_SALE_LIMIT",
            "BLOCK",
            "OPEN",
            "420106",
            1L,
            "EPHEDRINE_COMPOUND",
            "含麻黄碱类复方制剂每次销售不得超过2个最小包装（本次4个）",
            null,
            2,
            1
        },
        {
            "PER_SALE_LIMIT",
            "BLOCK",
            "OPEN",
            "420106",
            5L,
            "EPHEDRINE_COMPOUND",
            "含麻黄碱类复方制剂每次销售不得超过2个最小包装（本次3个）",
            null,
            30,
            1
        },
        {"MINOR_CATEGORY_TWO", "BLOCK", "OPEN", "420106", 1L, "CODEINE_ORAL_LIQUID", "不得向未成年人销售第二类精神药品", null, 5, 1},
        {
            "TRACE_CODE_RESOLD",
            "WARN",
            "OPEN",
            "420106",
            5L,
            null,
            "追溯码 81000011234567890123 已在此前的销售中登记，疑似回流药品",
            "81000011234567890123",
            3,
            3
        },
        {
            "MANY_DISTRICTS",
            "WARN",
            "OPEN",
            "420106",
            1L,
            null,
            "同一购买人7天内在3个行政区购药（420103、420106、420111）",
            "demo-buyer-1",
            1,
            3
        },
        {
            "MANY_DISTRICTS",
            "WARN",
            "REVIEWING",
            "420106",
            5L,
            null,
            "同一购买人7天内在4个行政区购药（420102、420104、420106、420115）",
            "demo-buyer-2",
            50,
            4
        },
        {
            "SPLIT_PURCHASES",
            "WARN",
            "OPEN",
            "420106",
            1L,
            "EPHEDRINE_COMPOUND",
            "同一购买人24小时内3次按单次限购上限购买含麻黄碱类复方制剂",
            "demo-buyer-3:EPHEDRINE_COMPOUND",
            4,
            3
        },
        {
            "PHARMACY_SURGE",
            "WARN",
            "OPEN",
            "420106",
            5L,
            "EPHEDRINE_COMPOUND",
            "含麻黄碱类复方制剂今日购买人数41，本店28天日中位数9，本区其他药店中位数8",
            "5:EPHEDRINE_COMPOUND",
            6,
            1
        },
        {
            "MANY_DISTRICTS",
            "WARN",
            "OPEN",
            "420103",
            2L,
            null,
            "同一购买人7天内在3个行政区购药（420103、420104、420105）",
            "demo-buyer-4",
            8,
            3
        },
        {
            "PHARMACY_SURGE",
            "WARN",
            "OPEN",
            "420103",
            2L,
            "DEXTROMETHORPHAN",
            "右美沙芬口服单方制剂今日购买人数17，本店28天日中位数3，本区其他药店中位数2",
            "2:DEXTROMETHORPHAN",
            7,
            1
        },
    };

    static void insert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rule_alert (district_code, pharmacy_id, rule_code, severity, status, category_code, detail,"
                        + " subject_key, occurrence_key, occurrences, created_at, updated_at, last_seen_at) VALUES"
                        + " (?,?,?,?,?,?,?,?,?,?, CURRENT_TIMESTAMP(6) - INTERVAL ? HOUR,"
                        + " CURRENT_TIMESTAMP(6) - INTERVAL ? HOUR, CURRENT_TIMESTAMP(6) - INTERVAL ? HOUR)")) {
            for (Object[] a : ALERTS) {
                String subject = (String) a[7];
                ps.setString(1, (String) a[3]);
                ps.setLong(2, (Long) a[4]);
                ps.setString(3, (String) a[0]);
                ps.setString(4, (String) a[1]);
                ps.setString(5, (String) a[2]);
                ps.setString(6, (String) a[5]);
                ps.setString(7, (String) a[6]);
                ps.setString(8, subject);
                ps.setString(9, subject == null ? null : "demo:" + a[0] + ":" + subject);
                ps.setInt(10, (Integer) a[9]);
                ps.setInt(11, (Integer) a[8]);
                ps.setInt(12, (Integer) a[8]);
                ps.setInt(13, (Integer) a[8]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // The alert under review has its first step, by the demo inspector.
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO rule_alert_history (alert_id, from_status, to_status, note, actor_id)"
                        + " SELECT a.id, 'OPEN', 'REVIEWING', '已联系药店调取监控，核查中', u.id FROM rule_alert a, account u"
                        + " WHERE a.status = 'REVIEWING' AND u.username = 'inspector'")) {
            ps.executeUpdate();
        }
    }
}

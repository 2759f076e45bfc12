package com.cogov.infra.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The pharmacy lifecycle for the demo regulators (docs/pharmacy-lifecycle.md): in 武昌区, the demo inspector's
 * district, pharmacy 44 moved to a new address and pharmacy 57 suspended (to reopen); in 洪山区 pharmacy 59 closed. Each
 * change is in the pharmacy's history and the data centre's outbox, as the running app writes them. None of them is a
 * pharmacy the tests sell at or the load harness makes busy (multiples of 10).
 */
final class DemoLifecycle {

    private DemoLifecycle() {}

    static final long MOVED = 44;
    static final long SUSPENDED = 57;
    static final long CLOSED = 59;

    static void insert(Connection c) throws SQLException {
        String oldAddress;
        try (PreparedStatement ps = c.prepareStatement("SELECT address FROM pharmacy WHERE id = ?")) {
            ps.setLong(1, MOVED);
            try (var rs = ps.executeQuery()) {
                rs.next();
                oldAddress = rs.getString(1);
            }
        }
        String newAddress = "武汉市武昌区中北路108号";
        update(c, "UPDATE pharmacy SET address = ?, version = 2 WHERE id = ?", newAddress, MOVED);
        change(c, MOVED, "EDITED", "address", oldAddress, newAddress, null, 12);

        String suspension = "停业整顿：含麻黄碱类复方制剂销售未逐笔登记";
        update(
                c,
                "UPDATE pharmacy SET status = 'SUSPENDED', status_reason = ?, version = 2,"
                        + " status_changed_at = NOW(6) - INTERVAL 3 DAY WHERE id = ?",
                suspension,
                SUSPENDED);
        change(c, SUSPENDED, "STATUS_CHANGED", "status", "ACTIVE", "SUSPENDED", suspension, 3);

        String closure = "药品经营许可证注销";
        update(
                c,
                "UPDATE pharmacy SET status = 'CLOSED', status_reason = ?, version = 2,"
                        + " status_changed_at = NOW(6) - INTERVAL 40 DAY WHERE id = ?",
                closure,
                CLOSED);
        change(c, CLOSED, "STATUS_CHANGED", "status", "ACTIVE", "CLOSED", closure, 40);
    }

    private static void change(
            Connection c, long pharmacy, String kind, String field, String from, String to, String reason, int daysAgo)
            throws SQLException {
        String changes = "[{\"field\":\"" + field + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}]";
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO pharmacy_change (pharmacy_id, version, kind, changes, reason, actor_id, changed_at)"
                        + " SELECT ?, 2, ?, ?, ?, id, NOW(6) - INTERVAL ? DAY FROM account WHERE username = 'admin'")) {
            ps.setLong(1, pharmacy);
            ps.setString(2, kind);
            ps.setString(3, changes);
            ps.setString(4, reason);
            ps.setInt(5, daysAgo);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO outbox (aggregate_type, aggregate_id, version, event_type, payload)"
                        + " VALUES ('pharmacy', ?, 2, ?, ?)")) {
            ps.setLong(1, pharmacy);
            ps.setString(2, "PHARMACY_" + kind);
            ps.setString(
                    3,
                    "{\"id\":" + pharmacy + ",\"version\":2,\"change\":\"" + kind + "\",\"changes\":" + changes + "}");
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}

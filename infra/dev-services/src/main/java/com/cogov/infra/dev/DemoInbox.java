package com.cogov.infra.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Demo notifications (docs/notifications.md): two messages in the inbox of each demo inspector (portal user
 * {@code inspector}, mini-program user {@code demo-inspector}), the mini-program inspector opted in to alert
 * messages and, with the demo manager, to inspection messages, so a newcomer sees an inbox and a WeChat message at once. Idempotent (unique keys), so it also fills
 * older demo data.
 */
final class DemoInbox {

    private static final String[][] MESSAGES = {
        {"demo:welcome", "SYSTEM", "欢迎使用消息中心", "本辖区的新预警会出现在这里；在小程序中订阅后，也会通过微信服务通知提醒您。", null},
        {"demo:alert-example", "ALERT", "新的预警：多区购药（示例）", "一位购买人7天内在3个区购买含麻黄碱类复方制剂，请在预警工作台核查。", "/alerts"},
    };

    private DemoInbox() {}

    static void seed(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO notification_inbox (account_id, notice_key, topic, title, body, link)
                SELECT id, ?, ?, ?, ?, ? FROM account
                WHERE username = 'inspector' OR wechat_openid = 'demo-inspector'
                ON DUPLICATE KEY UPDATE notification_inbox.id = notification_inbox.id""")) {
            for (String[] m : MESSAGES) {
                for (int i = 0; i < m.length; i++) {
                    ps.setString(i + 1, m[i]);
                }
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO notification_subscription (account_id, topic)
                SELECT id, 'ALERT' FROM account WHERE wechat_openid = 'demo-inspector'
                ON DUPLICATE KEY UPDATE topic = topic""")) {
            ps.executeUpdate();
        }
        // docs/inspection.md: the demo manager receives the inspections of pharmacy 1, and the demo inspector the
        // rectifications sent back to review, as WeChat messages too
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO notification_subscription (account_id, topic)
                SELECT id, 'INSPECTION' FROM account WHERE wechat_openid IN ('demo-manager', 'demo-inspector')
                ON DUPLICATE KEY UPDATE topic = topic""")) {
            ps.executeUpdate();
        }
    }
}

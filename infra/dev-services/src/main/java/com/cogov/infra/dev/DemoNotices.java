package com.cogov.infra.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Demo notices and cross-border pharmacists (docs/notices.md): 武昌区's desk user wrote, and the city administrator
 * approved, a published public notice, a pinned one, and a notice to 武昌区's pharmacies that pharmacy 1 (its clerk
 * and its manager) has confirmed and the district's other five pharmacies have not; and two Macau pharmacists, one
 * registered until 2030 and one expired.
 */
final class DemoNotices {

    /** title, body, audience, pinned, days since published. */
    private static final Object[][] NOTICES = {
        {
            "关于开展含麻黄碱类复方制剂销售专项检查的通告",
            "<h2>专项检查</h2><p>即日起至年底，市局对全市零售药店含麻黄碱类复方制剂的销售开展专项检查。</p>"
                    + "<ol><li>查验购买人身份证件；</li><li>每次不超过2个最小包装；</li><li>如实登记。</li></ol>",
            "PUBLIC",
            false,
            3
        },
        {
            "【置顶】药品安全投诉举报渠道",
            "<p>发现药店违规销售，可在小程序“投诉举报”中提交，或拨打 <strong>12315</strong>。</p>"
                    + "<p>详见<a href=\"https://www.nmpa.gov.cn/\">国家药品监督管理局</a>。</p>",
            "PUBLIC",
            true,
            10
        },
        {
            "关于做好含特殊药品复方制剂实名登记的通知（请确认阅读）",
            "<p>各零售药店：</p><p>请于本月底前完成店员实名登记培训，并在小程序中确认已阅读本通知。</p>"
                    + "<table><tr><th>事项</th><th>期限</th></tr><tr><td>培训</td><td>本月底</td></tr></table>",
            "PHARMACIES",
            false,
            1
        },
    };

    private DemoNotices() {}

    static void insert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO notice (title, body, audience, district_code, pinned, status, published_at,
                    author_account_id, approver_account_id, notified_at, created_at, updated_at)
                SELECT ?, ?, ?, '420106', ?, 'APPROVED', CURRENT_TIMESTAMP(6) - INTERVAL ? DAY, author.id, city.id,
                    CASE WHEN ? = 'PHARMACIES' THEN CURRENT_TIMESTAMP(6) END,
                    CURRENT_TIMESTAMP(6) - INTERVAL ? DAY, CURRENT_TIMESTAMP(6) - INTERVAL ? DAY
                FROM account author, account city WHERE author.username = 'inspector' AND city.username = 'admin'""")) {
            for (Object[] n : NOTICES) {
                ps.setString(1, (String) n[0]);
                ps.setString(2, (String) n[1]);
                ps.setString(3, (String) n[2]);
                ps.setBoolean(4, (Boolean) n[3]);
                ps.setInt(5, (Integer) n[4]);
                ps.setString(6, (String) n[2]);
                ps.setInt(7, (Integer) n[4] + 1);
                ps.setInt(8, (Integer) n[4]);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO notice_read (notice_id, account_id, pharmacy_id)
                SELECT n.id, a.id, a.pharmacy_id FROM notice n, account a
                WHERE n.audience = 'PHARMACIES' AND a.wechat_openid IN ('demo-clerk', 'demo-manager')""")) {
            ps.executeUpdate();
        }
        // search_text as the register folds it: lower case, accents removed
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO cross_border_pharmacist (name_zh, name_pt, license_number, pharmacy_id, valid_from,
                    valid_to, search_text) VALUES (?,?,?,?,?,?,?)""")) {
            Object[][] pharmacists = {
                {"陈家明", "Chan Ka Meng João", "F-0123", 1L, "2025-01-01", "2030-12-31", "陈家明 chan ka meng joao f-0123"},
                {
                    "梁美玲",
                    "Leong Mei Leng Conceição",
                    "F-0456",
                    2L,
                    "2022-01-01",
                    "2024-12-31",
                    "梁美玲 leong mei leng conceicao f-0456"
                },
            };
            for (Object[] p : pharmacists) {
                ps.setString(1, (String) p[0]);
                ps.setString(2, (String) p[1]);
                ps.setString(3, (String) p[2]);
                ps.setLong(4, (Long) p[3]);
                ps.setDate(5, java.sql.Date.valueOf((String) p[4]));
                ps.setDate(6, java.sql.Date.valueOf((String) p[5]));
                ps.setString(7, (String) p[6]);
                ps.executeUpdate();
            }
        }
    }
}

package com.cogov.bff;

import com.cogov.api.notice.NoticeService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.notice.NoticeAudience;
import com.cogov.contracts.notice.NoticeRequests;
import com.cogov.infra.dev.DevServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Published notices for the mini-program's tests, written by a district user and approved by the city through the
 * feature's entry (the desk is the portal's: NoticeDeskTest drives it over HTTP).
 */
final class NoticeFixture {

    private NoticeFixture() {}

    static long published(DevServices dev, NoticeService notices, NoticeAudience audience, String district)
            throws SQLException {
        Actor author = new Actor(account(dev, "inspector"), Role.DISTRICT_INSPECTOR, null, district, null, null, null);
        Actor city = new Actor(account(dev, "admin"), Role.CITY_ADMIN, null, "420100", null, null, null);
        long id = notices.create(
                        author,
                        new NoticeRequests.Create(
                                "小程序测试通知" + UUID.randomUUID().toString().substring(0, 8),
                                "<p>请各药店阅读并确认。</p>",
                                audience,
                                district,
                                null,
                                null,
                                null))
                .id();
        notices.submit(author, id);
        notices.approve(city, id);
        return id;
    }

    private static long account(DevServices dev, String username) throws SQLException {
        try (Connection c = dev.openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

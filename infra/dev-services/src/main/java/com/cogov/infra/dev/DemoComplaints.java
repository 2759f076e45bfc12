package com.cogov.infra.dev;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A few complaints and reports in different states for the demo handlers (docs/complaints.md), each followed on the
 * public web with the query code {@link #QUERY_CODE}. The cases are written with the rest of the demo data, before the
 * data folder's keys are read; {@link #sealComplainants} then gives each complaint its (fictional) complainant,
 * sealed exactly as the app seals them, as the law requires of a complaint (Art. 9). Reports stay anonymous. Their
 * deadlines count Monday to Friday from the day of seeding; the running app counts on the official calendar.
 */
final class DemoComplaints {

    /** The query code of every demo case. */
    static final String QUERY_CODE = "DEMO2026CX";

    private DemoComplaints() {}

    /** number suffix, kind, status, outcome, district, pharmacy (the target), facts, claim, days ago, due flag */
    private static final Object[][] CASES = {
        {"000001", "COMPLAINT", "RECEIVED", null, "420106", 1L, "购买的感冒药已过有效期", "退款并赔偿", 1, null},
        {"000002", "REPORT", "CASE_DECISION", null, "420106", 5L, "该店无处方销售处方药，并且不登记购买人信息", null, 12, "OVERDUE"},
        {"000003", "COMPLAINT", "MEDIATING", null, "420106", 1L, "药品说明书缺页，店员拒绝更换", "更换药品", 6, null},
        {"000004", "REPORT", "CASE_DECISION", null, "420103", 2L, "疑似销售假冒医疗器械（血糖试纸）", null, 3, null},
        {"000005", "COMPLAINT", "CLOSED", "AGREED", "420103", 2L, "多收药费20元", "退还多收费用", 20, null},
        // held by the content check: the local word list flagged 办证 for review; a handler clears it (clear-content)
        {"000006", "COMPLAINT", "PENDING_CONTENT_CHECK", null, "420106", 1L, "店员称可以帮忙办证后再买处方药", "停止违规销售", 0, null},
    };

    /** name, mobile, address of each demo complaint's complainant, in the order of the complaints in CASES. */
    private static final String[][] COMPLAINANTS = {
        {"李投诉", "13912345678", "湖北省武汉市武昌区中北路1号"},
        {"赵市民", "13812340003", "湖北省武汉市洪山区珞喻路3号"},
        {"钱女士", "13712340005", "湖北省武汉市江汉区解放大道5号"},
        {"孙先生", "13612340006", "湖北省武汉市武昌区友谊大道6号"},
    };

    /**
     * Gives the demo complaints that have none their complainant: name, phone and address sealed with SM4-GCM and the
     * phone's HMAC-SM3 blind index, as the app's PrivacyService writes them (DemoRegistrations has the same sealing).
     */
    static void sealComplainants(Connection c, String personalDataKeyHex, String blindIndexKeyHex) throws SQLException {
        KeyParameter sealing = new KeyParameter(HexFormat.of().parseHex(personalDataKeyHex.strip()));
        KeyParameter indexing = new KeyParameter(HexFormat.of().parseHex(blindIndexKeyHex.strip()));
        int next = 0;
        for (Object[] k : CASES) {
            if (!"COMPLAINT".equals(k[1])) {
                continue;
            }
            String[] person = COMPLAINANTS[next++];
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE complaint SET complainant_name_sealed = ?, complainant_phone_sealed = ?,"
                            + " complainant_phone_index = ?, complainant_address_sealed = ?"
                            + " WHERE tracking_number LIKE ? AND kind = 'COMPLAINT' AND complainant_name_sealed IS NULL")) {
                ps.setString(1, DemoRegistrations.seal(sealing, person[0]));
                ps.setString(2, DemoRegistrations.seal(sealing, person[1]));
                ps.setString(3, phoneIndex(indexing, person[1]));
                ps.setString(4, DemoRegistrations.seal(sealing, person[2]));
                ps.setString(5, "TS________" + k[0]);
                ps.executeUpdate();
            }
        }
    }

    /** As the app indexes a mainland mobile: HMAC-SM3 of {@code PHONE|<11 digits>}. */
    private static String phoneIndex(KeyParameter key, String mobile) {
        byte[] input = ("PHONE|" + mobile).getBytes(StandardCharsets.UTF_8);
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(key);
        hmac.update(input, 0, input.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    static void insert(Connection c) throws SQLException {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        for (Object[] k : CASES) {
            int daysAgo = (Integer) k[8];
            LocalDate received = today.minusDays(daysAgo);
            String number = "TS" + received.toString().replace("-", "") + k[0];
            boolean complaint = "COMPLAINT".equals(k[1]);
            LocalDate decision = weekdaysAfter(received, complaint ? 7 : 15);
            LocalDate mediation = "MEDIATING".equals(k[2]) ? weekdaysAfter(today.minusDays(2), 45) : null;
            LocalDate due = switch ((String) k[2]) {
                case "RECEIVED", "CASE_DECISION" -> "OVERDUE".equals(k[9]) ? today.minusDays(1) : decision;
                // no deadline runs until the content check clears the case
                case "MEDIATING" -> mediation;
                default -> null;
            };
            Instant at = received.atTime(10, 30).atZone(zone).toInstant();
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO complaint (tracking_number, query_code_hash, kind, channel, category, status, outcome,"
                            + " district_code, target_pharmacy_id, target_name, facts, claim, received_at, received_on,"
                            + " decision_due, mediation_started_on, mediation_due, due_date, due_flag, closed_at,"
                            + " closed_on_time, text_check, content_hold)"
                            + " VALUES (?,?,?,'WEB','DRUG',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                int i = 0;
                ps.setString(++i, number);
                ps.setString(++i, sha256(number + ":" + QUERY_CODE.toUpperCase(Locale.ROOT)));
                ps.setString(++i, (String) k[1]);
                ps.setString(++i, (String) k[2]);
                ps.setString(++i, (String) k[3]);
                ps.setString(++i, (String) k[4]);
                ps.setLong(++i, (Long) k[5]);
                ps.setString(++i, pharmacyName(c, (Long) k[5]));
                ps.setString(++i, (String) k[6]);
                ps.setString(++i, (String) k[7]);
                ps.setTimestamp(++i, Timestamp.from(at));
                ps.setDate(++i, Date.valueOf(received));
                ps.setDate(++i, Date.valueOf(decision));
                ps.setDate(++i, mediation == null ? null : Date.valueOf(today.minusDays(2)));
                ps.setDate(++i, mediation == null ? null : Date.valueOf(mediation));
                ps.setDate(++i, due == null ? null : Date.valueOf(due));
                ps.setString(++i, (String) k[9]);
                boolean closed = "CLOSED".equals(k[2]);
                ps.setTimestamp(++i, closed ? Timestamp.from(at.plus(5, ChronoUnit.DAYS)) : null);
                if (closed) {
                    ps.setBoolean(++i, true);
                } else {
                    ps.setNull(++i, java.sql.Types.BOOLEAN);
                }
                boolean held = "PENDING_CONTENT_CHECK".equals(k[2]);
                ps.setString(++i, held ? "REVIEW" : "PASS");
                ps.setBoolean(++i, held);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if ("PENDING_CONTENT_CHECK".equals(k[2])) {
                event(
                        c,
                        id,
                        at,
                        "FILED",
                        null,
                        "PENDING_CONTENT_CHECK",
                        "文字内容需人工审核（本地词表：办证），审核后以 clear-content 放行",
                        "已收到，受理编号 " + number + "；内容安全检查通过后开始办理");
                continue;
            }
            event(c, id, at, "FILED", null, complaint ? "RECEIVED" : "CASE_DECISION", null, "已收到，受理编号 " + number);
            if ("MEDIATING".equals(k[2]) || "CLOSED".equals(k[2])) {
                event(c, id, at.plus(1, ChronoUnit.DAYS), "ACCEPT", "RECEIVED", "ACCEPTED", "材料齐全", "您的投诉已受理");
                event(
                        c,
                        id,
                        at.plus(2, ChronoUnit.DAYS),
                        "START_MEDIATION",
                        "ACCEPTED",
                        "MEDIATING",
                        "双方同意调解",
                        "已开始调解");
            }
            if ("CLOSED".equals(k[2])) {
                event(c, id, at.plus(5, ChronoUnit.DAYS), "CLOSE", "MEDIATING", "CLOSED", "商家退还20元", "调解达成协议，投诉办结");
            }
        }
    }

    private static void event(
            Connection c, long id, Instant at, String action, String from, String to, String note, String told)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO complaint_event (complaint_id, at, action, from_status, to_status, note, public_text)"
                        + " VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, action);
            ps.setString(4, from);
            ps.setString(5, to);
            ps.setString(6, note);
            ps.setString(7, told);
            ps.executeUpdate();
        }
    }

    private static String pharmacyName(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pharmacy WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "药店 " + id;
            }
        }
    }

    private static LocalDate weekdaysAfter(LocalDate start, int n) {
        LocalDate day = start;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

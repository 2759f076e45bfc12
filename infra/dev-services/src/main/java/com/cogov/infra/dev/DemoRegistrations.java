package com.cogov.infra.dev;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Demo sales for the embedded default, so the regulator's record queries have something to show: a few dozen sales
 * over the last three weeks at the demo clerks' pharmacies (1 in 武昌区, the demo inspector's district; 2 in 江汉区),
 * some with warnings and their alerts, one voided. Never today (the counter's "today" lists start empty). Buyers are
 * fictional, with checksum-valid ID numbers, sealed exactly as the app seals them (SM4-GCM {@code v1:}, HMAC-SM3 blind
 * index of {@code ID_NUMBER|<number>}): this module cannot use the app's PrivacyService, which needs it for its tests.
 * Inserted only when the database holds no registration.
 */
public final class DemoRegistrations {

    /** A demo buyer's full number, for the README's search by document number. */
    public static final String EXAMPLE_BUYER = idNumber("420106", "19850312", "123");

    public static final int SALES = 36;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[][] BUYERS = {
        {EXAMPLE_BUYER, "张伟", "1985-03-12", "MALE"},
        {idNumber("420103", "19900704", "242"), "李娜", "1990-07-04", "FEMALE"},
        {idNumber("420111", "19780921", "315"), "王强", "1978-09-21", "MALE"},
        {idNumber("420102", "20010115", "428"), "刘芳", "2001-01-15", "FEMALE"},
        {idNumber("420106", "19671130", "539"), "陈建国", "1967-11-30", "MALE"},
        {idNumber("420104", "19950228", "646"), "杨静", "1995-02-28", "FEMALE"},
        {idNumber("420106", "20100606", "751"), "赵小龙", "2010-06-06", "MALE"}, // a minor
    };

    private DemoRegistrations() {}

    /** Seeds the demo sales unless there are registrations already; the keys are the data folder's secrets. */
    static int seedIfNone(Connection c, String personalDataKeyHex, String blindIndexKeyHex) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM registration")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return 0;
            }
        }
        KeyParameter sealing = new KeyParameter(HexFormat.of().parseHex(personalDataKeyHex.strip()));
        KeyParameter indexing = new KeyParameter(HexFormat.of().parseHex(blindIndexKeyHex.strip()));
        long[] clerks = {account(c, "demo-clerk"), account(c, "demo-clerk-2")};
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement reg = c.prepareStatement(
                        "INSERT INTO registration (pharmacy_id, district_code, clerk_id, sold_at, recorded_at,"
                                + " buyer_document_type, buyer_number_sealed, buyer_number_index, buyer_name_sealed,"
                                + " buyer_birth_date, buyer_sex, warnings, number) VALUES (?,?,?,?,?,'RESIDENT_ID',?,?,?,?,?,?,?)",
                        Statement.RETURN_GENERATED_KEYS);
                PreparedStatement item = c.prepareStatement("INSERT INTO registration_item (registration_id, drug_id,"
                        + " special_category_code, quantity, batch_number, sold_at, pharmacy_id, district_code)"
                        + " VALUES (?,?,'EPHEDRINE_COMPOUND',?,?,?,?,?)");
                PreparedStatement code = c.prepareStatement(
                        "INSERT INTO registration_trace_code (trace_code, registration_id) VALUES (?,?)");
                PreparedStatement alert = c.prepareStatement("INSERT INTO rule_alert (district_code, pharmacy_id,"
                        + " registration_id, buyer_number_index, rule_code, severity, category_code, detail)"
                        + " VALUES (?,?,?,?,?,'WARN','EPHEDRINE_COMPOUND',?)");
                PreparedStatement voided = c.prepareStatement(
                        "INSERT INTO registration_void (registration_id, voided_at, voided_by, reason) VALUES (?,?,?,?)")) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < SALES; i++) {
                int pharmacy = i % 3 == 2 ? 2 : 1;
                String district = pharmacy == 1 ? DemoData.DEMO_DISTRICT : "420103";
                String[] buyer = BUYERS[i % BUYERS.length];
                // Two to twenty days ago, between 09:00 and 20:00 China time.
                LocalDate day = LocalDate.now(CHINA).minusDays(2 + i * 18L / SALES);
                Instant soldAt = day.atTime(9 + (i * 7) % 11, (i * 13) % 60)
                        .atZone(CHINA)
                        .toInstant();
                String index = blindIndex(indexing, buyer[0]);
                String warning = buyer[3].equals("MALE") && buyer[2].startsWith("2010")
                        ? "MINOR"
                        : i % 9 == 4 ? "VELOCITY_PHARMACIES" : null;
                reg.setLong(1, pharmacy);
                reg.setString(2, district);
                reg.setLong(3, clerks[pharmacy - 1]);
                reg.setTimestamp(4, Timestamp.from(soldAt));
                reg.setTimestamp(5, Timestamp.from(soldAt.plusSeconds(2)));
                reg.setString(6, seal(sealing, buyer[0]));
                reg.setString(7, index);
                reg.setString(8, seal(sealing, buyer[1]));
                reg.setDate(9, java.sql.Date.valueOf(buyer[2]));
                reg.setString(10, buyer[3]);
                reg.setString(11, warning);
                reg.setString(
                        12, "DJ" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("90000000%02d", i));
                reg.executeUpdate();
                long id;
                try (ResultSet keys = reg.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                // Ephedrine compounds (drug ids 1 to 12 of DemoData's catalog), one or two packages.
                long drug = 1 + i % 12;
                item.setLong(1, id);
                item.setLong(2, drug);
                item.setInt(3, 1 + i % 2);
                item.setString(4, "B2026" + String.format("%04d", 1100 + i % 7));
                item.setTimestamp(5, Timestamp.from(soldAt));
                item.setLong(6, pharmacy);
                item.setString(7, district);
                item.executeUpdate();
                code.setString(1, String.format("8%06d", 100000 + drug) + String.format("9090%09d", i));
                code.setLong(2, id);
                code.executeUpdate();
                if (warning != null) {
                    alert.setString(1, district);
                    alert.setLong(2, pharmacy);
                    alert.setLong(3, id);
                    alert.setString(4, index);
                    alert.setString(5, warning);
                    alert.setString(6, warning.equals("MINOR") ? "购买人未满18周岁" : "该购买人7天内在多家药店购买");
                    alert.executeUpdate();
                }
                if (i == 7) {
                    voided.setLong(1, id);
                    voided.setTimestamp(2, Timestamp.from(soldAt.plusSeconds(600)));
                    voided.setLong(3, clerks[pharmacy - 1]);
                    voided.setString(4, "顾客退货");
                    voided.executeUpdate();
                }
            }
            c.commit();
            return SALES;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static long account(Connection c, String openid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE wechat_openid = ?")) {
            ps.setString(1, openid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** As the app's PrivacyService seals: {@code v1:} and base64 of a random 12-byte IV, ciphertext and tag. */
    static String seal(KeyParameter key, String value) {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        byte[] input = value.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(key, 128, iv));
        byte[] sealed = Arrays.copyOf(iv, 12 + gcm.getOutputSize(input.length));
        int written = gcm.processBytes(input, 0, input.length, sealed, 12);
        try {
            gcm.doFinal(sealed, 12 + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return "v1:" + Base64.getEncoder().encodeToString(sealed);
    }

    /** As the app's PrivacyService indexes an ID number: HMAC-SM3 of {@code ID_NUMBER|<upper-case number>}. */
    static String blindIndex(KeyParameter key, String number) {
        byte[] input = ("ID_NUMBER|" + number.strip().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(key);
        hmac.update(input, 0, input.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** A GB 11643 number: region, birth date, sequence (its last digit odd for men), check character. */
    static String idNumber(String region, String birth, String sequence) {
        String body = region + birth + sequence;
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}

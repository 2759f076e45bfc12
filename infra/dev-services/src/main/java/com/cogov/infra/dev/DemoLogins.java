package com.cogov.infra.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords of the demo portal users: random for each data folder (never in the repository), kept beside the data so
 * they survive a restart, printed by the launcher. Stored as the app stores them: Argon2id in the PHC string format.
 */
public final class DemoLogins {

    public static final String[] PORTAL_USERS = {"admin", "inspector", "enterprise", "operator"};
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DemoLogins() {}

    /** The demo passwords of this data folder, made on first use. */
    static Map<String, String> load(Path file) throws IOException {
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                passwords.load(in);
            }
        }
        SecureRandom random = new SecureRandom();
        boolean changed = false;
        for (String user : PORTAL_USERS) {
            if (passwords.getProperty(user) == null) {
                StringBuilder p = new StringBuilder("Demo-");
                for (int i = 0; i < 12; i++) {
                    p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                passwords.setProperty(user, p.append("-7").toString());
                changed = true;
            }
        }
        if (changed) {
            try (OutputStream out = Files.newOutputStream(file)) {
                passwords.store(out, "Demo portal passwords of the embedded default. Never used in production.");
            }
        }
        Map<String, String> result = new TreeMap<>();
        passwords.stringPropertyNames().forEach(k -> result.put(k, passwords.getProperty(k)));
        return result;
    }

    /** Sets the password of each demo user that has none yet (idempotent, so it also upgrades older demo data). */
    static void apply(Connection connection, Map<String, String> passwords) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE account SET password_hash = ? WHERE username = ? AND password_hash IS NULL")) {
            for (Map.Entry<String, String> login : passwords.entrySet()) {
                ps.setString(1, argon2id(login.getValue()));
                ps.setString(2, login.getKey());
                ps.executeUpdate();
            }
        }
    }

    private static String argon2id(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(19_456)
                .withIterations(2)
                .withParallelism(1)
                .withSalt(salt)
                .build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=19456,t=2,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}

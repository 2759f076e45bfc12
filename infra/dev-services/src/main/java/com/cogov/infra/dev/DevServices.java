package com.cogov.infra.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real MariaDB and a real Redis on free ports, the fake WeChat API and the fake bureau data
 * centre, the schema migrated and demo data seeded, and random secrets. Used by the run command (through the
 * launcher, which hands {@link #environment()} to the apps) and by the tests (through {@link #properties()}).
 * Production never loads this class: only addresses and secrets in configuration differ.
 */
public final class DevServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevServices.class);
    private static final String DATABASE = "cogov";
    private static final String DB_USER = "root";
    private static final String WECHAT_APP_ID = "wxd0c0ffee00000001";
    private static final String DB_URL = "datasources.default.url";
    private static final String REDIS_ADDRESS = "cogov.redis.address";
    private static final String WECHAT_API_HOST = "cogov.wechat.api-host";
    private static final String DATACENTRE_URL = "cogov.datacentre.url";
    private static final String MESSAGE_PUSH_TOKEN = "cogov.wechat.message-push-token";
    private static DevServices forTests;

    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedRedis redis;
    private final FakeWeChatServer weChat;
    private final FakeDataCentre dataCentre;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final DemoData.Summary demo;
    private final Map<String, String> demoPasswords;

    private DevServices(Path root, boolean keepRedis, Map<String, String> external, List<String> mariaDbArgs) {
        // Assigned as each service starts, so that a failure part-way stops what already runs (an embedded MariaDB
        // left behind would also keep the JVM alive).
        List<AutoCloseable> started = new java.util.ArrayList<>();
        try {
            Files.createDirectories(root);
            Properties secrets = secrets(root.resolve("secrets.properties"));
            if (external.containsKey(environmentName(DB_URL))) {
                mariaDb = null; // an external MySQL: the apps migrate it themselves, and it gets no demo data
                demo = null;
                demoPasswords = Map.of();
            } else {
                mariaDb =
                        EmbeddedMariaDb.start(root.resolve("mariadb-base"), root.resolve("mariadb-data"), mariaDbArgs);
                started.add(mariaDb);
                String jdbcUrl = mariaDb.jdbcUrl(DATABASE);
                demoPasswords = DemoLogins.load(root.resolve("demo-logins.properties"));
                demo = migrateAndSeed(jdbcUrl, demoPasswords, secrets);
                DemoImports.write(root); // a file to upload, not rows: imports write through the app
                properties.put(DB_URL, jdbcUrl);
                properties.put("datasources.default.username", DB_USER);
                properties.put("datasources.default.password", "");
            }
            redis = external.containsKey(environmentName(REDIS_ADDRESS))
                    ? null
                    : new EmbeddedRedis(FreePorts.find(), root.resolve("redis"), keepRedis).start();
            weChat = external.containsKey(environmentName(WECHAT_API_HOST))
                    ? null
                    : FakeWeChatServer.start(WECHAT_APP_ID, secrets.getProperty("cogov.wechat.app-secret"));
            dataCentre = external.containsKey(environmentName(DATACENTRE_URL)) ? null : FakeDataCentre.start();

            if (redis != null) {
                properties.put(REDIS_ADDRESS, redis.address());
            }
            if (weChat != null) {
                properties.put("cogov.wechat.app-id", WECHAT_APP_ID);
                properties.put(WECHAT_API_HOST, weChat.baseUrl());
                // Pushed events are signed as WeChat signs them, with the token the app checks them against.
                weChat.setMessagePushToken(secrets.getProperty(MESSAGE_PUSH_TOKEN));
            }
            if (dataCentre != null) {
                properties.put(DATACENTRE_URL, dataCentre.baseUrl());
            }
            // Generated files (exports) beside the other dev data: .devdata/files, or target/ in tests.
            properties.put(
                    "cogov.files.root", root.resolve("files").toAbsolutePath().toString());
            secrets.stringPropertyNames().stream()
                    .sorted()
                    .filter(k -> !external.containsKey(environmentName(k)))
                    .forEach(k -> properties.put(k, secrets.getProperty(k)));
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable service : started) {
                try {
                    service.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * Starts everything with its data kept under {@code root} (a git-ignored folder), so demo data, tokens and the
     * keys that encrypt personal data survive a restart. A service whose address is already set in {@code external}
     * (the environment, e.g. {@code DATASOURCES_DEFAULT_URL} or {@code COGOV_REDIS_ADDRESS}) is not started.
     */
    public static DevServices startPersistent(Path root, Map<String, String> external) {
        return new DevServices(root, true, external, List.of());
    }

    /**
     * The database kept under {@code root} as in {@link #startPersistent(Path, Map)}, with server options for the
     * embedded MariaDB (e.g. a larger buffer pool), and Redis started empty: for runs that must not inherit the last
     * one's caches and counters (the load harness).
     */
    public static DevServices startWithEmptyRedis(Path root, Map<String, String> external, List<String> mariaDbArgs) {
        return new DevServices(root, false, external, mariaDbArgs);
    }

    /**
     * One set of dev services per test JVM (Surefire runs one per module), started on first use from an empty
     * database and stopped when the JVM exits.
     */
    public static synchronized DevServices forTests() {
        if (forTests == null) {
            Path root = Path.of("target", "devservices").toAbsolutePath();
            deleteRecursively(root.resolve("mariadb-data"));
            deleteRecursively(root.resolve("secrets.properties"));
            deleteRecursively(root.resolve("demo-logins.properties"));
            deleteRecursively(root.resolve("files"));
            forTests = new DevServices(root, false, Map.of(), List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(forTests::close, "dev-services-stop"));
        }
        return forTests;
    }

    /** Micronaut configuration properties pointing the app at these services. */
    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /**
     * The same settings as environment variables, the way production receives them: Micronaut maps
     * {@code COGOV_REDIS_ADDRESS} to {@code cogov.redis.address}, and so on.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        properties.forEach((key, value) -> env.put(environmentName(key), value));
        return env;
    }

    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String jdbcUrl() {
        return properties.get(DB_URL);
    }

    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), DB_USER, "");
    }

    public FakeWeChatServer weChat() {
        return weChat;
    }

    public FakeDataCentre dataCentre() {
        return dataCentre;
    }

    /** The demo portal users' passwords (username to password); empty with an external database. */
    public Map<String, String> demoPasswords() {
        return demoPasswords;
    }

    /** What demo data the embedded database holds; empty with an external database. */
    public java.util.Optional<DemoData.Summary> demo() {
        return java.util.Optional.ofNullable(demo);
    }

    /** Stops Redis at its address, for outage drills; {@link #startRedis()} brings it back on the same port. */
    public void stopRedis() {
        Objects.requireNonNull(redis, "Redis is external").stop();
    }

    public void startRedis() {
        Objects.requireNonNull(redis, "Redis is external").start();
    }

    @Override
    public void close() {
        for (AutoCloseable service : new AutoCloseable[] {dataCentre, weChat, redis, mariaDb}) {
            try {
                if (service != null) {
                    service.close();
                }
            } catch (Exception e) {
                LOG.warn("Dev service did not stop cleanly: {}", e.toString());
            }
        }
    }

    private static DemoData.Summary migrateAndSeed(
            String jdbcUrl, Map<String, String> demoPasswords, Properties secrets) {
        Flyway.configure()
                .dataSource(jdbcUrl, DB_USER, "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, DB_USER, "")) {
            DemoData.Summary summary = DemoData.seedIfEmpty(connection);
            DemoLogins.apply(connection, demoPasswords);
            DemoInbox.seed(connection);
            DemoRegistrations.seedIfNone(
                    connection,
                    secrets.getProperty("cogov.secrets.personal-data-key"),
                    secrets.getProperty("cogov.secrets.blind-index-key"));
            DemoComplaints.sealComplainants(
                    connection,
                    secrets.getProperty("cogov.secrets.personal-data-key"),
                    secrets.getProperty("cogov.secrets.blind-index-key"));
            return summary;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed the demo data", e);
        }
    }

    /** Random secrets, made once per data folder and kept there: encrypted demo data must stay readable. */
    private static Properties secrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
        }
        boolean changed = false;
        SecureRandom random = new SecureRandom();
        for (String key : new String[] {
            "cogov.secrets.token-signing-key",
            "cogov.secrets.personal-data-key",
            "cogov.secrets.blind-index-key",
            "cogov.secrets.datacentre-signing-key",
            "cogov.wechat.app-secret",
            MESSAGE_PUSH_TOKEN
        }) {
            if (secrets.getProperty(key) == null) {
                byte[] bytes = new byte[key.endsWith("personal-data-key") ? 16 : 32]; // SM4 takes a 128-bit key
                random.nextBytes(bytes);
                secrets.setProperty(key, HexFormat.of().formatHex(bytes));
                changed = true;
            }
        }
        if (changed) {
            try (OutputStream out = Files.newOutputStream(file)) {
                secrets.store(out, "Generated by the embedded default. Never used in production.");
            }
        }
        return secrets;
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

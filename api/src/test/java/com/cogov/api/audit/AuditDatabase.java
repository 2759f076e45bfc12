package com.cogov.api.audit;

import com.cogov.infra.dev.DevServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trail's tables reached the way a DBA would reach them, past the application: for tampering drills and plan
 * checks. The triggers are put back from the migration's own CREATE TRIGGER statements, so the drills cannot leave
 * the shared test database with different triggers than production.
 */
final class AuditDatabase implements AutoCloseable {

    private static final String MIGRATION = "db/migration/V2_1__audit_trail.sql";
    private static final Pattern CREATE_TRIGGER =
            Pattern.compile("CREATE TRIGGER\\s+(\\w+)[^;]*", Pattern.CASE_INSENSITIVE);

    private final Connection connection;
    private final AuditService audit;

    /** Every read first chains what the service has staged, so it sees the trail up to the moment it is made. */
    AuditDatabase(DevServices devServices, AuditService audit) throws SQLException {
        this.audit = audit;
        this.connection = devServices.openConnection();
        try (Statement statement = connection.createStatement()) {
            // A drill that waits on someone's lock (DROP TRIGGER needs the table to itself) fails instead of hanging.
            statement.execute("SET SESSION lock_wait_timeout = 20, innodb_lock_wait_timeout = 20");
        }
    }

    interface Drill {
        void run() throws Exception;
    }

    /** Runs the drill with the append-only triggers dropped, and recreates them whatever happens. */
    void withoutTriggers(Drill drill) throws Exception {
        Map<String, String> triggers = triggersOfTheMigration();
        try (Statement statement = connection.createStatement()) {
            for (String name : triggers.keySet()) {
                statement.execute("DROP TRIGGER IF EXISTS " + name);
            }
        }
        try {
            drill.run();
        } finally {
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, String> trigger : triggers.entrySet()) {
                    statement.execute("DROP TRIGGER IF EXISTS " + trigger.getKey());
                    statement.execute(trigger.getValue());
                }
            }
        }
    }

    List<String> triggerNames() throws SQLException {
        return strings(
                "SELECT trigger_name FROM information_schema.triggers"
                        + " WHERE event_object_schema = DATABASE() AND event_object_table = 'audit_event' ORDER BY trigger_name");
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    long number(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<String> strings(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Every row of a result as column label to value, e.g. the rows of an EXPLAIN. */
    List<Map<String, String>> rows(String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters.toArray());
                ResultSet rows = statement.executeQuery()) {
            List<Map<String, String>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getString(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    long headLastId() throws SQLException {
        return number("SELECT last_id FROM audit_chain_head WHERE id = 1");
    }

    long lastEventId() throws SQLException {
        return number("SELECT COALESCE(MAX(id), 0) FROM audit_event");
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        audit.flush();
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Map<String, String> triggersOfTheMigration() {
        try (InputStream in = AuditDatabase.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the classpath");
            }
            // Comments out first: they mention CREATE TRIGGER too.
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            Map<String, String> triggers = new LinkedHashMap<>();
            Matcher matcher = CREATE_TRIGGER.matcher(sql);
            while (matcher.find()) {
                triggers.put(matcher.group(1), matcher.group());
            }
            if (triggers.isEmpty()) {
                throw new IllegalStateException("no CREATE TRIGGER in " + MIGRATION);
            }
            return triggers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

package com.cogov.api.shared;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * Connector/J's settings for a pooled server, given to every pool in code. Put in YAML under
 * {@code datasources.*.data-source-properties} they did not reach the driver (a test of the pooled connection showed
 * it; the cause inside the configuration binding was not pinned down), and without them each statement is parsed
 * afresh and every transaction pays extra round trips to set what the session already has. {@code OperationsTest}
 * checks that a pooled connection runs with them. A value that an operator puts into the JDBC URL still wins.
 */
@Singleton
class DriverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Map<String, String> SETTINGS = Map.ofEntries(
            // Statements parsed once per connection instead of on every prepare.
            Map.entry("cachePrepStmts", "true"),
            Map.entry("prepStmtCacheSize", "250"),
            Map.entry("prepStmtCacheSqlLimit", "2048"),
            Map.entry("cacheResultSetMetadata", "true"),
            Map.entry("cacheServerConfiguration", "true"),
            // No round trip to set autocommit, isolation or read-only when the session already has it.
            Map.entry("useLocalSessionState", "true"),
            Map.entry("useLocalTransactionState", "true"),
            Map.entry("elideSetAutoCommits", "true"),
            Map.entry("readOnlyPropagatesToServer", "false"),
            // A batch goes as one multi-row statement.
            Map.entry("rewriteBatchedStatements", "true"),
            Map.entry("maintainTimeStats", "false"));

    private final Duration lockWaitTimeout;

    /**
     * @param lockWaitTimeout how long a statement waits for another transaction's row lock before the database rolls
     *                        its transaction back (answered 503, retry safe). A retry of a sale waits here for the
     *                        first request's commit; InnoDB's own 50 s would leave a clerk's phone hanging.
     */
    DriverSettings(@Value("${cogov.database.lock-wait-timeout:5s}") Duration lockWaitTimeout) {
        this.lockWaitTimeout = lockWaitTimeout;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        String url = pool.getJdbcUrl() == null ? "" : pool.getJdbcUrl();
        Map<String, String> settings = new java.util.HashMap<>(SETTINGS);
        // Set once when a connection opens, not per transaction.
        settings.put("sessionVariables", "innodb_lock_wait_timeout=" + Math.max(1, lockWaitTimeout.toSeconds()));
        settings.forEach((key, value) -> {
            if (!url.contains(key + "=")) {
                pool.addDataSourceProperty(key, value);
            }
        });
        return pool;
    }
}

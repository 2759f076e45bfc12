package com.cogov.api.shared;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Connector/J's settings for a pooled server, given to every pool in code. In YAML under
 * {@code datasources.*.data-source-properties} they never reached the driver (Micronaut bound the map without them, and
 * nothing complained), and without them each statement is parsed afresh and every transaction pays extra round trips
 * to set what the session already has: the counter's throughput fell by a third. {@code OperationsTest} checks that a
 * pooled connection runs with them. A value that an operator puts into the JDBC URL still wins.
 */
@Singleton
class DriverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final Map<String, String> SETTINGS = Map.ofEntries(
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

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        String url = pool.getJdbcUrl() == null ? "" : pool.getJdbcUrl();
        SETTINGS.forEach((key, value) -> {
            if (!url.contains(key + "=")) {
                pool.addDataSourceProperty(key, value);
            }
        });
        return pool;
    }
}

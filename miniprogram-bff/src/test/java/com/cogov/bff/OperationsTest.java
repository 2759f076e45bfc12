package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.cogov.infra.dev.DevServicesTest;
import com.cogov.infra.dev.Interfaces;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What operations and the load balancer rely on: readiness, liveness and metrics on the management port only, which
 * listens on loopback and tells nobody how the node is built.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest implements DevServicesTest {

    @Inject
    @Client("/")
    HttpClient publicPort;

    @Property(name = "endpoints.all.port")
    int managementPort;

    @Inject
    EmbeddedServer server;

    @Inject
    NettyHttpServerConfiguration serverConfiguration;

    @Inject
    ConnectionOperations<Connection> connections;

    private HttpClient management() throws java.net.MalformedURLException {
        return HttpClient.create(
                URI.create("http://127.0.0.1:" + managementPort).toURL());
    }

    @Test
    void theDriverRunsWithThePooledServerSettingsOfTheConfiguration() throws Exception {
        // Without them every statement is parsed again and every transaction costs extra round trips: the counter's
        // throughput halves, and nothing else would tell.
        PropertySet settings = connections.executeRead(status -> {
            try {
                return status.getConnection().unwrap(JdbcConnection.class).getPropertySet();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        for (PropertyKey key : List.of(
                PropertyKey.cachePrepStmts,
                PropertyKey.useLocalSessionState,
                PropertyKey.useLocalTransactionState,
                PropertyKey.elideSetAutoCommits,
                PropertyKey.rewriteBatchedStatements)) {
            assertThat(settings.getBooleanProperty(key).getValue())
                    .as(key.getKeyName())
                    .isTrue();
        }
        assertThat(settings.getIntegerProperty(PropertyKey.prepStmtCacheSize).getValue())
                .isEqualTo(250);
    }

    @Test
    void probesAnswerUpButHealthShowsNoDetailsToAnyone() throws Exception {
        try (HttpClient management = management()) {
            assertThat(management.toBlocking().retrieve("/health/readiness")).contains("\"status\":\"UP\"");
            assertThat(management
                            .toBlocking()
                            .exchange("/health/liveness")
                            .getStatus()
                            .getCode())
                    .isEqualTo(200);
            for (String path : new String[] {"/health", "/health/readiness", "/health/liveness"}) {
                assertThat(management.toBlocking().retrieve(path))
                        .as(path)
                        .doesNotContain(
                                "\"details\":{", "jdbc", "MariaDB", "MySQL", "diskSpace", "redis://", "127.0.0.1");
            }
        }
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() {
        assertThat(Interfaces.accepts(InetAddress.getLoopbackAddress(), managementPort))
                .isTrue();
        // Where this machine has another interface: the public port answers on it, the management port does not.
        Interfaces.nonLoopbackIpv4().ifPresent(external -> {
            assertThat(Interfaces.accepts(external, server.getPort()))
                    .as("public port on %s", external)
                    .isTrue();
            assertThat(Interfaces.accepts(external, managementPort))
                    .as("management port on %s", external)
                    .isFalse();
        });
        assertThat(serverConfiguration.getListeners())
                .as("listeners")
                .filteredOn(listener -> listener.getPort() == managementPort)
                .singleElement()
                .extracting(NettyHttpServerConfiguration.NettyListenerConfiguration::getHost)
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aNodeThatLostRedisReportsNotReadyAndRecovers() throws Exception {
        try (HttpClient management = management()) {
            devServices().stopRedis();
            try {
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    var e = catchThrowableOfType(
                            HttpClientResponseException.class,
                            () -> management.toBlocking().retrieve("/health/readiness"));
                    assertThat(e).isNotNull();
                    assertThat(e.getStatus().getCode()).isEqualTo(503);
                });
            } finally {
                devServices().startRedis();
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(management.toBlocking().retrieve("/health/readiness"))
                            .contains("\"status\":\"UP\""));
        }
    }

    @Test
    void prometheusMetricsAreServedOnTheManagementPort() throws Exception {
        publicPort.toBlocking().exchange("/mp/v1/districts");
        try (HttpClient management = management()) {
            String metrics = management.toBlocking().retrieve("/prometheus");
            assertThat(metrics).contains("http_server_requests_seconds", "hikaricp_connections");
        }
    }

    @Test
    void managementEndpointsAreNotReachableOnThePublicPort() {
        for (String path : new String[] {"/health", "/prometheus"}) {
            var e = catchThrowableOfType(
                    HttpClientResponseException.class,
                    () -> publicPort.toBlocking().exchange(HttpRequest.GET(path)));
            assertThat(e.getStatus().getCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void apiDocumentationIsServed() {
        HttpResponse<String> ui = publicPort.toBlocking().exchange("/swagger-ui/index.html", String.class);
        assertThat(ui.body()).contains("swagger");
        assertThat(publicPort.toBlocking().retrieve("/swagger/cogov-miniprogram-bff-1.0.yml"))
                .contains("/mp/v1/drugs/barcode/{code}");
    }
}

package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.infra.dev.Interfaces;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The management port listens on loopback, answers the probes and metrics, and tells nobody how the node is built. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient publicPort;

    @Inject
    EmbeddedServer server;

    @Inject
    NettyHttpServerConfiguration serverConfiguration;

    @Property(name = "endpoints.all.port")
    int managementPort;

    private HttpClient management() throws java.net.MalformedURLException {
        return HttpClient.create(
                URI.create("http://127.0.0.1:" + managementPort).toURL());
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
            assertThat(management.toBlocking().retrieve("/prometheus")).contains("jvm_memory_used_bytes");
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
    void managementEndpointsAreNotReachableOnThePublicPort() {
        for (String path : new String[] {"/health", "/prometheus"}) {
            var e = catchThrowableOfType(
                    HttpClientResponseException.class,
                    () -> publicPort.toBlocking().exchange(HttpRequest.GET(path)));
            assertThat(e.getStatus().getCode()).as(path).isEqualTo(404);
        }
    }
}

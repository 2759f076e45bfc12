package com.cogov.api.web;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the management port to {@code cogov.management.host} (loopback by default) while the public port keeps
 * {@code micronaut.server.host} (every interface when unset). Micronaut binds the extra port of
 * {@code endpoints.all.port} to the public port's host and has no setting of its own for it, so the two listeners
 * are stated here, as Micronaut would make them, with the management one's address changed.
 */
@Singleton
class ManagementListener implements BeanCreatedEventListener<NettyHttpServerConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementListener.class);

    private final ManagementConfiguration management;
    private final Environment environment;

    ManagementListener(ManagementConfiguration management, Environment environment) {
        this.management = management;
        this.environment = environment;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        Optional<Integer> managementPort = environment.getProperty("endpoints.all.port", Integer.class);
        if (managementPort.isEmpty()) {
            return server;
        }
        if (server.getListeners() != null
                || server.isDualProtocol()
                || environment
                        .getProperty("micronaut.server.ssl.enabled", Boolean.class)
                        .orElse(false)) {
            LOG.warn(
                    "Listeners, TLS or dual protocol are configured explicitly: {}.host is not applied; the management "
                            + "port listens where that configuration says",
                    ManagementConfiguration.PREFIX);
            return server;
        }
        // As Micronaut's own default: the configured port, else 8080, or a random one under test.
        int publicPort = server.getPort().orElse(environment.getActiveNames().contains(Environment.TEST) ? -1 : 8080);
        if (publicPort == managementPort.get()) {
            return server;
        }
        NettyListenerConfiguration publicListener =
                NettyListenerConfiguration.createTcp(server.getHost().orElse(null), publicPort, false, null, null);
        NettyListenerConfiguration managementListener =
                NettyListenerConfiguration.createTcp(management.host(), managementPort.get(), false, null, null);
        managementListener.setExposeDefaultRoutes(false); // only the management routes
        managementListener.setSupportGracefulShutdown(false); // probes keep answering while requests drain
        // The public listener first: it is the port the server reports (tests, logs).
        server.setListeners(List.of(publicListener, managementListener));
        LOG.info("Management port {} listens on {}", managementPort.get(), management.host());
        return server;
    }
}

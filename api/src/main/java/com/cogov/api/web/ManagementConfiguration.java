package com.cogov.api.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where the management port ({@code endpoints.all.port}: health, metrics) listens.
 *
 * @param host the address it binds to: loopback by default, so only the node itself (a local Prometheus agent, the
 *             orchestrator's probes run on the node) reaches it. Set an internal interface's address to let a scraper
 *             on another machine in, and firewall the port to that scraper.
 */
@ConfigurationProperties(ManagementConfiguration.PREFIX)
record ManagementConfiguration(
        @Bindable(defaultValue = "127.0.0.1") String host) {

    static final String PREFIX = "cogov.management";
}

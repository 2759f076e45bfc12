package com.cogov.api.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Which proxies may tell the apps a request's client address.
 *
 * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.5}, {@code 10.1.0.0/16}, {@code ::1}) of the reverse
 *                       proxies in front of the app; only a request whose socket comes from one of them has its
 *                       {@code micronaut.server.client-address-header} read. Empty (the default): every request's
 *                       client is its socket's address.
 */
@ConfigurationProperties(WebConfiguration.PREFIX)
record WebConfiguration(@Nullable List<String> trustedProxies) {

    static final String PREFIX = "cogov.web";

    WebConfiguration {
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}

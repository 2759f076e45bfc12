package com.cogov.api.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.netty.util.NetUtil;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a request's client address is decided: for the per-address sign-in limit, the audit trail, and
 * anything in Micronaut that asks. It replaces Micronaut's resolver, which believes {@code X-Forwarded-For} and
 * {@code Forwarded} from whoever sends them, so that each made-up address got a fresh sign-in budget and reached the
 * audit trail.
 *
 * <p>The client is the socket's address, unless that socket belongs to a proxy in {@code cogov.web.trusted-proxies}
 * and {@code micronaut.server.client-address-header} names the header the proxy writes. That header is read from the
 * right: each proxy appends the address it saw, so the right-most address that is not one of our proxies is the first
 * one that none of them could have been told by the client. A hop that is not an address (e.g. {@code unknown}) ends
 * the walk at the last proxy we trust.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
class ClientAddressResolver implements HttpClientAddressResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAddressResolver.class);

    private final List<AddressRange> trustedProxies;

    @Nullable
    private final String header;

    @Inject
    ClientAddressResolver(WebConfiguration web, HttpServerConfiguration server) {
        this(web.trustedProxies(), server.getClientAddressHeader());
        if (header != null && trustedProxies.isEmpty()) {
            LOG.warn(
                    "micronaut.server.client-address-header is '{}' but {}.trusted-proxies is empty: the header is "
                            + "ignored and every request's client is its socket's address. Behind a proxy, set "
                            + "COGOV_WEB_TRUSTED_PROXIES to the proxy's address.",
                    header,
                    WebConfiguration.PREFIX);
        } else if (header == null && !trustedProxies.isEmpty()) {
            LOG.warn(
                    "{}.trusted-proxies is set but micronaut.server.client-address-header is not: the proxies' "
                            + "addresses are taken as the clients'",
                    WebConfiguration.PREFIX);
        } else if (header != null) {
            LOG.info("Client addresses: '{}' is read from the proxies {}", header, trustedProxies);
        }
    }

    ClientAddressResolver(List<String> trustedProxies, @Nullable String header) {
        this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
        this.header = header == null || header.isBlank() ? null : header.strip();
    }

    @Override
    public String resolve(HttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress socket = remote == null ? null : remote.getAddress();
        if (socket == null) {
            return remote == null ? null : remote.getHostString();
        }
        List<String> values = header == null ? List.of() : request.getHeaders().getAll(header);
        return NetUtil.toAddressString(clientOf(socket, values));
    }

    /** Whether the request's socket comes from a trusted proxy (whose other headers may then be believed too). */
    boolean fromTrustedProxy(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null && trusted(remote.getAddress());
    }

    /** The client of a request from {@code socket} that carries these values of the configured header. */
    InetAddress clientOf(InetAddress socket, List<String> headerValues) {
        if (header == null || !trusted(socket)) {
            return socket;
        }
        List<String> hops = hops(headerValues);
        InetAddress client = socket;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = address(hops.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The addresses the header lists, left to right: {@code a, b} or RFC 7239's {@code for=a;proto=https, for="[b]:1"}. */
    private List<String> hops(List<String> values) {
        boolean forwarded = HttpHeaders.FORWARDED.equalsIgnoreCase(header);
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",")) {
                if (!forwarded) {
                    hops.add(element.strip());
                    continue;
                }
                String hop = "";
                for (String pair : element.split(";")) {
                    String p = pair.strip();
                    if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                        hop = p.substring(4).strip();
                    }
                }
                hops.add(hop);
            }
        }
        return hops;
    }

    /** An IP literal, with the quotes, brackets and port proxies may add; {@code null} for anything else (no DNS). */
    @Nullable
    static InetAddress address(String hop) {
        String s = hop.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            s = close < 0 ? "" : s.substring(1, close);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        return NetUtil.createInetAddressFromIpAddressString(s);
    }
}

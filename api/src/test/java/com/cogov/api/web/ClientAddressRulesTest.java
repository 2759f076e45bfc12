package com.cogov.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose address a request is: the socket's, unless a proxy we trust says otherwise. */
class ClientAddressRulesTest {

    private static final String NGINX = "10.0.0.5";

    @Test
    void withoutATrustedProxyTheForwardedHeadersAreIgnored() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of(), "X-Forwarded-For");
        assertThat(resolver.clientOf(ip("203.0.113.7"), List.of("198.51.100.1")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void aClientConnectingDirectlyCannotClaimAnotherAddressEvenWhenAProxyIsTrusted() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of(NGINX), "X-Forwarded-For");
        assertThat(resolver.clientOf(ip("203.0.113.7"), List.of("198.51.100.1")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void theTrustedProxysHeaderIsReadFromTheRightSoAClientCannotPrependAnAddress() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of(NGINX), "X-Forwarded-For");
        assertThat(resolver.clientOf(ip(NGINX), List.of("198.51.100.1, 203.0.113.7")))
                .isEqualTo(ip("203.0.113.7"));
        assertThat(resolver.clientOf(ip(NGINX), List.of("198.51.100.1", "203.0.113.7")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedPast() {
        ClientAddressResolver resolver =
                new ClientAddressResolver(List.of("10.0.0.0/8", "fd00::/8"), "X-Forwarded-For");
        assertThat(resolver.clientOf(ip(NGINX), List.of("198.51.100.1, 203.0.113.7, 10.2.3.4, fd00::1")))
                .isEqualTo(ip("203.0.113.7"));
        assertThat(resolver.clientOf(ip(NGINX), List.of("10.9.9.9, 10.2.3.4"))).isEqualTo(ip("10.9.9.9"));
    }

    @Test
    void withoutTheHeaderOrWithoutAConfiguredHeaderTheProxyIsTheClient() {
        assertThat(new ClientAddressResolver(List.of(NGINX), "X-Forwarded-For").clientOf(ip(NGINX), List.of()))
                .isEqualTo(ip(NGINX));
        assertThat(new ClientAddressResolver(List.of(NGINX), null).clientOf(ip(NGINX), List.of("203.0.113.7")))
                .isEqualTo(ip(NGINX));
    }

    @Test
    void somethingThatIsNotAnAddressStopsAtTheLastTrustedHop() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8"), "X-Forwarded-For");
        assertThat(resolver.clientOf(ip(NGINX), List.of("203.0.113.7, unknown, 10.2.3.4")))
                .isEqualTo(ip("10.2.3.4"));
        assertThat(resolver.clientOf(ip(NGINX), List.of("evil.example"))).isEqualTo(ip(NGINX));
    }

    @Test
    void theStandardForwardedHeaderIsParsedWithQuotesPortsAndIpv6() {
        ClientAddressResolver resolver = new ClientAddressResolver(List.of(NGINX), "Forwarded");
        assertThat(resolver.clientOf(
                        ip(NGINX), List.of("for=198.51.100.1;proto=https, for=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo(ip("2001:db8:cafe::17"));
        assertThat(resolver.clientOf(ip(NGINX), List.of("proto=https;for=\"203.0.113.7:443\"")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void rangesMatchByTheirPrefix() {
        assertThat(AddressRange.parse("10.1.0.0/16").contains(ip("10.1.255.3"))).isTrue();
        assertThat(AddressRange.parse("10.1.0.0/16").contains(ip("10.2.0.1"))).isFalse();
        assertThat(AddressRange.parse("192.168.4.0/22").contains(ip("192.168.7.255")))
                .isTrue();
        assertThat(AddressRange.parse("192.168.4.0/22").contains(ip("192.168.8.0")))
                .isFalse();
        assertThat(AddressRange.parse("::1").contains(ip("::1"))).isTrue();
        assertThat(AddressRange.parse("::1").contains(ip("127.0.0.1"))).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(ip("203.0.113.7"))).isTrue();
    }

    @Test
    void aMistypedProxyStopsTheAppFromStarting() {
        assertThatThrownBy(() -> AddressRange.parse("nginx.internal"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("nginx.internal");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).isInstanceOf(ConfigurationException.class);
    }

    private static InetAddress ip(String literal) {
        InetAddress address = ClientAddressResolver.address(literal);
        assertThat(address).as(literal).isNotNull();
        return address;
    }
}

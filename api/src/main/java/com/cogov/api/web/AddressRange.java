package com.cogov.api.web;

import io.micronaut.context.exceptions.ConfigurationException;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.Arrays;

/** One entry of an address allow-list: a single address or a CIDR range, IPv4 or IPv6. */
final class AddressRange {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private AddressRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** {@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}; anything else stops the app from starting. */
    static AddressRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            throw new ConfigurationException("Not an IP address or CIDR range in " + WebConfiguration.PREFIX
                    + ".trusted-proxies: '" + text + "'");
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new ConfigurationException("Bad prefix length in " + WebConfiguration.PREFIX + ".trusted-proxies: '"
                    + text + "' (0 to " + bits + ")");
        }
        return new AddressRange(bytes, prefix, trimmed);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        if (!Arrays.equals(candidate, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}

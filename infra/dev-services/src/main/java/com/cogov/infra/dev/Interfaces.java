package com.cogov.infra.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** This machine's network addresses, for tests of what a server listens on. */
public final class Interfaces {

    private Interfaces() {}

    /** An IPv4 address of an interface that is up and not loopback, if this machine has one. */
    public static Optional<InetAddress> nonLoopbackIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                            return Optional.of(address);
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a TCP connection to {@code address:port} is accepted. */
    public static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}

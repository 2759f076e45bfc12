package com.cogov.infra.launcher;

import java.util.List;
import java.util.Properties;

/**
 * The ports the embedded default listens on: each app's public port, from the system properties the run command
 * passes ({@code cogov.bff.port}, {@code cogov.portal.port}; the launcher pom forwards the Maven properties of the same
 * names), and its management port (health, metrics), which is the public port + {@value #MANAGEMENT_OFFSET}.
 */
record Ports(int bff, int portal) {

    static final String BFF_PROPERTY = "cogov.bff.port";
    static final String PORTAL_PROPERTY = "cogov.portal.port";
    static final int DEFAULT_BFF = 8080;
    static final int DEFAULT_PORTAL = 8081;
    static final int MANAGEMENT_OFFSET = 1000;

    Ports {
        if (!usable(bff) || !usable(portal)) {
            throw new IllegalArgumentException("Ports must be between 1 and " + (65535 - MANAGEMENT_OFFSET)
                    + " (the management port is the port + " + MANAGEMENT_OFFSET + "): got " + bff + " and " + portal);
        }
        // An app would fail on a port the other already holds, after everything else had started: say it now.
        if (List.of(bff, portal, bff + MANAGEMENT_OFFSET, portal + MANAGEMENT_OFFSET).stream()
                        .distinct()
                        .count()
                < 4) {
            throw new IllegalArgumentException("The ports overlap: the mini-program BFF would use " + bff + " and "
                    + (bff + MANAGEMENT_OFFSET) + ", the portal " + portal + " and " + (portal + MANAGEMENT_OFFSET)
                    + ". Choose -D" + BFF_PROPERTY + " and -D" + PORTAL_PROPERTY + " further apart.");
        }
    }

    /**
     * Reads the ports from system properties; a missing or blank one takes its default, anything else that is not a
     * port number is refused (rather than silently replaced by the default, as {@link Integer#getInteger} would).
     */
    static Ports from(Properties properties) {
        return new Ports(
                port(properties, BFF_PROPERTY, DEFAULT_BFF), port(properties, PORTAL_PROPERTY, DEFAULT_PORTAL));
    }

    int bffManagement() {
        return bff + MANAGEMENT_OFFSET;
    }

    int portalManagement() {
        return portal + MANAGEMENT_OFFSET;
    }

    /** Every port with what listens on it, in the order they are checked. */
    List<Use> uses() {
        return List.of(
                new Use(bff, "mini-program BFF"),
                new Use(portal, "portal"),
                new Use(bffManagement(), "mini-program BFF management"),
                new Use(portalManagement(), "portal management"));
    }

    @Override
    public String toString() {
        return "mini-program BFF on " + bff + " (management " + bffManagement() + "), portal on " + portal
                + " (management " + portalManagement() + ")";
    }

    record Use(int port, String what) {}

    private static int port(Properties properties, String name, int fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " is not a port number");
        }
    }

    private static boolean usable(int port) {
        return port >= 1 && port + MANAGEMENT_OFFSET <= 65535;
    }
}

package com.cogov.portal;

import com.cogov.infra.dev.DevServicesTest;
import java.util.HashMap;
import java.util.Map;

/**
 * Portal tests run as behind nginx, which reports the client address in X-Forwarded-For: the test client connects
 * from loopback, so loopback is the trusted proxy here.
 */
interface PortalTest extends DevServicesTest {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("micronaut.server.client-address-header", "X-Forwarded-For");
        properties.put("cogov.web.trusted-proxies", "127.0.0.1,::1");
        properties.put("cogov.account.lock-duration", "3s");
        return properties;
    }
}

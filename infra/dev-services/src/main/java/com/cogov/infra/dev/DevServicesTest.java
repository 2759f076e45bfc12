package com.cogov.infra.dev;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * Implemented by {@code @MicronautTest} classes (with {@code @TestInstance(PER_CLASS)}) to run the app against the
 * shared dev services of this test JVM: real MariaDB, real Redis, fake WeChat and data centre.
 */
public interface DevServicesTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServices.forTests().properties());
        properties.put("micronaut.server.port", "-1");
        properties.put("endpoints.all.port", String.valueOf(FreePorts.find()));
        return properties;
    }

    default DevServices devServices() {
        return DevServices.forTests();
    }
}

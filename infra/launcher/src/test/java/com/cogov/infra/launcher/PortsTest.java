package com.cogov.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How the launcher turns the run command's -D settings into the apps' public and management ports. */
class PortsTest {

    @Test
    void withoutSettingsTheAppsTake8080And8081AndTheirManagementPortsArePlus1000() {
        Ports ports = Ports.from(new Properties());

        assertThat(ports.bff()).isEqualTo(8080);
        assertThat(ports.portal()).isEqualTo(8081);
        assertThat(ports.bffManagement()).isEqualTo(9080);
        assertThat(ports.portalManagement()).isEqualTo(9081);
    }

    @Test
    void portPropertiesMoveBothAppsAndTheirManagementPorts() {
        Ports ports = Ports.from(properties("18080", "18081"));

        assertThat(ports.uses()).extracting(Ports.Use::port).containsExactly(18080, 18081, 19080, 19081);
    }

    @Test
    void aBlankSettingTakesTheDefault() {
        // What the pom passes if someone writes -Dcogov.bff.port= on the command line.
        assertThat(Ports.from(properties(" ", "")).bff()).isEqualTo(8080);
    }

    @Test
    void refusesAValueThatIsNotAPortRatherThanFallingBackToTheDefault() {
        assertThatThrownBy(() -> Ports.from(properties("80a0", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dcogov.bff.port=80a0 is not a port number");
    }

    @Test
    void refusesAPortWhoseManagementPortWouldNotExist() {
        assertThatThrownBy(() -> Ports.from(properties("65000", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 64535");
        assertThatThrownBy(() -> Ports.from(properties("0", null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPortsThatCollide() {
        assertThatThrownBy(() -> Ports.from(properties("18080", "18080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
        // The portal on the BFF's management port.
        assertThatThrownBy(() -> Ports.from(properties("8080", "9080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    private static Properties properties(String bff, String portal) {
        Properties properties = new Properties();
        if (bff != null) {
            properties.setProperty(Ports.BFF_PROPERTY, bff);
        }
        if (portal != null) {
            properties.setProperty(Ports.PORTAL_PROPERTY, portal);
        }
        return properties;
    }
}

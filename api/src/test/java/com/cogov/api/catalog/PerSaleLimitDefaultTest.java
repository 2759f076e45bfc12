package com.cogov.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A special drug imported without its own per-sale limit still carries its category's (the law's) limit. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerSaleLimitDefaultTest implements DevServicesTest {

    @Inject
    CatalogService catalog;

    @Test
    void anEphedrineCompoundWithoutItsOwnLimitGetsTheCategorysTwoPackages() throws Exception {
        try (Connection c = devServices().openConnection()) {
            c.createStatement().executeUpdate("UPDATE drug SET per_sale_limit = NULL WHERE id = 3");
            try {
                assertThat(catalog.findById(3).perSaleLimit()).isEqualTo(2);
                assertThat(catalog.findById(13).perSaleLimit())
                        .as("codeine liquids have no per-sale cap: prescription")
                        .isNull();
            } finally {
                c.createStatement().executeUpdate("UPDATE drug SET per_sale_limit = 2 WHERE id = 3");
            }
        }
    }
}

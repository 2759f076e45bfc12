package com.cogov.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lookups through the real Redis: served without the database once cached, fresh on every node after
 * {@code catalogChanged()}, and still answered from the database while Redis is down. Names are changed behind the
 * cache's back directly in the database, and restored.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "cogov.catalog.redis-retry-after", value = "200ms")
@Property(name = "cogov.catalog.version-check-interval", value = "100ms")
// The outage drill runs last: it leaves a pending version bump (applied at the next Redis call, as designed), which
// would turn a neighbouring test's expected cache hit into a harmless but unexpected miss.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogCacheTest implements DevServicesTest {

    private static final String UNKNOWN = "6901028075848"; // checksum-valid, in no catalog

    @Inject
    CatalogService catalog;

    @Test
    void aSecondLookupIsServedFromRedisUntilTheCatalogChanges() throws SQLException {
        catalog.catalogChanged();
        var drug = catalog.findByCode(DemoData.EXAMPLE_BARCODE);
        try {
            rename(drug.id(), "改名后的药品");
            assertThat(catalog.findByCode(DemoData.EXAMPLE_BARCODE).name())
                    .as("cached")
                    .isEqualTo(drug.name());
            catalog.catalogChanged();
            assertThat(catalog.findByCode(DemoData.EXAMPLE_BARCODE).name()).isEqualTo("改名后的药品");
        } finally {
            rename(drug.id(), drug.name());
            catalog.catalogChanged();
        }
        assertThat(catalog.findByCode(DemoData.EXAMPLE_BARCODE)).isEqualTo(drug);
    }

    @Test
    void traceabilityCodesOfOneProductShareOneEntry() throws SQLException {
        catalog.catalogChanged();
        var drug = catalog.findByCode(DemoData.EXAMPLE_BARCODE);
        var first = catalog.findByCode(drug.productIdentifier() + "0000000000101");
        try {
            rename(drug.id(), "改名后的药品");
            // another package of the same product: a code never seen before, answered from the product's entry
            assertThat(catalog.findByCode(drug.productIdentifier() + "0000000000102")
                            .name())
                    .isEqualTo(first.name());
        } finally {
            rename(drug.id(), drug.name());
            catalog.catalogChanged();
        }
    }

    @Test
    void anUnknownCodeIsRememberedSoAFloodOfItStaysOffTheDatabase() throws SQLException {
        catalog.catalogChanged();
        assertThatThrownBy(() -> catalog.findByCode(UNKNOWN)).isInstanceOf(DrugNotFoundException.class);
        try {
            execute("INSERT INTO drug_barcode (barcode, format, drug_id) VALUES ('" + UNKNOWN + "', 'EAN_13', 2)");
            assertThatThrownBy(() -> catalog.findByCode(UNKNOWN))
                    .as("not found, cached")
                    .isInstanceOf(DrugNotFoundException.class);
            catalog.catalogChanged();
            assertThat(catalog.findByCode(UNKNOWN).id()).isEqualTo(2);
        } finally {
            execute("DELETE FROM drug_barcode WHERE barcode = '" + UNKNOWN + "'");
            catalog.catalogChanged();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withRedisDownLookupsAreAnsweredFromTheDatabase() throws Exception {
        var drug = catalog.findByCode(DemoData.EXAMPLE_BARCODE);
        devServices().stopRedis();
        try {
            rename(drug.id(), "改名后的药品");
            // Once the version check is due, this node's copy is no longer trusted without Redis to confirm it.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> catalog.findByCode(DemoData.EXAMPLE_BARCODE).name(), "改名后的药品"::equals);
            for (int i = 0; i < 20; i++) {
                assertThat(catalog.findByCode(DemoData.EXAMPLE_BARCODE).name()).isEqualTo("改名后的药品");
            }
            assertThatThrownBy(() -> catalog.findByCode(UNKNOWN)).isInstanceOf(DrugNotFoundException.class);
            catalog.catalogChanged(); // announced once Redis is back; must not fail the caller meanwhile
        } finally {
            rename(drug.id(), drug.name());
            devServices().startRedis();
        }
        // Past redis-retry-after a lookup tries Redis again, and reads the name as it is now.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> catalog.findByCode(DemoData.EXAMPLE_BARCODE).name(), drug.name()::equals);
        catalog.catalogChanged();
    }

    private void rename(long drugId, String name) throws SQLException {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE drug SET name = ? WHERE id = ?")) {
            ps.setString(1, name);
            ps.setLong(2, drugId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = devServices().openConnection()) {
            c.createStatement().executeUpdate(sql);
        }
    }
}

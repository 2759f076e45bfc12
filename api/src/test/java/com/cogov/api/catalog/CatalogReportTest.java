package com.cogov.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.catalog.UnknownBarcodeReportView;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Reports of unknown codes as the service stores them: per pharmacy, once, audited when made. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogReportTest implements DevServicesTest {

    @Inject
    CatalogService catalog;

    @Inject
    AuditService audit;

    Actor clerkOfPharmacyOne;
    Actor clerkOfPharmacyTwo;

    @BeforeAll
    void clerks() throws SQLException {
        clerkOfPharmacyOne =
                new Actor(accountId("demo-clerk"), Role.PHARMACY_CLERK, 1L, "420106", null, "127.0.0.1", null);
        clerkOfPharmacyTwo =
                new Actor(accountId("demo-clerk-2"), Role.PHARMACY_CLERK, 2L, "420103", null, "127.0.0.1", null);
    }

    @Test
    void aReportIsStoredForTheReportersPharmacyOnceAndAuditedOnce() throws SQLException {
        String code = "6901028075855";
        var first = catalog.reportUnknownBarcode(clerkOfPharmacyOne, " " + code + "\n", "  白色盒子，江城制药  ");
        var repeat = catalog.reportUnknownBarcode(clerkOfPharmacyOne, code, "another note");

        assertThat(first.created()).isTrue();
        assertThat(first.report().barcode()).isEqualTo(code);
        assertThat(first.report().note()).isEqualTo("白色盒子，江城制药");
        assertThat(first.report().status()).isEqualTo(UnknownBarcodeReportView.Status.NEW);
        assertThat(repeat.created()).isFalse();
        assertThat(repeat.report()).isEqualTo(first.report());
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'catalog.barcode.report' AND target_id = '"
                        + first.report().id() + "' AND actor_scope = 'pharmacy:1'"))
                .isEqualTo(1);
    }

    @Test
    void anotherPharmacyReportingTheSameCodeGetsItsOwnReport() {
        String code = "6901028075862";
        var mine = catalog.reportUnknownBarcode(clerkOfPharmacyOne, code, null);
        var theirs = catalog.reportUnknownBarcode(clerkOfPharmacyTwo, code, null);
        assertThat(theirs.created()).isTrue();
        assertThat(theirs.report().id()).isNotEqualTo(mine.report().id());
    }

    @Test
    void onlyPharmacyStaffReport() {
        Actor inspector = new Actor(1L, Role.DISTRICT_INSPECTOR, null, "420106", null, null, null);
        assertThatThrownBy(() -> catalog.reportUnknownBarcode(inspector, "6901028075879", null))
                .isInstanceOf(AccessDeniedException.class);
    }

    private long accountId(String openid) throws SQLException {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE wechat_openid = ?")) {
            ps.setString(1, openid);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        audit.flush(); // the trail as an auditor would search it now
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

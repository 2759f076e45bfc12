package com.cogov.api.crossborder;

import com.cogov.api.shared.EpochSeconds;
import com.cogov.contracts.crossborder.CrossBorderPharmacistView;
import com.cogov.contracts.crossborder.CrossBorderStatus;
import com.cogov.contracts.crossborder.PublicCrossBorderPharmacistView;
import io.micronaut.core.annotation.Nullable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** A registration with its practising place, as read. */
record PharmacistRow(
        long id,
        String nameZh,
        String namePt,
        String licenseNumber,
        long pharmacyId,
        String pharmacyName,
        String pharmacyAddress,
        String districtCode,
        LocalDate validFrom,
        LocalDate validTo,
        @Nullable Instant revokedAt,
        @Nullable String revokeReason) {

    static final String SELECT = "SELECT c.id, c.name_zh, c.name_pt, c.license_number, c.pharmacy_id, p.name,"
            + " p.address, p.district_code, c.valid_from, c.valid_to, UNIX_TIMESTAMP(c.revoked_at) AS revoked_at,"
            + " c.revoke_reason FROM cross_border_pharmacist c JOIN pharmacy p ON p.id = c.pharmacy_id";

    static PharmacistRow of(ResultSet rs) throws SQLException {
        return new PharmacistRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class),
                EpochSeconds.instant(rs, "revoked_at"),
                rs.getString(12));
    }

    com.cogov.api.paging.Cursor cursor() {
        return CrossBorderService.cursorOf(id);
    }

    /** On the city's date {@code today}: revoked first, then by the dates (both days included). */
    CrossBorderStatus status(LocalDate today) {
        if (revokedAt != null) {
            return CrossBorderStatus.REVOKED;
        }
        if (today.isAfter(validTo)) {
            return CrossBorderStatus.EXPIRED;
        }
        return today.isBefore(validFrom) ? CrossBorderStatus.NOT_YET_VALID : CrossBorderStatus.VALID;
    }

    CrossBorderPharmacistView view(LocalDate today) {
        return new CrossBorderPharmacistView(
                id,
                nameZh,
                namePt,
                licenseNumber,
                pharmacyId,
                pharmacyName,
                pharmacyAddress,
                validFrom,
                validTo,
                status(today),
                revokedAt,
                revokeReason);
    }

    PublicCrossBorderPharmacistView publicView(LocalDate today) {
        return new PublicCrossBorderPharmacistView(
                id,
                nameZh,
                namePt,
                licenseNumber,
                new PublicCrossBorderPharmacistView.PractisingPlace(
                        pharmacyId, pharmacyName, pharmacyAddress, districtCode),
                validTo,
                status(today));
    }
}

package com.cogov.api.registration;

import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import io.micronaut.core.annotation.Nullable;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One registration as read, with its void if any; {@code id} is internal (never shown to a pharmacy), {@code number}
 * its public number. The buyer's values are read sealed, never logged; masking is the reader's.
 */
record StoredRegistration(
        long id,
        long pharmacyId,
        long clerkId,
        Instant soldAt,
        Instant recordedAt,
        SealedBuyer buyer,
        @Nullable String prescriptionNumber,
        @Nullable String warnings,
        @Nullable Instant voidedAt,
        @Nullable String voidReason,
        String number,
        String districtCode) {

    /** The columns {@link #readAll} reads, of {@code registration r LEFT JOIN registration_void v}. */
    static final String COLUMNS = "r.id, r.pharmacy_id, r.clerk_id, r.sold_at, r.recorded_at, r.buyer_document_type,"
            + " r.buyer_number_sealed, r.buyer_number_index, r.buyer_name_sealed, r.buyer_birth_date, r.buyer_sex,"
            + " r.prescription_number, r.warnings, v.voided_at, v.reason, r.number, r.district_code";

    /** Runs the bound statement, which selects {@link #COLUMNS}. */
    static List<StoredRegistration> readAll(PreparedStatement ps) throws SQLException {
        List<StoredRegistration> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    /** The current row of a result whose first columns are {@link #COLUMNS}. */
    static StoredRegistration read(ResultSet rs) throws SQLException {
        Date birth = rs.getDate(10);
        String sex = rs.getString(11);
        SealedBuyer buyer = new SealedBuyer(
                DocumentType.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                birth == null ? null : birth.toLocalDate(),
                sex == null ? null : Sex.valueOf(sex));
        Timestamp voided = rs.getTimestamp(14);
        return new StoredRegistration(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(),
                buyer,
                rs.getString(12),
                rs.getString(13),
                voided == null ? null : voided.toInstant(),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17));
    }
}

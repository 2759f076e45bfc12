package com.cogov.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface UnknownBarcodeReportRepository extends CrudRepository<UnknownBarcodeReport, Long> {

    Optional<UnknownBarcodeReport> findByBarcodeAndPharmacyId(String barcode, long pharmacyId);

    /**
     * 1 when this call created the report, 0 when the pharmacy had already reported the code (also when another
     * clerk's report commits at the same moment): the unique key decides, so no duplicate and no error. IGNORE would
     * also hide a value too long for its column, so callers validate lengths first (the code is at most 20 digits,
     * the note at most 200 characters).
     */
    @Query("""
            INSERT IGNORE INTO unknown_barcode_report (barcode, pharmacy_id, reported_by, note, status, reported_at)
            VALUES (:barcode, :pharmacyId, :reportedBy, :note, 'NEW', :reportedAt)""")
    long insertIfAbsent(String barcode, long pharmacyId, long reportedBy, @Nullable String note, Instant reportedAt);
}

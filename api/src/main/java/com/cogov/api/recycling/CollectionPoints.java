package com.cogov.api.recycling;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/** The {@code collection_point} table (V11_6): read only until issue 23 adds its maintenance. */
@Singleton
class CollectionPoints {

    private final JdbcOperations jdbc;

    CollectionPoints(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Set<Long> activePharmacies() {
        return jdbc.prepareStatement("SELECT pharmacy_id FROM collection_point WHERE status = 'ACTIVE'", ps -> {
            Set<Long> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }
}

package com.cogov.api.inspection;

import com.cogov.contracts.inspection.ChecklistView;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The checklist every inspection answers: rows of inspection_checklist_item (seeded by V8_6), which the city changes as
 * data, not code. Only active items are asked; an inspection keeps the label each item had when it was answered.
 */
@Singleton
class Checklist {

    private final JdbcOperations jdbc;

    Checklist(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The active items, in the order they are asked. */
    @ReadOnly
    List<ChecklistView.Item> active() {
        return jdbc.prepareStatement(
                "SELECT code, label, description FROM inspection_checklist_item WHERE active ORDER BY sort_order, code",
                statement -> {
                    List<ChecklistView.Item> items = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            items.add(new ChecklistView.Item(rs.getString(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                    return items;
                });
    }
}

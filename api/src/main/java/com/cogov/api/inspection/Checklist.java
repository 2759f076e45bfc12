package com.cogov.api.inspection;

import com.cogov.contracts.inspection.ChecklistEntry;
import com.cogov.contracts.inspection.ChecklistView;
import com.cogov.contracts.inspection.InspectionRequests;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
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

    /** Every item, retired ones too, in order: what the city maintains. */
    @ReadOnly
    List<ChecklistEntry> all() {
        return jdbc.prepareStatement(
                "SELECT code, label, description, sort_order, active FROM inspection_checklist_item"
                        + " ORDER BY sort_order, code",
                statement -> {
                    List<ChecklistEntry> items = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            items.add(new ChecklistEntry(
                                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)));
                        }
                    }
                    return items;
                });
    }

    /** Adds the item, or changes it; an item is retired (active false), never deleted: past answers name it. */
    @Transactional
    ChecklistEntry put(String code, InspectionRequests.ChecklistItem item) {
        jdbc.prepareStatement(
                "INSERT INTO inspection_checklist_item (code, label, description, sort_order, active)"
                        + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE label = VALUES(label),"
                        + " description = VALUES(description), sort_order = VALUES(sort_order), active = VALUES(active)",
                statement -> {
                    statement.setString(1, code);
                    statement.setString(2, item.label().strip());
                    statement.setString(3, item.description().strip());
                    statement.setInt(4, item.sortOrder());
                    statement.setBoolean(5, item.active());
                    return statement.executeUpdate();
                });
        return new ChecklistEntry(
                code, item.label().strip(), item.description().strip(), item.sortOrder(), item.active());
    }
}

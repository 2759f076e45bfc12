package com.cogov.api.pharmacy;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.pharmacy.PharmacyChangeKind;
import com.cogov.contracts.pharmacy.PharmacyChangeView.FieldChange;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 地址更改 and the other details kept in place (name, address, coordinates, hours, phone): the old values go to the
 * history. An edit that changes nothing makes no new version. A closed pharmacy's record is frozen.
 */
@Singleton
class PharmacyEditing {

    private final PharmacyRows rows;
    private final PharmacyScope scope;
    private final ChangeRecords records;
    private final PharmacyViews views;

    PharmacyEditing(PharmacyRows rows, PharmacyScope scope, ChangeRecords records, PharmacyViews views) {
        this.rows = rows;
        this.scope = scope;
        this.records = records;
        this.views = views;
    }

    @Transactional
    PharmacyView edit(Actor actor, long id, PharmacyRequests.Edit edit) {
        scope.confinedTo(actor);
        if ((edit.latitude() == null) != (edit.longitude() == null)) {
            throw PharmacyRequestInvalidException.field(
                    edit.latitude() == null ? "latitude" : "longitude", "纬度和经度须同时填写");
        }
        if (edit.name() != null && edit.name().isBlank()
                || edit.address() != null && edit.address().isBlank()) {
            throw PharmacyRequestInvalidException.field(edit.name() != null ? "name" : "address", "名称和地址不能为空");
        }
        Pharmacy before = scope.lock(actor, id);
        if (before.status() == PharmacyStatus.CLOSED) {
            throw PharmacyNotOpenException.of(PharmacyStatus.CLOSED);
        }
        Pharmacy after = applied(before, edit);
        List<FieldChange> changes = changes(before, after);
        if (changes.isEmpty()) {
            return views.view(before, null);
        }
        rows.updateDetails(after);
        Pharmacy edited = rows.find(id).orElseThrow();
        records.pharmacy(actor, edited, PharmacyChangeKind.EDITED, changes, null);
        return views.view(edited, null);
    }

    /** The pharmacy with the edit's fields applied, at its next version; absent fields stay as they are. */
    static Pharmacy applied(Pharmacy before, PharmacyRequests.Edit edit) {
        return new Pharmacy(
                before.id(),
                before.licenseNumber(),
                before.creditCode(),
                edit.name() == null ? before.name() : edit.name().strip(),
                before.districtCode(),
                edit.address() == null ? before.address() : edit.address().strip(),
                edit.latitude() == null ? before.latitude() : edit.latitude(),
                edit.longitude() == null ? before.longitude() : edit.longitude(),
                edit.openingHours() == null ? before.openingHours() : PharmacyRegistry.blankToNull(edit.openingHours()),
                edit.phone() == null ? before.phone() : PharmacyRegistry.blankToNull(edit.phone()),
                before.status(),
                before.statusReason(),
                before.version() + 1,
                before.createdAt(),
                before.updatedAt(),
                before.sellsSpecialCompounds());
    }

    static List<FieldChange> changes(Pharmacy before, Pharmacy after) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "name", before.name(), after.name());
        add(changes, "address", before.address(), after.address());
        add(changes, "latitude", before.latitude(), after.latitude());
        add(changes, "longitude", before.longitude(), after.longitude());
        add(changes, "openingHours", before.openingHours(), after.openingHours());
        add(changes, "phone", before.phone(), after.phone());
        return changes;
    }

    private static void add(List<FieldChange> changes, String field, @Nullable String from, @Nullable String to) {
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(field, from, to));
        }
    }

    /** 30.5 and 30.500000 are the same place. */
    private static void add(
            List<FieldChange> changes, String field, @Nullable BigDecimal from, @Nullable BigDecimal to) {
        boolean same = from == null ? to == null : to != null && from.compareTo(to) == 0;
        if (!same) {
            changes.add(new FieldChange(field, PharmacyRegistry.text(from), PharmacyRegistry.text(to)));
        }
    }
}

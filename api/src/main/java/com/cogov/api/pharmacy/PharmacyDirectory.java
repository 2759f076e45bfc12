package com.cogov.api.pharmacy;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.pharmacy.PharmacySummary;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading pharmacies: the regulators' list and detail (with history), and the checks other features ask for. */
@Singleton
class PharmacyDirectory {

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final int MAX_TEXT = 64;

    private final PharmacyRows rows;
    private final PharmacyScope scope;
    private final ChangeRecords records;
    private final PharmacyViews views;

    PharmacyDirectory(PharmacyRows rows, PharmacyScope scope, ChangeRecords records, PharmacyViews views) {
        this.rows = rows;
        this.scope = scope;
        this.records = records;
        this.views = views;
    }

    /**
     * The list, newest first. Parameters come as typed; a malformed one is a 400 that names it, a district outside an
     * inspector's own a 404. An inspector without a district parameter sees their district.
     */
    @ReadOnly
    Page<PharmacyView> list(
            Actor actor, @Nullable String districtCode, @Nullable String status, @Nullable String q, PageRequest page) {
        String confined = scope.confinedTo(actor);
        String district = confined;
        if (districtCode != null && !districtCode.isBlank()) {
            if (!DISTRICT.matcher(districtCode.strip()).matches()) {
                throw PharmacyRequestInvalidException.parameter("districtCode", "行政区划代码为6位数字");
            }
            district = scope.district(actor, districtCode.strip()).code();
        }
        PharmacyStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = PharmacyStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw PharmacyRequestInvalidException.parameter("status", "状态须为 ACTIVE、SUSPENDED 或 CLOSED");
            }
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw PharmacyRequestInvalidException.parameter("q", "查询文字不超过" + MAX_TEXT + "个字");
        }
        return Pages.of(
                rows.list(district, wanted, text, page), page, p -> new Cursor(p.createdAt(), p.id()), views.viewer());
    }

    @ReadOnly
    PharmacyView get(Actor actor, long id) {
        Pharmacy pharmacy = scope.find(actor, id);
        return views.view(pharmacy, records.history(id));
    }

    @ReadOnly
    Optional<PharmacySummary> find(long id) {
        return rows.find(id).map(PharmacyViews::summary);
    }

    /** The pharmacy, if it may trade now: what the counter checks at every sale. */
    @ReadOnly
    PharmacySummary requireOpen(long id) {
        Pharmacy pharmacy = rows.find(id).orElseThrow(() -> new PharmacyNotFoundException(id));
        if (!pharmacy.open()) {
            throw PharmacyNotOpenException.of(pharmacy.status());
        }
        return PharmacyViews.summary(pharmacy);
    }

    /** A pharmacy in the regulator's scope that trades now (403 for another role, 404 outside scope, 409 not open). */
    @ReadOnly
    PharmacySummary openInScope(Actor regulator, long id) {
        Pharmacy pharmacy = scope.find(regulator, id);
        if (!pharmacy.open()) {
            throw PharmacyNotOpenException.of(pharmacy.status());
        }
        return PharmacyViews.summary(pharmacy);
    }
}

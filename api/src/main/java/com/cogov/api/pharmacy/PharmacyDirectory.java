package com.cogov.api.pharmacy;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.search.Match;
import com.cogov.api.search.SearchTextService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.LocalCopies;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.pharmacy.PharmacySummary;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener.TransactionPhase;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading pharmacies: the regulators' list and detail (with history), and the checks other features ask for. */
@Singleton
class PharmacyDirectory {

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
    private static final int MAX_TEXT = 64;
    /** More pharmacies than a district holds: a name query matching more is too short to be worth a list. */
    private static final int NAMED_MATCHES = 2_000;

    private final PharmacyRows rows;
    private final PharmacyScope scope;
    private final ChangeRecords records;
    private final PharmacyViews views;
    private final SearchTextService search;
    /**
     * The counter asks on every sale whether its pharmacy trades and where: a copy kept for a second saves that read
     * on the hot path and keeps the promise that a suspension refuses sales within a second on every node (this
     * node's copy goes at once, when its change commits).
     */
    private final LocalCopies<Long, Pharmacy> trading = new LocalCopies<>(10_000);

    private static final Duration TRADING_COPY = Duration.ofSeconds(1);

    PharmacyDirectory(
            PharmacyRows rows,
            PharmacyScope scope,
            ChangeRecords records,
            PharmacyViews views,
            SearchTextService search) {
        this.search = search;
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
        // Names are found by the search piece (Chinese substring or pinyin initials, from its index), the address and
        // the licence number by substring on the district's rows: one way of finding a pharmacy by name everywhere.
        List<Long> named = text == null
                ? List.of()
                : search.find(PharmacyService.SEARCH_TYPE, district, text, null, NAMED_MATCHES).stream()
                        .map(Match::id)
                        .toList();
        return Pages.of(
                rows.list(district, wanted, text, named, page),
                page,
                p -> new Cursor(p.createdAt(), p.id()),
                views.viewer());
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
        Pharmacy pharmacy = trading.get(id);
        if (pharmacy == null) {
            pharmacy =
                    trading.put(id, rows.find(id).orElseThrow(() -> new PharmacyNotFoundException(id)), TRADING_COPY);
        }
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

    List<PharmacyProfile> active() {
        return rows.all().stream()
                .filter(Pharmacy::open)
                .map(PharmacyProfile::of)
                .toList();
    }

    Optional<PharmacyProfile> profile(long id) {
        return rows.find(id).map(PharmacyProfile::of);
    }

    Map<Long, PharmacyProfile> profiles(java.util.Collection<Long> ids) {
        Map<Long, PharmacyProfile> found = new java.util.HashMap<>();
        rows.find(ids).forEach(p -> found.put(p.id(), PharmacyProfile.of(p)));
        return found;
    }

    @TransactionalEventListener(TransactionPhase.AFTER_COMMIT)
    void changed(PharmacyChangedEvent change) {
        trading.remove(change.pharmacyId());
    }
}

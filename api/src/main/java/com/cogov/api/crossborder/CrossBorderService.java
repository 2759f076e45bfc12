package com.cogov.api.crossborder;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.crossborder.CrossBorderPharmacistView;
import com.cogov.contracts.crossborder.CrossBorderRequests;
import com.cogov.contracts.crossborder.PublicCrossBorderPharmacistView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The cross-border practice feature's entry (跨境执业, docs/notices.md): the bureau's register of Macau-licensed
 * pharmacists allowed to practise in the cooperation zone, and the public's check of it. A registration's status is
 * computed from its dates on the city's date when asked, so nothing has to run at midnight for it to expire.
 */
@Singleton
public class CrossBorderService {

    /** Longer than any name or licence number: a longer query is a mistake, and a 400. */
    public static final int MAX_QUERY = 50;

    private final Register register;
    private final PharmacistStore store;
    private final CityConfiguration city;
    private final Clock clock;

    CrossBorderService(Register register, PharmacistStore store, CityConfiguration city, Clock clock) {
        this.register = register;
        this.store = store;
        this.city = city;
        this.clock = clock;
    }

    public CrossBorderPharmacistView create(Actor actor, CrossBorderRequests.Create request) {
        return get(actor, register.create(actor, request));
    }

    public CrossBorderPharmacistView edit(Actor actor, long id, CrossBorderRequests.Edit request) {
        register.edit(actor, id, request);
        return get(actor, id);
    }

    public CrossBorderPharmacistView revoke(Actor actor, long id, String reason) {
        register.revoke(actor, id, reason);
        return get(actor, id);
    }

    @ReadOnly
    public CrossBorderPharmacistView get(Actor actor, long id) {
        actor.requireRole(Role.CITY_ADMIN);
        return store.find(id).orElseThrow(CrossBorderNotFoundException::new).view(today());
    }

    /** The bureau's list, newest first; {@code q} as the public search. */
    @ReadOnly
    public Page<CrossBorderPharmacistView> list(Actor actor, @Nullable String q, PageRequest page) {
        actor.requireRole(Role.CITY_ADMIN);
        LocalDate today = today();
        return Pages.of(rows(q, page), page, PharmacistRow::cursor, r -> r.view(today));
    }

    /** The public's check: by either name (any case, with or without accents) or the licence number. */
    @ReadOnly
    public Page<PublicCrossBorderPharmacistView> search(@Nullable String q, PageRequest page) {
        LocalDate today = today();
        return Pages.of(rows(q, page), page, PharmacistRow::cursor, r -> r.publicView(today));
    }

    private java.util.List<PharmacistRow> rows(@Nullable String q, PageRequest page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            throw CrossBorderRefusedException.query("q 不超过" + MAX_QUERY + "个字符");
        }
        long before = page.after() == null ? 0 : page.after().id();
        return store.page(query, before, page.fetchSize());
    }

    private LocalDate today() {
        return city.today(clock);
    }

    static Cursor cursorOf(long id) {
        return new Cursor(Instant.EPOCH, id);
    }
}

package com.cogov.api.catalog;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.search.Match;
import com.cogov.api.search.SearchTextService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.catalog.DrugRequests;
import com.cogov.contracts.catalog.DrugStatus;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The city administrator's drug maintenance (issue 18 §2): the list and the drug, and the single edits, each written
 * by {@link DrugWriter}. The caller ({@link CatalogService}) announces each edit once it has committed.
 */
@Singleton
class DrugMaintenance {

    private static final int MAX_TEXT = 64;
    /** More drugs than a name query worth a list matches; a shorter query is too vague to page through. */
    private static final int NAMED_MATCHES = 2_000;

    private final DrugQueries queries;
    private final DrugRows rows;
    private final DrugWriter writer;
    private final SearchTextService search;

    DrugMaintenance(DrugQueries queries, DrugRows rows, DrugWriter writer, SearchTextService search) {
        this.queries = queries;
        this.rows = rows;
        this.writer = writer;
        this.search = search;
    }

    @ReadOnly
    Page<DrugView> list(
            Actor actor, @Nullable String q, @Nullable String category, @Nullable String status, PageRequest page) {
        actor.requireRole(Role.CITY_ADMIN);
        String code =
                category == null || category.isBlank() ? null : category.strip().toUpperCase(Locale.ROOT);
        if (code != null
                && !DrugQueries.NO_CATEGORY.equals(code)
                && (code.length() > 32 || !queries.categoryExists(code))) {
            throw CatalogRequestInvalidException.parameter("category", "特殊药品类别不存在（普通药品请用 NONE）");
        }
        DrugStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = DrugStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw CatalogRequestInvalidException.parameter("status", "状态须为 ACTIVE 或 RETIRED");
            }
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw CatalogRequestInvalidException.parameter("q", "查询文字不超过" + MAX_TEXT + "个字");
        }
        // Names, generic names and makers through the search piece (Chinese substring or pinyin initials); approval
        // numbers and barcodes on the catalog's own rows.
        Set<Long> named = new TreeSet<>();
        if (text != null) {
            search.find(CatalogService.SEARCH_TYPE, null, text, null, NAMED_MATCHES).stream()
                    .map(Match::id)
                    .forEach(named::add);
        }
        Page<DrugQueries.Row> rowsPage = Pages.of(
                queries.list(code, wanted, text, named, page),
                page,
                r -> new Cursor(r.createdAt(), r.drug().id()),
                r -> r);
        return new Page<>(
                queries.views(
                        rowsPage.items().stream().map(DrugQueries.Row::drug).toList()),
                rowsPage.nextCursor());
    }

    /** Fresh from the database, retired or not. */
    @ReadOnly
    DrugView get(Actor actor, long id) {
        actor.requireRole(Role.CITY_ADMIN);
        return view(id);
    }

    DrugView create(Actor actor, DrugRequests.Create request) {
        actor.requireRole(Role.CITY_ADMIN);
        return view(writer.create(actor, draft(request, List.of())));
    }

    DrugView edit(Actor actor, long id, DrugRequests.Edit edit) {
        actor.requireRole(Role.CITY_ADMIN);
        writer.edit(
                actor,
                id,
                before -> new DrugDraft(
                        or(edit.name(), before.name()),
                        or(edit.genericName(), before.genericName()),
                        or(edit.maker(), before.maker()),
                        or(edit.strength(), before.strength()),
                        or(edit.dosageForm(), before.dosageForm()),
                        or(edit.packageUnit(), before.packageUnit()),
                        or(edit.approvalNumber(), before.approvalNumber()),
                        edit.specialCategoryCode() == null ? before.specialCategoryCode() : edit.specialCategoryCode(),
                        edit.prescriptionOnly() == null ? before.prescriptionOnly() : edit.prescriptionOnly(),
                        edit.perSaleLimit() == null ? before.perSaleLimit() : edit.perSaleLimit(),
                        List.of()));
        return view(id);
    }

    DrugView addBarcode(Actor actor, long id, String barcode) {
        actor.requireRole(Role.CITY_ADMIN);
        writer.addBarcode(actor, id, Barcode.parse(barcode));
        return view(id);
    }

    DrugView removeBarcode(Actor actor, long id, String barcode) {
        actor.requireRole(Role.CITY_ADMIN);
        writer.removeBarcode(actor, id, Barcode.parse(barcode));
        return view(id);
    }

    DrugView changeStatus(Actor actor, long id, DrugRequests.StatusChange change) {
        actor.requireRole(Role.CITY_ADMIN);
        String reason = change.reason() == null || change.reason().isBlank()
                ? null
                : change.reason().strip();
        writer.changeStatus(actor, id, change.status(), reason);
        return view(id);
    }

    /** A request's drug as a draft (400 naming each bad field), with these codes added to its own. */
    static DrugDraft draft(DrugRequests.Create r, List<String> moreBarcodes) {
        List<String> barcodes = new java.util.ArrayList<>(r.barcodes() == null ? List.of() : r.barcodes());
        barcodes.addAll(moreBarcodes);
        return new DrugDraft(
                r.name(),
                r.genericName(),
                r.maker(),
                r.strength(),
                r.dosageForm(),
                r.packageUnit(),
                r.approvalNumber(),
                r.specialCategoryCode(),
                Boolean.TRUE.equals(r.prescriptionOnly()),
                r.perSaleLimit(),
                barcodes);
    }

    private DrugView view(long id) {
        Drug drug = rows.find(id).orElseThrow(() -> DrugNotFoundException.forId(id));
        return queries.views(List.of(drug)).get(0);
    }

    private static String or(@Nullable String given, String before) {
        return given == null ? before : given;
    }
}

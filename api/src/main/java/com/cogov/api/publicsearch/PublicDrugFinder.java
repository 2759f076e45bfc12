package com.cogov.api.publicsearch;

import com.cogov.api.catalog.CatalogService;
import com.cogov.api.catalog.DrugNotFoundException;
import com.cogov.api.paging.RankCursor;
import com.cogov.api.search.Match;
import com.cogov.api.search.SearchTextService;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.publicsearch.PublicDrug;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * 药品查询: by name, generic name or maker (a Chinese substring or pinyin initials, best match first: the
 * search-text piece), by approval number or barcode, by special category and prescription status; otherwise in id
 * order. The rows come ready-built from {@link PublicCopies}.
 */
@Singleton
class PublicDrugFinder {

    private static final Pattern BARCODE = Pattern.compile("\\d{8,14}");
    private static final int MAX_APPROVAL_NUMBER = 32;

    private final PublicCopies copies;
    private final SearchTextService search;

    PublicDrugFinder(PublicCopies copies, SearchTextService search) {
        this.copies = copies;
        this.search = search;
    }

    Page<PublicDrug> find(DrugQuery query) {
        String text = Paging.text(query.q());
        int size = Paging.limit(query.limit());
        RankCursor after = Paging.cursor(query.cursor());
        PublicCopies.Drugs all = copies.drugs();
        String category = blankToNull(query.category());
        if (category != null && !all.categories().containsKey(category)) {
            throw PublicSearchInvalidException.category();
        }
        String approval = blankToNull(query.approvalNumber());
        if (approval != null && approval.length() > MAX_APPROVAL_NUMBER) {
            throw PublicSearchInvalidException.parameter("approvalNumber", "批准文号不超过32个字");
        }
        String barcode = blankToNull(query.barcode());
        if (barcode != null && !BARCODE.matcher(barcode).matches()) {
            throw PublicSearchInvalidException.parameter("barcode", "条码为8至14位数字");
        }
        Set<Long> coded = barcode == null ? null : Set.copyOf(all.byBarcode().getOrDefault(barcode, List.of()));
        Predicate<PublicDrug> keep = d -> (category == null
                        || d.specialCategory() != null
                                && d.specialCategory().code().equals(category))
                && (query.rx() == null || d.prescriptionOnly() == query.rx())
                && (approval == null || d.approvalNumber().equalsIgnoreCase(approval))
                && (coded == null || coded.contains(d.id()));
        List<PublicDrug> items = new ArrayList<>();
        RankCursor next = null;
        if (text != null) {
            for (Match m : search.find(CatalogService.SEARCH_TYPE, null, text, after, Paging.MAX_MATCHES)) {
                PublicDrug d = all.byId().get(m.id());
                if (d != null && keep.test(d)) {
                    if (items.size() == size) {
                        return new Page<>(items, next.encode());
                    }
                    items.add(d);
                    next = new RankCursor(m.rank(), m.id(), 0);
                }
            }
        } else {
            long afterId = after == null ? 0 : after.id();
            for (PublicDrug d : all.byId().values()) {
                if (d.id() > afterId && keep.test(d)) {
                    if (items.size() == size) {
                        return new Page<>(items, next.encode());
                    }
                    items.add(d);
                    next = new RankCursor(0, d.id(), 0);
                }
            }
        }
        return new Page<>(items, null);
    }

    PublicDrug get(long id) {
        PublicDrug drug = copies.drugs().byId().get(id);
        if (drug == null) {
            throw DrugNotFoundException.forId(id);
        }
        return drug;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

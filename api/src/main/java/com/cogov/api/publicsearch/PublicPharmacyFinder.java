package com.cogov.api.publicsearch;

import com.cogov.api.geo.GeoPoint;
import com.cogov.api.geo.GeoService;
import com.cogov.api.geo.Nearby;
import com.cogov.api.paging.RankCursor;
import com.cogov.api.pharmacy.LicensedPharmacist;
import com.cogov.api.pharmacy.PharmacyNotFoundException;
import com.cogov.api.pharmacy.PharmacyProfile;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.search.Match;
import com.cogov.api.search.SearchTextService;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.publicsearch.PublicPharmacy;
import com.cogov.contracts.publicsearch.PublicPharmacyDetail;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * 药店查询: trading pharmacies only, by name or address (a Chinese substring or pinyin initials, best match first:
 * the search-text piece), nearest first from where the phone is (the geo piece), or by id; filtered by district,
 * open now (China time), pharmacist on duty and collection point. The order comes from an index; every other fact
 * from {@link PublicCopies}. A filter that leaves rows out makes the search read on in the index until the page is
 * full, so pages stay full and the cursor stays exact.
 */
@Singleton
class PublicPharmacyFinder {

    private final PublicCopies copies;
    private final SearchTextService search;
    private final GeoService geo;
    private final PublicSearchConfiguration config;
    private final CityConfiguration city;
    private final Clock clock;

    PublicPharmacyFinder(
            PublicCopies copies,
            SearchTextService search,
            GeoService geo,
            PublicSearchConfiguration config,
            CityConfiguration city,
            Clock clock) {
        this.copies = copies;
        this.search = search;
        this.geo = geo;
        this.config = config;
        this.city = city;
        this.clock = clock;
    }

    Page<PublicPharmacy> find(PharmacyQuery query) {
        String text = Paging.text(query.q());
        int size = Paging.limit(query.limit());
        RankCursor after = Paging.cursor(query.cursor());
        PublicCopies.Pharmacies all = copies.pharmacies();
        String district = district(query.districtCode(), all);
        GeoPoint here = here(query.lat(), query.lng());
        Integer radius = radius(query.radiusMeters(), here);
        Instant now = clock.instant();
        LocalTime time = LocalTime.ofInstant(now, city.zone());
        Predicate<PublicCopies.PharmacyEntry> keep =
                e -> (district == null || e.profile().districtCode().equals(district))
                        && (!Paging.wanted(query.openNow())
                                || e.hours().map(h -> h.openAt(time)).orElse(false))
                        && (!Paging.wanted(query.pharmacistOnDuty()) || onDuty(e, now))
                        && (!Paging.wanted(query.acceptsExpiredDrugs()) || e.collecting());
        List<PublicPharmacy> items = new ArrayList<>();
        RankCursor next = null;
        if (here != null) {
            Set<Long> named = text == null ? null : named(text, district);
            int seen = after == null ? 0 : after.seen();
            RankCursor position = after;
            int fetch = Math.max(size + 1, 50);
            outer:
            while (true) {
                List<Nearby> batch = geo.nearest(PharmacyService.GEO_INDEX, district, here, radius, position, fetch);
                for (Nearby n : batch) {
                    seen++;
                    position = new RankCursor(n.distanceMeters(), n.id(), seen);
                    PublicCopies.PharmacyEntry e = all.byId().get(n.id());
                    if (e != null && keep.test(e) && (named == null || named.contains(n.id()))) {
                        if (items.size() == size) {
                            break outer;
                        }
                        items.add(row(e, (int) Math.round(n.distanceMeters()), time, now));
                        next = position;
                    }
                }
                if (batch.size() < fetch) {
                    next = null; // the index has nothing further within the radius
                    break;
                }
            }
        } else if (text != null) {
            List<Match> found =
                    search.find(PharmacyService.PUBLIC_SEARCH_TYPE, district, text, after, Paging.MAX_MATCHES);
            for (Match m : found) {
                PublicCopies.PharmacyEntry e = all.byId().get(m.id());
                if (e != null && keep.test(e)) {
                    if (items.size() == size) {
                        break;
                    }
                    items.add(row(e, null, time, now));
                    next = new RankCursor(m.rank(), m.id(), 0);
                }
            }
            if (items.size() < size) {
                next = null;
            }
        } else {
            long afterId = after == null ? 0 : after.id();
            for (PublicCopies.PharmacyEntry e : all.byId().values()) {
                if (e.profile().id() > afterId && keep.test(e)) {
                    if (items.size() == size) {
                        break;
                    }
                    items.add(row(e, null, time, now));
                    next = new RankCursor(0, e.profile().id(), 0);
                }
            }
            if (items.size() < size) {
                next = null;
            }
        }
        return new Page<>(items, next == null ? null : next.encode());
    }

    PublicPharmacyDetail get(long id) {
        PublicCopies.PharmacyEntry e = copies.pharmacies().byId().get(id);
        if (e == null) { // unknown, suspended or closed: the public sees only trading pharmacies
            throw new PharmacyNotFoundException(id);
        }
        Instant now = clock.instant();
        return new PublicPharmacyDetail(
                row(e, null, LocalTime.ofInstant(now, city.zone()), now),
                e.profile().licenseNumber(),
                e.pharmacists().stream()
                        .map(p -> new PublicPharmacyDetail.LicensedPharmacist(
                                p.name(), p.licenseNumber(), p.onDutyAt(now)))
                        .toList());
    }

    private Set<Long> named(String text, @Nullable String district) {
        Set<Long> ids = new HashSet<>();
        search.find(PharmacyService.PUBLIC_SEARCH_TYPE, district, text, null, Paging.MAX_MATCHES)
                .forEach(m -> ids.add(m.id()));
        return ids;
    }

    private static boolean onDuty(PublicCopies.PharmacyEntry e, Instant now) {
        for (LicensedPharmacist p : e.pharmacists()) {
            if (p.onDutyAt(now)) {
                return true;
            }
        }
        return false;
    }

    private static PublicPharmacy row(
            PublicCopies.PharmacyEntry e, @Nullable Integer distance, LocalTime time, Instant now) {
        PharmacyProfile p = e.profile();
        return new PublicPharmacy(
                p.id(),
                p.name(),
                p.address(),
                p.districtCode(),
                e.districtName(),
                p.phone(),
                p.openingHours(),
                e.hours().map(h -> h.openAt(time)).orElse(null),
                distance,
                onDuty(e, now),
                e.collecting(),
                p.sellsSpecialCompounds(),
                p.latitude() == null ? null : p.latitude().doubleValue(),
                p.longitude() == null ? null : p.longitude().doubleValue());
    }

    private static @Nullable String district(@Nullable String code, PublicCopies.Pharmacies all) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip();
        if (!all.districts().contains(c)) {
            throw PublicSearchInvalidException.district();
        }
        return c;
    }

    private static @Nullable GeoPoint here(@Nullable Double lat, @Nullable Double lng) {
        if (lat == null && lng == null) {
            return null;
        }
        if (lat == null || lng == null) {
            throw PublicSearchInvalidException.locationIncomplete(lat == null ? "lat" : "lng");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw PublicSearchInvalidException.location("lat");
        }
        if (!Double.isFinite(lng) || lng < -180 || lng > 180 || !GeoPoint.valid(lat, lng)) {
            throw PublicSearchInvalidException.location(Double.isFinite(lng) && Math.abs(lng) <= 180 ? "lat" : "lng");
        }
        return new GeoPoint(lat, lng);
    }

    private @Nullable Integer radius(@Nullable Integer asked, @Nullable GeoPoint here) {
        if (asked != null && (asked < 1 || asked > config.maxRadiusMeters())) {
            throw PublicSearchInvalidException.radius(config.maxRadiusMeters());
        }
        if (here == null) {
            if (asked != null) {
                throw PublicSearchInvalidException.locationIncomplete("lat");
            }
            return null;
        }
        return asked == null ? config.defaultRadiusMeters() : asked;
    }
}

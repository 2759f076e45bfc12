package com.cogov.api.inspection;

import com.cogov.api.alert.AlertService;
import com.cogov.api.geo.GeoPoint;
import com.cogov.api.geo.GeoService;
import com.cogov.api.geo.Nearby;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.RankCursor;
import com.cogov.api.pharmacy.PharmacyProfile;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.search.Match;
import com.cogov.api.search.SearchTextService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.inspection.InspectorPharmacyRow;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * The inspector's pharmacy lookup, in their district only: by name (a Chinese substring or pinyin initials, best match
 * first, through the search-text piece) or, without a name, nearest first from where the phone is (the geo piece). Both
 * read an index, never the pharmacy table; only the page's rows are then read by id.
 */
@Singleton
class PharmacyLookup {

    private final SearchTextService search;
    private final GeoService geo;
    private final PharmacyService pharmacies;
    private final AlertService alerts;
    private final InspectionConfiguration config;

    PharmacyLookup(
            SearchTextService search,
            GeoService geo,
            PharmacyService pharmacies,
            AlertService alerts,
            InspectionConfiguration config) {
        this.search = search;
        this.geo = geo;
        this.pharmacies = pharmacies;
        this.alerts = alerts;
        this.config = config;
    }

    Page<InspectorPharmacyRow> find(
            Actor inspector,
            @Nullable String q,
            @Nullable Double lat,
            @Nullable Double lng,
            @Nullable Integer radiusMeters,
            @Nullable String cursor,
            @Nullable Integer limit) {
        String district = InspectionScope.inspectorDistrict(inspector);
        int size = PageRequest.of(limit, null).limit();
        RankCursor after = cursor == null || cursor.isEmpty() ? null : RankCursor.decode(cursor);
        GeoPoint here = here(lat, lng);
        String query = q == null ? "" : q.strip();
        if (query.length() > SearchTextService.MAX_QUERY) {
            throw InspectionInvalidException.parameter("q", "名称不超过" + SearchTextService.MAX_QUERY + "个字");
        }
        int seen = after == null ? 0 : after.seen();
        if (!query.isEmpty() || here == null) {
            if (radiusMeters != null) {
                radius(radiusMeters); // checked all the same: a bad parameter is never silently ignored
            }
            List<Match> found = search.find(PharmacyService.SEARCH_TYPE, district, query, after, size + 1);
            boolean more = found.size() > size;
            List<Match> rows = more ? found.subList(0, size) : found;
            Map<Long, PharmacyProfile> profiles =
                    pharmacies.profiles(rows.stream().map(Match::id).toList());
            Map<Long, Integer> open = alerts.openCounts(profiles.keySet());
            List<InspectorPharmacyRow> items = rows.stream()
                    .filter(m -> profiles.containsKey(m.id()))
                    .map(m ->
                            row(profiles.get(m.id()), open, here == null ? null : distance(here, profiles.get(m.id()))))
                    .toList();
            Match last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            return new Page<>(items, more ? new RankCursor(last.rank(), last.id(), seen + size).encode() : null);
        }
        List<Nearby> found =
                geo.nearest(PharmacyService.GEO_INDEX, district, here, radius(radiusMeters), after, size + 1);
        boolean more = found.size() > size;
        List<Nearby> rows = more ? found.subList(0, size) : found;
        Map<Long, PharmacyProfile> profiles =
                pharmacies.profiles(rows.stream().map(Nearby::id).toList());
        Map<Long, Integer> open = alerts.openCounts(profiles.keySet());
        List<InspectorPharmacyRow> items = rows.stream()
                .filter(n -> profiles.containsKey(n.id())
                        && profiles.get(n.id()).districtCode().equals(district))
                .map(n -> row(profiles.get(n.id()), open, (int) Math.round(n.distanceMeters())))
                .toList();
        Nearby last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new Page<>(items, more ? new RankCursor(last.distanceMeters(), last.id(), seen + size).encode() : null);
    }

    private static InspectorPharmacyRow row(PharmacyProfile p, Map<Long, Integer> open, @Nullable Integer distance) {
        return new InspectorPharmacyRow(
                p.id(), p.name(), p.districtCode(), p.address(), p.status(), open.getOrDefault(p.id(), 0), distance);
    }

    private static @Nullable Integer distance(GeoPoint here, PharmacyProfile p) {
        return p.located()
                ? (int) Math.round(here.metersTo(
                        new GeoPoint(p.latitude().doubleValue(), p.longitude().doubleValue())))
                : null;
    }

    private static @Nullable GeoPoint here(@Nullable Double lat, @Nullable Double lng) {
        if (lat == null && lng == null) {
            return null;
        }
        if (lat == null || lng == null) {
            throw InspectionInvalidException.parameter(lat == null ? "lat" : "lng", "lat 和 lng 须同时给出");
        }
        if (!GeoPoint.valid(lat, lng)) {
            throw InspectionInvalidException.parameter("lat", "坐标超出范围：纬度 -85 至 85，经度 -180 至 180");
        }
        return new GeoPoint(lat, lng);
    }

    private int radius(@Nullable Integer asked) {
        int radius = asked == null ? config.defaultRadiusMeters() : asked;
        if (radius < 1 || radius > config.maxRadiusMeters()) {
            throw InspectionInvalidException.parameter(
                    "radiusMeters", "radiusMeters 须在 1 到 " + config.maxRadiusMeters() + " 米之间");
        }
        return radius;
    }
}

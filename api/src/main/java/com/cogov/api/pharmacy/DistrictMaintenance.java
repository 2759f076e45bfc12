package com.cogov.api.pharmacy;

import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.pharmacy.DistrictNode;
import com.cogov.contracts.pharmacy.DistrictRequests;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * 行政区划维护, by the city only: the divisions as a tree, a district added, renamed or retired. A code is never deleted
 * or reused (sales, alerts and accounts keep naming it), and a district is retired only once none of its pharmacies
 * is left open or suspended (transfer them first).
 */
@Singleton
class DistrictMaintenance {

    private static final String LEVEL = "DISTRICT";

    private final DistrictRepository districts;
    private final PharmacyScope scope;
    private final ChangeRecords records;
    private final CityConfiguration city;

    DistrictMaintenance(
            DistrictRepository districts, PharmacyScope scope, ChangeRecords records, CityConfiguration city) {
        this.districts = districts;
        this.scope = scope;
        this.records = records;
        this.city = city;
    }

    @ReadOnly
    DistrictNode tree(Actor actor) {
        scope.cityOnly(actor, "维护行政区划");
        List<District> all = districts.findAllOrderByCode();
        District root = all.stream()
                .filter(d -> d.code().equals(city.code()))
                .findFirst()
                .orElseThrow(() -> new DistrictNotFoundException(city.code()));
        List<DistrictNode> children = all.stream()
                .filter(District::isDistrict)
                .map(d -> node(d, districts.countNotClosed(d.code()), List.of()))
                .toList();
        return node(root, children.stream().mapToLong(DistrictNode::pharmacies).sum(), children);
    }

    @Transactional
    DistrictNode add(Actor actor, DistrictRequests.Create request) {
        scope.cityOnly(actor, "维护行政区划");
        String code = request.code();
        if (!code.startsWith(city.code().substring(0, 4)) || code.equals(city.code())) {
            throw DistrictChangeRefusedException.notInCity(code, city.code());
        }
        if (districts.existsById(code)) {
            throw DistrictChangeRefusedException.codeTaken(code);
        }
        District added = districts.save(new District(code, request.name().strip(), city.code(), LEVEL, null, 1));
        records.district(actor, added, "DISTRICT_ADDED", Map.of("name", added.name()));
        return node(added, 0, List.of());
    }

    @Transactional
    DistrictNode edit(Actor actor, String code, DistrictRequests.Edit request) {
        scope.cityOnly(actor, "维护行政区划");
        if (!code.matches("\\d{6}")) {
            throw PharmacyRequestInvalidException.parameter("code", "行政区划代码为6位数字");
        }
        District before = districts
                .lock(code)
                .filter(District::isDistrict)
                .orElseThrow(() -> new DistrictNotFoundException(code));
        boolean rename = request.name() != null && !request.name().strip().equals(before.name());
        boolean retire = Boolean.TRUE.equals(request.retired());
        if (request.name() == null && request.retired() == null) {
            throw DistrictChangeRefusedException.nothingToChange();
        }
        if (request.name() != null && request.name().isBlank()) {
            throw PharmacyRequestInvalidException.field("name", "名称不能为空");
        }
        if (before.retired()) {
            // retired is final, and a retired code's name is what the records of its time call it
            if (rename || Boolean.FALSE.equals(request.retired())) {
                throw DistrictChangeRefusedException.retired(code);
            }
            return node(before, 0, List.of());
        }
        if (retire) {
            long open = districts.countNotClosed(code);
            if (open > 0) {
                throw DistrictChangeRefusedException.hasPharmacies(code, open);
            }
        }
        if (rename) {
            districts.rename(code, request.name().strip());
            District renamed = districts.findById(code).orElseThrow();
            records.district(actor, renamed, "DISTRICT_RENAMED", Map.of("from", before.name(), "to", renamed.name()));
        }
        if (retire) {
            districts.retire(code);
            District retired = districts.findById(code).orElseThrow();
            records.district(actor, retired, "DISTRICT_RETIRED", Map.of("name", retired.name()));
        }
        District after = districts.findById(code).orElseThrow();
        return node(after, retire ? 0 : districts.countNotClosed(code), List.of());
    }

    private static DistrictNode node(District d, long pharmacies, List<DistrictNode> children) {
        return new DistrictNode(d.code(), d.name(), d.level(), d.retired(), d.retiredAt(), pharmacies, children);
    }
}

package com.cogov.api.pharmacy;

import com.cogov.contracts.pharmacy.PharmacyChangeView;
import com.cogov.contracts.pharmacy.PharmacySummary;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Pharmacies as the regulators see them, with their district's name (the city has a few dozen districts at most). */
@Singleton
class PharmacyViews {

    private final DistrictRepository districts;

    PharmacyViews(DistrictRepository districts) {
        this.districts = districts;
    }

    PharmacyView view(Pharmacy p, @Nullable List<PharmacyChangeView> history) {
        return view(p, history, names());
    }

    /** For a list: the districts' names read once for all its rows. */
    Function<Pharmacy, PharmacyView> viewer() {
        Map<String, String> names = names();
        return p -> view(p, null, names);
    }

    static PharmacySummary summary(Pharmacy p) {
        return new PharmacySummary(p.id(), p.name(), p.districtCode(), p.open());
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        districts.findAll().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    private static PharmacyView view(
            Pharmacy p, @Nullable List<PharmacyChangeView> history, Map<String, String> names) {
        return new PharmacyView(
                p.id(),
                p.licenseNumber(),
                p.creditCode(),
                p.name(),
                p.districtCode(),
                names.getOrDefault(p.districtCode(), p.districtCode()),
                p.address(),
                p.latitude(),
                p.longitude(),
                p.openingHours(),
                p.phone(),
                p.status(),
                p.statusReason(),
                p.version(),
                p.createdAt(),
                p.updatedAt(),
                history);
    }
}

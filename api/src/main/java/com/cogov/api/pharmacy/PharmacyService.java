package com.cogov.api.pharmacy;

import com.cogov.contracts.pharmacy.DistrictView;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.List;

/** The pharmacy feature's entry: districts, pharmacies and their staff. */
@Singleton
public class PharmacyService {

    private final DistrictRepository districts;

    PharmacyService(DistrictRepository districts) {
        this.districts = districts;
    }

    /** The city's districts, in code order: the choices of every district picker. */
    @ReadOnly
    public List<DistrictView> districts() {
        return districts.findByLevelOrderByCode("DISTRICT").stream()
                .map(d -> new DistrictView(d.code(), d.name()))
                .toList();
    }
}

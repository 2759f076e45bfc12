package com.cogov.api.recycling;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The recycling feature's entry (issue 23: expired-drug recycling and points exchange). For now it owns the collection
 * points' table ({@code collection_point}, V11_6) and answers which pharmacies take expired drugs in, for the public
 * pharmacy search; issue 23 adds the points' routes, hand-ins and the exchange here.
 */
@Singleton
public class RecyclingService {

    private final CollectionPoints points;

    RecyclingService(CollectionPoints points) {
        this.points = points;
    }

    /** The pharmacies that are an ACTIVE collection point now. */
    @ReadOnly
    public Set<Long> collectingPharmacies() {
        return points.activePharmacies();
    }
}

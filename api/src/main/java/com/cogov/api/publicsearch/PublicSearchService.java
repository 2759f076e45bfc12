package com.cogov.api.publicsearch;

import com.cogov.contracts.paging.Page;
import com.cogov.contracts.publicsearch.PublicDrug;
import com.cogov.contracts.publicsearch.PublicPharmacy;
import com.cogov.contracts.publicsearch.PublicPharmacyDetail;
import jakarta.inject.Singleton;

/**
 * The public search's entry (issue 20 §1-2, docs/public-search.md): 药店查询 and 药品查询 for citizens without an
 * account, the one reading behind both apps' public routes. Only what a shop or a package shows the public: trading
 * pharmacies, their licensed pharmacists as the public register lists them, the catalog's public fields; never a
 * person's data. Answers are built from indexes and this node's copies, so the routes can be cached for a minute
 * (the web layer's public-endpoint filter).
 */
@Singleton
public class PublicSearchService {

    private final PublicPharmacyFinder pharmacies;
    private final PublicDrugFinder drugs;

    PublicSearchService(PublicPharmacyFinder pharmacies, PublicDrugFinder drugs) {
        this.pharmacies = pharmacies;
        this.drugs = drugs;
    }

    /**
     * Trading pharmacies: nearest first with lat/lng, else best match first with q, else by id.
     *
     * @throws PublicSearchInvalidException a parameter out of range (400, each with its code)
     */
    public Page<PublicPharmacy> pharmacies(PharmacyQuery query) {
        return pharmacies.find(query);
    }

    /** A trading pharmacy with its licence number and licensed pharmacists; 404 otherwise. */
    public PublicPharmacyDetail pharmacy(long id) {
        return pharmacies.get(id);
    }

    /** Drugs: best match first with q, else by id. */
    public Page<PublicDrug> drugs(DrugQuery query) {
        return drugs.find(query);
    }

    public PublicDrug drug(long id) {
        return drugs.get(id);
    }
}

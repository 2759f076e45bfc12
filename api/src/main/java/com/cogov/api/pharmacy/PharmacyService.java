package com.cogov.api.pharmacy;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.pharmacy.DistrictNode;
import com.cogov.contracts.pharmacy.DistrictRequests;
import com.cogov.contracts.pharmacy.DistrictView;
import com.cogov.contracts.pharmacy.PharmacistRequests;
import com.cogov.contracts.pharmacy.PharmacistView;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacySummary;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pharmacy feature's entry: districts and pharmacies, and their lifecycle (docs/pharmacy-lifecycle.md). The city
 * administrator acts on the city, a district inspector on their own district (transfers and the districts themselves
 * are the city's). Every change is versioned, kept in the pharmacy's history, audited, written to the data centre's
 * outbox and announced ({@link PharmacyChangedEvent}) in its own transaction. Each use case is its own class; this
 * only routes to them.
 */
@Singleton
public class PharmacyService {

    private static final String DISTRICT = "DISTRICT";

    /** Pharmacies in the search-text piece: by name, within their district. */
    public static final String SEARCH_TYPE = "PHARMACY";
    /** Pharmacies in the search-text piece as the public finds them: by name or address, within their district. */
    public static final String PUBLIC_SEARCH_TYPE = "PHARMACY_PUBLIC";
    /** Pharmacies in the geo piece: partitioned by district. */
    public static final String GEO_INDEX = "pharmacy";

    private final DistrictRepository districts;
    private final PharmacyDirectory directory;
    private final PharmacyRegistry registry;
    private final PharmacyEditing editing;
    private final PharmacyTransfer transfers;
    private final PharmacyStatusChange statuses;
    private final DistrictMaintenance maintenance;
    private final PharmacistRegister pharmacists;
    private final PharmacyUpsertByLicense upserts;

    PharmacyService(
            DistrictRepository districts,
            PharmacyDirectory directory,
            PharmacyRegistry registry,
            PharmacyEditing editing,
            PharmacyTransfer transfers,
            PharmacyStatusChange statuses,
            DistrictMaintenance maintenance,
            PharmacistRegister pharmacists,
            PharmacyUpsertByLicense upserts) {
        this.districts = districts;
        this.directory = directory;
        this.registry = registry;
        this.editing = editing;
        this.transfers = transfers;
        this.statuses = statuses;
        this.maintenance = maintenance;
        this.pharmacists = pharmacists;
        this.upserts = upserts;
    }

    // ---------------------------------------------------------------- districts, for everyone

    /** The city's districts in use, in code order: the choices of every district picker (retired ones are not). */
    @ReadOnly
    public List<DistrictView> districts() {
        return districts.findByLevelAndRetiredAtIsNullOrderByCode(DISTRICT).stream()
                .map(d -> new DistrictView(d.code(), d.name()))
                .toList();
    }

    /** Every district's name by its code, retired ones included: past records name them. */
    @ReadOnly
    public Map<String, String> districtNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        districts.findByLevelOrderByCode(DISTRICT).forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    /** A district by code, retired ones included: past records name them. */
    @ReadOnly
    public Optional<DistrictView> district(String code) {
        return districts.findById(code).filter(District::isDistrict).map(d -> new DistrictView(d.code(), d.name()));
    }

    // ---------------------------------------------------------------- for other features

    @ReadOnly
    public Optional<PharmacySummary> find(long id) {
        return directory.find(id);
    }

    /**
     * The pharmacy with its current district, if it may trade now; otherwise {@link PharmacyNotOpenException}
     * (PHARMACY_SUSPENDED, PHARMACY_CLOSED). The counter asks at every sale, so a sale is counted in the district the
     * pharmacy belongs to when it is made, whatever the clerk's token says.
     */
    public PharmacySummary requireOpen(long id) {
        return directory.requireOpen(id);
    }

    /** A trading pharmacy in the regulator's scope: 403 for other roles, 404 outside scope, 409 when not open. */
    public PharmacySummary openInScope(Actor regulator, long id) {
        return directory.openInScope(regulator, id);
    }

    // ---------------------------------------------------------------- the lifecycle (portal)

    /** 药店新增. */
    public PharmacyView create(Actor actor, PharmacyRequests.Create request) {
        return registry.create(actor, request);
    }

    /** The regulators' list, newest first, by district, status and a name, address or licence number substring. */
    public Page<PharmacyView> list(
            Actor actor, @Nullable String districtCode, @Nullable String status, @Nullable String q, PageRequest page) {
        return directory.list(actor, districtCode, status, q, page);
    }

    /** One pharmacy with its history of changes, newest first. */
    public PharmacyView get(Actor actor, long id) {
        return directory.get(actor, id);
    }

    /** 地址更改 and the other details kept in place; the old values go to the history. */
    public PharmacyView edit(Actor actor, long id, PharmacyRequests.Edit edit) {
        return editing.edit(actor, id, edit);
    }

    /** 区域调动 (the city only). */
    public PharmacyView transfer(Actor actor, long id, PharmacyRequests.Transfer request) {
        return transfers.transfer(actor, id, request);
    }

    /** 药店状态变更: suspending or closing ends the staff's sessions; reopening gives them back. */
    public PharmacyView changeStatus(Actor actor, long id, PharmacyRequests.StatusChange request) {
        return statuses.change(actor, id, request);
    }

    /**
     * 药店导入's write: one row added or updated by its licence number, in the caller's transaction (which must exist:
     * an import writes a chunk of rows in one). A row this cannot take (another district, a changed credit code, a
     * closed pharmacy) is answered refused, never thrown, so the chunk's other rows stand.
     */
    public PharmacyUpsert upsertByLicense(Actor actor, PharmacyRequests.Create row) {
        return upserts.upsert(actor, row);
    }

    // ---------------------------------------------------------------- administrative divisions (the city)

    public DistrictNode districtTree(Actor actor) {
        return maintenance.tree(actor);
    }

    public DistrictNode addDistrict(Actor actor, DistrictRequests.Create request) {
        return maintenance.add(actor, request);
    }

    public DistrictNode editDistrict(Actor actor, String code, DistrictRequests.Edit request) {
        return maintenance.edit(actor, code, request);
    }

    /** A pharmacy's facts for another feature, which checks the caller's scope against its district. */
    @ReadOnly
    public Optional<PharmacyProfile> profile(long id) {
        return directory.profile(id);
    }

    /** Several pharmacies' facts, by id (the rows of a list); unknown ids are left out. */
    @ReadOnly
    public Map<Long, PharmacyProfile> profiles(java.util.Collection<Long> ids) {
        return directory.profiles(ids);
    }

    // ---------------------------------------------------------------- licensed pharmacists (the pharmacy's manager)

    /** The caller's pharmacy's licensed pharmacists and who is on duty (its staff). */
    public List<PharmacistView> pharmacists(Actor staff) {
        return pharmacists.list(staff);
    }

    /** A manager adds a licensed pharmacist of their pharmacy (409 when the licence is on the register already). */
    public PharmacistView addPharmacist(Actor manager, PharmacistRequests.Add request) {
        return pharmacists.add(manager, request);
    }

    /** A manager marks a pharmacist on or off duty; on duty lapses at the end of today's opening hours. */
    public PharmacistView pharmacistDuty(Actor manager, long pharmacistId, PharmacistRequests.Duty request) {
        return pharmacists.duty(manager, pharmacistId, request);
    }

    // ---------------------------------------------------------------- for the public search

    /** The whole register of licensed pharmacists, with their duty marks (public facts, read by the public search). */
    public List<LicensedPharmacist> licensedPharmacists() {
        return pharmacists.register();
    }

    /** Every pharmacy that trades now (ACTIVE), some 6,400: what the public may find. */
    @ReadOnly
    public List<PharmacyProfile> activeProfiles() {
        return directory.active();
    }
}

package com.cogov.api.inspection;

import com.cogov.api.file.FileDownload;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.inspection.ChecklistEntry;
import com.cogov.contracts.inspection.ChecklistView;
import com.cogov.contracts.inspection.EvidencePhotoView;
import com.cogov.contracts.inspection.InspectionRequests;
import com.cogov.contracts.inspection.InspectionSummary;
import com.cogov.contracts.inspection.InspectionView;
import com.cogov.contracts.inspection.InspectorPharmacyDetail;
import com.cogov.contracts.inspection.InspectorPharmacyRow;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The on-site inspection feature's entry (docs/inspection.md): the district inspector's phone (pharmacy lookup and
 * detail, records, checklist, evidence photos, recording, the district's inspections, rectification review), the
 * pharmacy manager's side (inspections of the pharmacy, acknowledgement, rectification) and the portal's list.
 * Each use case is its own class; this entry only routes to them.
 */
@Singleton
public class InspectionService {

    private final PharmacyLookup lookup;
    private final PharmacyOnSite onSite;
    private final Checklist checklist;
    private final EvidencePhotos photos;
    private final InspectionRecording recording;
    private final InspectionReads reads;
    private final Rectifications rectifications;
    private final InspectionViews views;
    private final ChecklistMaintenance maintenance;

    InspectionService(
            PharmacyLookup lookup,
            PharmacyOnSite onSite,
            Checklist checklist,
            EvidencePhotos photos,
            InspectionRecording recording,
            InspectionReads reads,
            Rectifications rectifications,
            InspectionViews views,
            ChecklistMaintenance maintenance) {
        this.lookup = lookup;
        this.onSite = onSite;
        this.checklist = checklist;
        this.photos = photos;
        this.recording = recording;
        this.reads = reads;
        this.rectifications = rectifications;
        this.views = views;
        this.maintenance = maintenance;
    }

    /** A list's parameters; absent ones null. */
    public record ListQuery(
            @Nullable Long pharmacyId,
            @Nullable String districtCode,
            @Nullable String from,
            @Nullable String to,
            @Nullable String disposition,
            @Nullable String overdue,
            @Nullable String cursor,
            @Nullable Integer limit) {}

    // ---------------------------------------------------------------- the inspector's phone

    public Page<InspectorPharmacyRow> pharmacies(
            Actor inspector,
            @Nullable String q,
            @Nullable Double lat,
            @Nullable Double lng,
            @Nullable Integer radiusMeters,
            @Nullable String cursor,
            @Nullable Integer limit) {
        return lookup.find(inspector, q, lat, lng, radiusMeters, cursor, limit);
    }

    public InspectorPharmacyDetail pharmacy(Actor inspector, long pharmacyId) {
        return onSite.detail(inspector, pharmacyId);
    }

    public Page<RegistrationRecord> pharmacyRecords(
            Actor inspector,
            long pharmacyId,
            @Nullable String from,
            @Nullable String to,
            @Nullable String cursor,
            @Nullable Integer limit) {
        return onSite.records(inspector, pharmacyId, from, to, cursor, limit);
    }

    public ChecklistView checklist(Actor inspector) {
        InspectionScope.inspectorDistrict(inspector);
        return new ChecklistView(checklist.active());
    }

    /** An inspector's evidence photo, or a manager's photo of a rectification. */
    public EvidencePhotoView uploadPhoto(Actor uploader, byte[] content) {
        return photos.upload(uploader, content);
    }

    public FileDownload photo(Actor reader, String photoId) {
        return photos.open(reader, photoId);
    }

    public InspectionView record(Actor inspector, @Nullable String idempotencyKey, InspectionRequests.Record request) {
        long id = recording.record(inspector, idempotencyKey, request, views.today());
        return views.full(id);
    }

    @ReadOnly
    public Page<InspectionSummary> districtInspections(Actor inspector, ListQuery query) {
        return reads.ofDistrict(inspector, query);
    }

    @ReadOnly
    public InspectionView districtInspection(Actor inspector, long id) {
        return views.full(rectifications.ofInspector(inspector, id));
    }

    public InspectionView review(Actor inspector, long id, InspectionRequests.Review request) {
        rectifications.review(inspector, id, request, views.today());
        return districtInspection(inspector, id);
    }

    // ---------------------------------------------------------------- the pharmacy's side

    @ReadOnly
    public Page<InspectionSummary> pharmacyInspections(Actor manager, ListQuery query) {
        return reads.ofPharmacy(manager, query);
    }

    @ReadOnly
    public InspectionView pharmacyInspection(Actor manager, long id) {
        return views.full(rectifications.ofManager(manager, id));
    }

    public InspectionView acknowledge(Actor manager, long id) {
        rectifications.acknowledge(manager, id);
        return pharmacyInspection(manager, id);
    }

    public InspectionView rectify(Actor manager, long id, InspectionRequests.Rectification request) {
        rectifications.submit(manager, id, request, views.today());
        return pharmacyInspection(manager, id);
    }

    // ---------------------------------------------------------------- the portal

    @ReadOnly
    public Page<InspectionSummary> regulatorInspections(Actor regulator, ListQuery query) {
        return reads.forRegulator(regulator, query);
    }

    /** One inspection on the regulator's desk, its photos' ids with it (read at {@link #photo}). */
    @ReadOnly
    public InspectionView regulatorInspection(Actor regulator, long id) {
        return views.full(rectifications.ofRegulator(regulator, id));
    }

    /** Every checklist item, retired ones too, for the regulators. */
    public List<ChecklistEntry> checklistEntries(Actor regulator) {
        return maintenance.all(regulator);
    }

    /** Adds or changes a checklist item (the city administrator); retiring is {@code active: false}. */
    public ChecklistEntry putChecklistItem(Actor admin, String code, InspectionRequests.ChecklistItem item) {
        return maintenance.put(admin, code, item);
    }
}

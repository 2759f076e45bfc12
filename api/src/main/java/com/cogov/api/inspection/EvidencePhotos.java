package com.cogov.api.inspection;

import com.cogov.api.file.FileDownload;
import com.cogov.api.file.FileService;
import com.cogov.api.file.NewFile;
import com.cogov.api.file.StoredFile;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.ImageUpload;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.inspection.EvidencePhotoView;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Evidence photos (files piece): typed by content (Tika, then decoded whole by the image library, so a renamed file or
 * a cut-off photo is refused), at most {@code cogov.inspection.photo-max-bytes}, stored as uploaded: the bytes are kept
 * unchanged, EXIF time included, because the photo is evidence of when and where. Such metadata is why they are never
 * public: an unused photo is its uploader's; once an inspection or a rectification uses it, the inspection's district
 * (its inspectors), the city administrator and the inspected pharmacy's manager may read it. Unused photos expire.
 */
@Singleton
class EvidencePhotos {

    static final String PURPOSE = "EVIDENCE_PHOTO";

    private final FileService files;
    private final InspectionStore store;
    private final InspectionQueries queries;
    private final InspectionConfiguration config;
    private final Clock clock;

    EvidencePhotos(
            FileService files,
            InspectionStore store,
            InspectionQueries queries,
            InspectionConfiguration config,
            Clock clock) {
        this.files = files;
        this.store = store;
        this.queries = queries;
        this.config = config;
        this.clock = clock;
    }

    EvidencePhotoView upload(Actor actor, byte[] content) {
        if (actor.role() != Role.DISTRICT_INSPECTOR && actor.role() != Role.PHARMACY_MANAGER) {
            throw new AccessDeniedException("只有检查人员和药店负责人可以上传检查照片");
        }
        ImageUpload photo = ImageUpload.of(content, config.photoMaxBytes()).requireComplete();
        String extension = switch (photo.mediaType()) {
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            default -> "jpg";
        };
        StoredFile stored = files.store(
                new NewFile(
                        actor.accountId(),
                        PURPOSE,
                        photo.mediaType(),
                        "evidence-" + clock.millis() + "." + extension,
                        clock.instant().plus(config.unusedPhotoTtl())),
                new ByteArrayInputStream(photo.content()));
        return new EvidencePhotoView(stored.id(), stored.contentType(), stored.sizeBytes());
    }

    /**
     * Attaches the caller's unused photos to the inspection (or its rectification) and keeps them, in the caller's
     * transaction.
     *
     * @throws InspectionRefusedException 422 EVIDENCE_PHOTO_INVALID for a photo that is not the caller's unused upload
     */
    void attach(Actor actor, long inspectionId, Long rectificationId, List<String> photoIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(photoIds));
        for (String id : ids) {
            StoredFile file = files.find(id).orElseThrow(() -> InspectionRefusedException.photo(id));
            if (!PURPOSE.equals(file.purpose()) || !Objects.equals(file.ownerAccountId(), actor.accountId())) {
                throw InspectionRefusedException.photo(id);
            }
        }
        List<String> used = store.photosInUse(ids);
        if (!used.isEmpty()) {
            throw InspectionRefusedException.photo(used.get(0));
        }
        store.attachPhotos(inspectionId, rectificationId, ids);
        for (String id : ids) {
            if (!files.keep(id)) {
                throw InspectionRefusedException.photo(id);
            }
        }
    }

    /** The photo for a reader in scope; anything else is not found (404), so ids cannot be probed. */
    FileDownload open(Actor reader, String photoId) {
        if (photoId.length() > 64) {
            throw new EvidencePhotoNotFoundException();
        }
        StoredFile file = files.find(photoId)
                .filter(f -> PURPOSE.equals(f.purpose()))
                .orElseThrow(EvidencePhotoNotFoundException::new);
        boolean readable = queries.usingPhoto(photoId)
                .map(i -> mayRead(reader, i))
                .orElse(Objects.equals(file.ownerAccountId(), reader.accountId()));
        if (!readable) {
            throw new EvidencePhotoNotFoundException();
        }
        return files.open(photoId)
                .map(in -> new FileDownload(file.fileName(), file.contentType(), file.sizeBytes(), in))
                .orElseThrow(EvidencePhotoNotFoundException::new);
    }

    private static boolean mayRead(Actor reader, InspectionQueries.Row inspection) {
        if (reader.role() == Role.CITY_ADMIN) {
            return true;
        }
        if (reader.role() == Role.DISTRICT_INSPECTOR) {
            return inspection.districtCode().equals(reader.districtCode());
        }
        if (reader.role() == Role.PHARMACY_MANAGER) {
            return reader.pharmacyId() != null && inspection.pharmacyId() == reader.pharmacyId();
        }
        return false;
    }
}

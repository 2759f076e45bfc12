package com.cogov.bff.inspection;

import com.cogov.api.inspection.InspectionService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.inspection.EvidencePhotoView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;

/**
 * Evidence photos of inspections and rectifications: uploaded before the inspection (or rectification) that names
 * them, read afterwards by the inspection's district and the inspected pharmacy. Always served as an attachment that
 * no browser may sniff into something else.
 */
@Controller("/mp/v1/inspections/photos")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Inspection")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
class EvidencePhotoController {

    private final InspectionService inspections;

    EvidencePhotoController(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @Secured({"DISTRICT_INSPECTOR", "PHARMACY_MANAGER"})
    @Operation(
            operationId = "uploadEvidencePhoto",
            summary = "Upload an evidence photo; answers the photoId to name in an inspection or rectification",
            description = "Multipart field `image`: JPEG, PNG or WebP by content, at most 10 MB, decoded whole. Kept as"
                    + " taken (its EXIF time is evidence). Unused after a day, it is removed.")
    @ProblemResponse(status = "400", codes = "UPLOAD_EMPTY, MISSING_PARAMETER, MALFORMED_REQUEST")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not an inspector or a pharmacy manager")
    @ProblemResponse(status = "413", codes = "UPLOAD_TOO_LARGE")
    @ProblemResponse(status = "415", codes = "UPLOAD_NOT_AN_IMAGE")
    @ProblemResponse(status = "422", codes = "IMAGE_UNREADABLE: cut off, corrupt or over 50 megapixels")
    EvidencePhotoView upload(@Part("image") CompletedFileUpload image, @Parameter(hidden = true) Actor uploader)
            throws IOException {
        return inspections.uploadPhoto(uploader, image.getBytes()); // the client's name and type are ignored
    }

    @Get("/{photoId}")
    @Secured({"DISTRICT_INSPECTOR", "PHARMACY_MANAGER"})
    @Operation(
            operationId = "getEvidencePhoto",
            summary = "An evidence photo, for its inspection's district and pharmacy (or its uploader while unused)")
    @ApiResponse(
            responseCode = "200",
            description = "The photo, as an attachment",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")))
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not an inspector or a pharmacy manager")
    @ProblemResponse(status = "404", codes = "EVIDENCE_PHOTO_NOT_FOUND: no such photo, or not mine to read")
    HttpResponse<StreamedFile> photo(String photoId, @Parameter(hidden = true) Actor reader) {
        return Downloads.attachment(inspections.photo(reader, photoId));
    }
}

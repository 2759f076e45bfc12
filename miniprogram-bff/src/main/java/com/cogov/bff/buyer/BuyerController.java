package com.cogov.bff.buyer;

import com.cogov.api.buyer.BuyerService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.buyer.ScannedIdentity;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;

/** The counter identifies the buyer of a special compound preparation from a photo of their ID card. */
@Controller("/mp/v1/buyers")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PHARMACY_CLERK", "PHARMACY_MANAGER"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Buyers")
class BuyerController {

    private final BuyerService buyers;

    BuyerController(BuyerService buyers) {
        this.buyers = buyers;
    }

    @Post(value = "/scan", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "scanIdCard",
            summary = "Read the buyer's ID card from a photo",
            description = "Multipart field `image`: a photo of the front (人像面) of the card, JPEG, PNG or WebP, at most "
                    + "5 MB and 50 megapixels, judged by its content and decoded whole before anything is sent on. WeChat's OCR reads it and the number is re-validated (GB 11643). The "
                    + "answer shows the buyer masked, with an `identityRef` to send with the registration, usable by this "
                    + "pharmacy for 10 minutes. The photo is not kept.")
    @ApiResponse(responseCode = "200", description = "The buyer, masked, and the identity reference")
    @ProblemResponse(
            status = "400",
            codes = "UPLOAD_EMPTY, MISSING_PARAMETER, MALFORMED_REQUEST (a part without a name)")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not pharmacy staff")
    @ProblemResponse(status = "413", codes = "UPLOAD_TOO_LARGE")
    @ProblemResponse(status = "415", codes = "UPLOAD_NOT_AN_IMAGE")
    @ProblemResponse(
            status = "422",
            codes = "IMAGE_UNREADABLE: cut off, corrupt or over 50 megapixels (WeChat is not called); "
                    + "ID_CARD_UNREADABLE: no card found, or the number read fails its check")
    @ProblemResponse(status = "503", codes = "WECHAT_UNAVAILABLE: retry, or type the number")
    ScannedIdentity scan(@Part("image") CompletedFileUpload image, @Parameter(hidden = true) Actor clerk)
            throws IOException {
        // The client's file name and declared type are ignored: the core judges the bytes.
        return buyers.scan(clerk, image.getBytes());
    }
}

package com.cogov.contracts.registration;

import com.cogov.contracts.buyer.DocumentType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** One sale of special compound preparations, as the clerk registers it at the counter. */
@Serdeable
@Schema(name = "RegistrationRequest")
public record RegistrationRequest(
        @NotNull(message = "请填写购买人信息") @Valid Buyer buyer,

        @NotEmpty(message = "请至少登记一种药品") @Size(max = 20, message = "一次最多登记20种药品")
        List<@NotNull @Valid Item> items,

        @Nullable @Valid @Schema(type = "object") Prescription prescription,

        @NotNull(message = "请填写销售时间") @Schema(example = "2026-11-21T10:15:00+08:00")
        OffsetDateTime soldAt) {

    /** Either the identity reference from a scan, or the document typed in. */
    @Serdeable
    @Schema(name = "RegistrationBuyer")
    public record Buyer(
            @Nullable @Size(max = 64, message = "身份引用格式不正确") @Schema(description = "From POST /mp/v1/buyers/scan")
            String identityRef,

            @Nullable @Schema(type = "string") DocumentType documentType,
            @Nullable @Size(max = 32, message = "证件号码过长") String documentNumber,
            @Nullable @Size(max = 40, message = "姓名过长") String name) {}

    @Serdeable
    @Schema(name = "RegistrationItem")
    public record Item(
            @Nullable
            @Size(max = 20, message = "条码过长")
            @Schema(description = "Commodity barcode or 20-digit traceability code")
            String barcode,

            @Nullable Long drugId,

            @Min(value = 1, message = "数量至少为1个最小包装") @Max(value = 100, message = "数量不能超过100个最小包装")
            int quantity,

            @NotBlank(message = "请填写生产批号") @Size(max = 32, message = "批号过长")
            String batchNumber,

            @Nullable @Size(max = 20, message = "追溯码最多20个")
            List<@Pattern(regexp = "\\d{20}", message = "药品追溯码为20位数字") String> traceCodes,

            @Nullable
            @Min(value = 1, message = "处方量至少为1")
            @Max(value = 100, message = "处方量不能超过100")
            @Schema(description = "Smallest packages the prescription allows, for prescription-only items")
            Integer prescribedQuantity) {}

    @Serdeable
    @Schema(name = "RegistrationPrescription")
    public record Prescription(
            @NotBlank(message = "请填写处方编号") @Size(max = 64, message = "处方编号过长")
            String number,

            @NotBlank(message = "请填写开方医师") @Size(max = 32, message = "医师姓名过长")
            String prescriber,

            @NotBlank(message = "请填写开方机构") @Size(max = 128, message = "机构名称过长")
            String institution) {}
}

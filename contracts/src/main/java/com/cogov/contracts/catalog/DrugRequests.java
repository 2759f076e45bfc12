package com.cogov.contracts.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Request bodies of drug maintenance and of the unknown-barcode queue (portal, city administrator). The shapes are
 * checked here; the approval number's form, the barcodes' check digits, the special category and the per-sale limit
 * by the catalog, which answers VALIDATION_FAILED naming each field.
 */
public final class DrugRequests {

    private DrugRequests() {}

    @Serdeable
    @Schema(name = "CreateDrugRequest")
    public record Create(
            @NotBlank(message = "请填写药品名称") @Size(max = 128, message = "药品名称不超过128个字") @Schema(example = "新康泰克")
            String name,

            @NotBlank(message = "请填写通用名称") @Size(max = 128, message = "通用名称不超过128个字") @Schema(example = "复方盐酸伪麻黄碱缓释胶囊")
            String genericName,

            @NotBlank(message = "请填写生产企业") @Size(max = 128, message = "生产企业不超过128个字")
            String maker,

            @NotBlank(message = "请填写规格")
            @Size(max = 128, message = "规格不超过128个字")
            @Schema(example = "每粒含盐酸伪麻黄碱90mg、马来酸氯苯那敏4mg")
            String strength,

            @NotBlank(message = "请填写剂型") @Size(max = 32, message = "剂型不超过32个字") @Schema(example = "胶囊剂")
            String dosageForm,

            @NotBlank(message = "请填写最小包装单位") @Size(max = 16, message = "最小包装单位不超过16个字") @Schema(example = "盒")
            String packageUnit,

            @NotBlank(message = "请填写批准文号")
            @Size(max = 40, message = "批准文号过长")
            @Schema(
                    description = "国药准字 + H/Z/S/J + 8 digits; imports 国药准字HJ/ZJ/SJ…, 进口药品注册证号 H20130787 or"
                            + " 医药产品注册证号 HC20140012",
                    example = "国药准字H20000037")
            String approvalNumber,

            @Nullable
            @Size(max = 32, message = "特殊药品类别不存在")
            @Schema(
                    description = "A special compound category code; absent for an ordinary drug",
                    example = "EPHEDRINE_COMPOUND")
            String specialCategoryCode,

            @NotNull(message = "请选择是否处方药") Boolean prescriptionOnly,

            @Nullable
            @Schema(
                    description =
                            "The drug's own cap of smallest packages per sale (1 to 999); absent: its" + " category's")
            Integer perSaleLimit,

            @Nullable
            @Size(max = 20, message = "一个药品最多20个条码")
            @Schema(description = "EAN-13, EAN-8 or UPC-A commodity barcodes", example = "[\"6971200000012\"]")
            List<@Size(max = 32, message = "条码过长") String> barcodes) {}

    /** Absent fields stay as they are; an empty specialCategoryCode makes the drug an ordinary one. */
    @Serdeable
    @Schema(name = "EditDrugRequest")
    public record Edit(
            @Nullable @Size(max = 128, message = "药品名称不超过128个字")
            String name,

            @Nullable @Size(max = 128, message = "通用名称不超过128个字")
            String genericName,

            @Nullable @Size(max = 128, message = "生产企业不超过128个字")
            String maker,

            @Nullable @Size(max = 128, message = "规格不超过128个字")
            String strength,

            @Nullable @Size(max = 32, message = "剂型不超过32个字") String dosageForm,

            @Nullable @Size(max = 16, message = "最小包装单位不超过16个字")
            String packageUnit,

            @Nullable @Size(max = 40, message = "批准文号过长") String approvalNumber,
            @Nullable @Size(max = 32, message = "特殊药品类别不存在") String specialCategoryCode,
            @Nullable Boolean prescriptionOnly,
            @Nullable Integer perSaleLimit) {}

    @Serdeable
    @Schema(name = "AddDrugBarcodeRequest")
    public record AddBarcode(
            @NotBlank(message = "请填写条码")
            @Size(max = 32, message = "条码过长")
            @Schema(
                    description =
                            "EAN-13, EAN-8 or UPC-A; a 20-digit traceability code attaches its product identifier")
            String barcode) {}

    @Serdeable
    @Schema(name = "DrugStatusChangeRequest")
    public record StatusChange(
            @NotNull(message = "请选择状态") @Schema(type = "string", description = "RETIRED or ACTIVE")
            DrugStatus status,

            @Nullable @Size(max = 200, message = "原因不超过200个字")
            String reason) {}

    /** Exactly one of the three: attach the code to a drug, create the drug with it, or reject the reports. */
    @Serdeable
    @Schema(name = "ResolveUnknownBarcodeRequest")
    public record Resolve(
            @Nullable @Schema(description = "Attach the code to this existing drug")
            Long drugId,

            @Nullable @Schema(description = "Create this drug with the code", type = "object")
            Create drug,

            @Nullable
            @Size(max = 200, message = "驳回原因不超过200个字")
            @Schema(description = "Reject the reports; the reason is shown to the pharmacies")
            String reject) {}
}

package com.cogov.contracts.pharmacy;

import com.cogov.contracts.text.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Request bodies of the pharmacy lifecycle (portal). Coordinates are GCJ-02, as WeChat gives them, so they must lie
 * in China's bounding box; the credit code's check character is verified by the server (GB 32100-2015).
 */
public final class PharmacyRequests {

    private PharmacyRequests() {}

    @Serdeable
    @Schema(name = "CreatePharmacyRequest")
    public record Create(
            @NotBlank(message = "请填写药品经营许可证编号")
            @Size(max = 32, message = "许可证编号不超过32个字符")
            @Schema(example = "鄂CB0270061")
            String licenseNumber,

            @NotBlank(message = "请填写统一社会信用代码")
            @Schema(
                    description = "18 characters, GB 32100-2015; lowercase letters are accepted",
                    example = "91420106MA4K0000X0")
            String creditCode,

            @NotBlank(message = "请填写药店名称") @Size(max = 128, message = "药店名称不超过128个字")
            String name,

            @NotBlank(message = "请选择行政区")
            @Pattern(regexp = "\\d{6}", message = "行政区划代码为6位数字")
            @Schema(example = "420106")
            String districtCode,

            @NotBlank(message = "请填写地址") @Size(max = 255, message = "地址不超过255个字")
            String address,

            @NotNull(message = "请填写纬度")
            @DecimalMin(value = "3.8", message = "纬度须在中国境内（3.8至53.6）")
            @DecimalMax(value = "53.6", message = "纬度须在中国境内（3.8至53.6）")
            @Digits(integer = 2, fraction = 6, message = "纬度最多6位小数")
            @Schema(example = "30.546000")
            BigDecimal latitude,

            @NotNull(message = "请填写经度")
            @DecimalMin(value = "73.5", message = "经度须在中国境内（73.5至135.1）")
            @DecimalMax(value = "135.1", message = "经度须在中国境内（73.5至135.1）")
            @Digits(integer = 3, fraction = 6, message = "经度最多6位小数")
            @Schema(example = "114.316000")
            BigDecimal longitude,

            @Nullable
            @Pattern(
                    regexp = "|24小时|([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)",
                    message = "营业时间格式为 08:00-22:00（过午夜如 20:00-02:00，全天为 00:00-24:00）")
            @Schema(
                    description = "HH:MM-HH:MM in China time, the same every day; a closing time before the opening"
                            + " time runs past midnight; 00:00-24:00 is open round the clock",
                    example = "08:00-22:00")
            String openingHours,

            @Nullable
            @Pattern(regexp = "[0-9+() -]{5,32}", message = "电话为5-32位数字，可含 + - ( ) 空格")
            @Schema(description = "The shop's public number, not a person's", example = "027-88886666")
            String phone) {}

    /**
     * What may be edited in place; absent (or null) fields stay as they are, an empty openingHours or phone clears it.
     * Latitude and longitude come together.
     */
    @Serdeable
    @Schema(name = "EditPharmacyRequest")
    public record Edit(
            @Nullable @Size(min = 1, max = 128, message = "药店名称为1-128个字")
            String name,

            @Nullable @Size(min = 1, max = 255, message = "地址为1-255个字")
            String address,

            @Nullable
            @DecimalMin(value = "3.8", message = "纬度须在中国境内（3.8至53.6）")
            @DecimalMax(value = "53.6", message = "纬度须在中国境内（3.8至53.6）")
            @Digits(integer = 2, fraction = 6, message = "纬度最多6位小数")
            BigDecimal latitude,

            @Nullable
            @DecimalMin(value = "73.5", message = "经度须在中国境内（73.5至135.1）")
            @DecimalMax(value = "135.1", message = "经度须在中国境内（73.5至135.1）")
            @Digits(integer = 3, fraction = 6, message = "经度最多6位小数")
            BigDecimal longitude,

            @Nullable
            @Pattern(
                    regexp = "|24小时|([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)",
                    message = "营业时间格式为 08:00-22:00（过午夜如 20:00-02:00，全天为 00:00-24:00）")
            @Schema(
                    description = "HH:MM-HH:MM in China time, the same every day; a closing time before the opening"
                            + " time runs past midnight; 00:00-24:00 is open round the clock",
                    example = "08:00-22:00")
            String openingHours,

            @Nullable @Pattern(regexp = "|[0-9+() -]{5,32}", message = "电话为5-32位数字，可含 + - ( ) 空格")
            String phone) {}

    @Serdeable
    @Schema(name = "TransferPharmacyRequest", description = "区域调动: the district the pharmacy belongs to from now on")
    public record Transfer(
            @NotBlank(message = "请选择调入的行政区")
            @Pattern(regexp = "\\d{6}", message = "行政区划代码为6位数字")
            @Schema(example = "420111")
            String districtCode,

            @NotBlank(message = "请填写调动原因") @MultiLine @Size(max = 200, message = "原因不超过200个字")
            String reason) {}

    @Serdeable
    @Schema(name = "PharmacyStatusRequest")
    public record StatusChange(
            @NotNull(message = "请选择状态：ACTIVE、SUSPENDED 或 CLOSED")
            PharmacyStatus status,

            @NotBlank(message = "请填写原因") @MultiLine @Size(max = 200, message = "原因不超过200个字")
            String reason) {}
}

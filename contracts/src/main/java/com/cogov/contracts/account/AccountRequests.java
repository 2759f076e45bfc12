package com.cogov.contracts.account;

import com.cogov.contracts.text.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of account administration (portal) and clerk management (mini-program). */
public final class AccountRequests {

    private AccountRequests() {}

    @Serdeable
    @Schema(
            name = "CreateAccountRequest",
            description = "Portal roles get a username and a one-time password; "
                    + "mini-program staff get an activation code to bind their WeChat identity.")
    public record Create(
            @NotNull(message = "请选择角色") Role role,

            @NotBlank(message = "请填写称呼")
            @Size(max = 32, message = "称呼不超过32个字")
            @Schema(
                    description =
                            "How colleagues address the person (王店员), not a legal name: legal names are personal data")
            String displayName,

            @Nullable @Pattern(regexp = "[a-z][a-z0-9_.-]{2,31}", message = "用户名为3-32位小写字母、数字或 _ . -，以字母开头")
            String username,

            @Nullable Long pharmacyId,

            @Nullable @Pattern(regexp = "\\d{6}", message = "行政区划代码为6位数字")
            String districtCode,

            @Nullable Long enterpriseId) {}

    @Serdeable
    @Schema(name = "CreateClerkRequest")
    public record CreateClerk(
            @NotBlank(message = "请填写店员称呼") @Size(max = 32, message = "称呼不超过32个字")
            String displayName) {}

    @Serdeable
    @Schema(name = "ReasonRequest")
    public record Reason(
            @NotBlank(message = "请填写原因") @MultiLine @Size(max = 200, message = "原因不超过200个字")
            String reason) {}
}

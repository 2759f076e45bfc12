package com.cogov.api.web;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A test-only controller exercising every way a request can go wrong, to check the one error format. */
@Controller("/probe")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProbeController {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeController.class);

    @Serdeable
    @Introspected
    record Item(
            @NotBlank(message = "请填写批号") String batchNumber,

            @Min(value = 1, message = "数量至少为1") @Max(value = 100, message = "数量不能超过100")
            int quantity) {}

    @Serdeable
    @Introspected
    record Order(
            @NotBlank(message = "请填写姓名") String name,
            @NotEmpty(message = "至少一项") List<@Valid Item> items) {}

    @Post("/orders")
    Order echo(@Body @Valid Order order) {
        return order;
    }

    @Get("/count")
    int count(@QueryValue int n) {
        return n;
    }

    @Get("/reject")
    String reject() {
        throw new CogovException(ErrorCode.ID_NUMBER_INVALID, "证件号码校验位不正确");
    }

    @Get("/boom")
    String boom() {
        LOG.info("about to fail");
        throw new IllegalStateException("internal detail: table registration_2026 is locked");
    }
}

package com.cogov.bff.registration;

import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.registration.ServerTime;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;

/**
 * The server's time. A sale's time comes from the clerk's phone and is refused when it is ahead of the server or too
 * far behind (SOLD_AT_OUT_OF_RANGE), so the mini-program compares its clock with this one at start. It is also the
 * app's cheapest route, which the load harness uses as the framework's ceiling for a read: it runs on the event loop
 * with no blocking work.
 */
@Controller("/mp/v1/time")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Registrations")
class ServerTimeController {

    private final Clock clock;

    ServerTimeController(Clock clock) {
        this.clock = clock;
    }

    @Get
    @SecurityRequirement(name = "") // public
    @Operation(
            operationId = "getServerTime",
            summary = "The server's current time (UTC), to check the phone's clock against")
    @ProblemResponse(status = "406", codes = "NOT_ACCEPTABLE: the Accept header excludes JSON")
    ServerTime now() {
        return new ServerTime(clock.instant());
    }
}

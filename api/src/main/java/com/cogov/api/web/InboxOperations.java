package com.cogov.api.web;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.notify.InboxEntryView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * The in-app inbox (docs/notifications.md), the same in both apps for every signed-in member of staff: each app's
 * {@code InboxController} serves it under its own prefix, and the tests call it through a declarative client.
 */
@Secured({"PHARMACY_CLERK", "PHARMACY_MANAGER", "DISTRICT_INSPECTOR", "CITY_ADMIN", "ENTERPRISE_USER", "OPERATOR"})
@SecurityRequirement(name = "bearer")
public interface InboxOperations {

    @Get("/inbox")
    @Operation(
            summary = "My messages, newest first",
            description = "unread=true lists only the unread ones. Pass nextCursor back as cursor for the next page.")
    @ProblemResponse(
            status = "400",
            codes = "PAGE_CURSOR_INVALID, PAGE_LIMIT_INVALID, QUERY_PARAMETER_INVALID (unread neither true nor false),"
                    + " MALFORMED_REQUEST (limit not a number)")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a member of staff")
    Page<InboxEntryView> inbox(
            @Nullable @QueryValue @Parameter(schema = @Schema(type = "boolean")) String unread,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor reader);

    @Post("/inbox/{id}/read")
    @Operation(summary = "Mark one of my messages read (again: no change)")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a member of staff")
    @ProblemResponse(status = "404", codes = "INBOX_ENTRY_NOT_FOUND: no such message of mine")
    InboxEntryView markRead(@PathVariable long id, @Parameter(hidden = true) Actor reader);
}

package com.cogov.contracts.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of any list, the one paging of the platform (docs/platform: paging). Pass {@code nextCursor} back as
 * {@code cursor} for the next page; it is absent on the last page. Cursors are opaque: do not build or parse them.
 */
@Serdeable
public record Page<T>(
        List<T> items,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Opaque mark of the next page; absent on the last page", nullable = true)
        @Nullable
        String nextCursor) {

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }
}

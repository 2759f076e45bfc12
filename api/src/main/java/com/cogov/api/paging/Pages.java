package com.cogov.api.paging;

import com.cogov.contracts.paging.Page;
import java.util.List;
import java.util.function.Function;

/** Turns the rows a keyset query fetched ({@link PageRequest#fetchSize()}, one extra) into the page clients get. */
public final class Pages {

    private Pages() {}

    /**
     * @param fetched the rows in the list's order, at most {@code request.fetchSize()}
     * @param keyOf   the (time, id) of a row, for the cursor of the next page
     * @param view    the row as clients see it
     */
    public static <R, T> Page<T> of(
            List<R> fetched, PageRequest request, Function<R, Cursor> keyOf, Function<R, T> view) {
        boolean more = fetched.size() > request.limit();
        List<R> rows = more ? fetched.subList(0, request.limit()) : fetched;
        String next = more ? keyOf.apply(rows.get(rows.size() - 1)).encode() : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }
}

package com.cogov.api.search;

/**
 * One entity a search found, with how well: {@link #EXACT} (the whole name or its initials), {@link #PREFIX}
 * (they start with the query) or {@link #CONTAINS}.
 */
public record Match(long id, int rank) {

    public static final int EXACT = 0;
    public static final int PREFIX = 1;
    public static final int CONTAINS = 2;
}

package com.cogov.api.geo;

import java.util.List;

/**
 * What a feature that owns a geo index gives the piece: every member as its database has them. The piece builds the
 * index from it whenever Redis does not hold it (at start, after Redis restarted empty or failed over), so "nearby"
 * never answers from an index that is not there.
 */
public interface GeoIndexSource {

    /** The index's name, as given to {@link GeoService#nearest}. */
    String index();

    /** Every member that has a place; read from the database. */
    List<GeoService.Member> members();
}

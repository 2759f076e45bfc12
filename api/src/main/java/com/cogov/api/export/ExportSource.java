package com.cogov.api.export;

import com.cogov.api.shared.Actor;
import java.util.Map;

/**
 * A kind of export a feature offers (docs/platform: exports). A feature implements one as a {@code @Singleton} in its
 * own package; the export piece finds it by {@link #kind()}, runs it as a job, writes the file (xlsx or csv) with the
 * header block naming who exported what filter when, audits it, and serves it to its requester for 24 hours.
 */
public interface ExportSource {

    /** The kind clients name in {@code POST …/exports}, e.g. {@code REGISTRATIONS}. */
    String kind();

    /**
     * Checks the filter as the feature's own query route does (the same 400 codes, 404 for a scope the actor does not
     * have) and says what will be exported. Called on the request, so bad input is refused before a job exists, and
     * again when the job runs (maybe on another node, after a restart): keep it cheap and free of side effects.
     *
     * @param filter the query route's parameters by name, as text (e.g. {@code from}, {@code districtCode})
     */
    ExportPlan plan(Actor actor, Map<String, String> filter);
}

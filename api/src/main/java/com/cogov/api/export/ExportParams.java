package com.cogov.api.export;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** What an export job keeps, to plan again when it runs (maybe on another node, after a restart). */
@Serdeable
record ExportParams(String kind, String format, Map<String, String> filter) {}

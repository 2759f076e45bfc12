package com.cogov.api.imports;

import io.micronaut.serde.annotation.Serdeable;

/** What an import job reads back: the kind, the stored upload and how to read it, and whether to write. */
@Serdeable
record ImportParams(String kind, String fileId, SpreadsheetFormat format, boolean dryRun) {}

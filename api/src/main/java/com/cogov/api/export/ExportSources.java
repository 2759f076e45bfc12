package com.cogov.api.export;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@link ExportSource} the features offer, by kind. */
@Singleton
class ExportSources {

    private final Map<String, ExportSource> byKind;

    ExportSources(List<ExportSource> sources) {
        this.byKind = sources.stream().collect(Collectors.toMap(ExportSource::kind, Function.identity()));
    }

    ExportSource get(String kind) {
        ExportSource source = byKind.get(kind);
        if (source == null) {
            throw ExportRequestException.kind(kind);
        }
        return source;
    }
}

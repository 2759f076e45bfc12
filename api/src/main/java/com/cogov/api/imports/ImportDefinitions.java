package com.cogov.api.imports;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every kind of import, by its name. */
@Singleton
class ImportDefinitions {

    private final Map<String, ImportDefinition<?>> byKind;

    ImportDefinitions(List<ImportDefinition<?>> definitions) {
        this.byKind = definitions.stream().collect(Collectors.toMap(ImportDefinition::kind, Function.identity()));
    }

    /** @throws ImportRequestException IMPORT_KIND_UNKNOWN */
    ImportDefinition<?> get(String kind) {
        ImportDefinition<?> definition = kind == null ? null : byKind.get(kind);
        if (definition == null) {
            throw ImportRequestException.kind(kind == null ? "" : kind);
        }
        return definition;
    }
}

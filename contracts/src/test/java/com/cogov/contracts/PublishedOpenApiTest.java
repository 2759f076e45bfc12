package com.cogov.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Front-end teams generate their clients from the published documents, so each must hold what a generator and a
 * person reading it need (docs/contracts.md): per operation a summary, a unique operationId, its security (empty for
 * a public route) and its refusals, each documented as the one error format. These are the rules of Redocly CLI's
 * {@code recommended} set that the documents once broke, checked here with a Java parser so that the build guards
 * them on a machine without Node.js. A failure lists every operation at fault, with what it lacks.
 */
class PublishedOpenApiTest {

    private static final Path PUBLISHED = Path.of("src", "main", "resources", "openapi");
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    static Stream<String> documents() throws IOException {
        try (Stream<Path> files = Files.list(PUBLISHED)) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void bothAppsPublishADocument() throws IOException {
        assertThat(documents()).contains("miniprogram-bff.yml", "portal.yml");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyOperationHasASummaryAUniqueIdItsSecurityAndItsProblemAnswers(String document) throws IOException {
        OpenAPI api = parse(document);
        List<String> faults = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        Set<String> schemes = api.getComponents().getSecuritySchemes() == null
                ? Set.of()
                : api.getComponents().getSecuritySchemes().keySet();

        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String where = method + " " + path;
                    if (isBlank(operation.getSummary())) {
                        faults.add(where + ": no summary");
                    }
                    String id = operation.getOperationId();
                    if (isBlank(id)) {
                        faults.add(where + ": no operationId");
                    } else if (operationIds.containsKey(id)) {
                        faults.add(where + ": operationId '" + id + "' is also " + operationIds.get(id) + "'s");
                    } else {
                        operationIds.put(id, where);
                    }
                    faults.addAll(securityFaults(where, operation, api, schemes));
                    faults.addAll(problemFaults(where, operation));
                }));

        assertThat(faults).as("operations of %s at fault", document).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyNullableSchemaStatesItsType(String document) throws IOException {
        OpenAPI api = parse(document);
        List<String> faults = new ArrayList<>();
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, schema) -> nullableFaults(name, schema, faults));
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    for (Parameter parameter : nullToEmpty(operation.getParameters())) {
                        nullableFaults(method + " " + path + " ?" + parameter.getName(), parameter.getSchema(), faults);
                    }
                }));

        // A generator cannot tell what a nullable reference holds without it (Redocly: nullable-type-sibling).
        assertThat(faults).as("nullable schemas of %s without a type", document).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void theDocumentNamesItsServerAndProblemSchema(String document) throws IOException {
        OpenAPI api = parse(document);

        assertThat(api.getServers()).as("servers of %s", document).isNotEmpty();
        assertThat(api.getInfo().getLicense()).as("license of %s", document).isNotNull();
        assertThat(api.getComponents().getSchemas())
                .as("schemas of %s", document)
                .containsKey("Problem");
    }

    /** Declared on the operation or for the whole document; an empty requirement is how a public route says so. */
    private static List<String> securityFaults(String where, Operation operation, OpenAPI api, Set<String> schemes) {
        List<SecurityRequirement> security =
                operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
        if (security == null) {
            return List.of(where + ": no security (a public route declares an empty one)");
        }
        return security.stream()
                .flatMap(requirement -> requirement.keySet().stream())
                .filter(scheme -> !schemes.contains(scheme))
                .map(scheme -> where + ": security scheme '" + scheme + "' is not in components")
                .toList();
    }

    /** At least one 4xx, and every 4xx in the one error format (RFC 9457, contracts Problem). */
    private static List<String> problemFaults(String where, Operation operation) {
        Map<String, ApiResponse> clientErrors = new HashMap<>();
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4")) {
                    clientErrors.put(status, response);
                }
            });
        }
        if (clientErrors.isEmpty()) {
            return List.of(where + ": no 4xx answer documented");
        }
        List<String> faults = new ArrayList<>();
        clientErrors.forEach((status, response) -> {
            MediaType problem =
                    response.getContent() == null ? null : response.getContent().get(PROBLEM_MEDIA_TYPE);
            if (problem == null || problem.getSchema() == null) {
                faults.add(where + " " + status + ": not documented as " + PROBLEM_MEDIA_TYPE);
            } else if (!PROBLEM_SCHEMA.equals(problem.getSchema().get$ref())) {
                faults.add(where + " " + status + ": schema is not " + PROBLEM_SCHEMA);
            }
        });
        return faults;
    }

    private static void nullableFaults(String where, Schema<?> schema, List<String> faults) {
        if (schema == null) {
            return;
        }
        if (Boolean.TRUE.equals(schema.getNullable()) && schema.getType() == null) {
            faults.add(where);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> nullableFaults(where + "." + name, property, faults));
        }
        nullableFaults(where + "[]", schema.getItems(), faults);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            nullableFaults(where + "{}", values, faults);
        }
        for (Schema<?> part : nullToEmpty(schema.getAllOf())) {
            nullableFaults(where + " allOf", part, faults);
        }
        for (Schema<?> part : nullToEmpty(schema.getOneOf())) {
            nullableFaults(where + " oneOf", part, faults);
        }
        for (Schema<?> part : nullToEmpty(schema.getAnyOf())) {
            nullableFaults(where + " anyOf", part, faults);
        }
    }

    private static OpenAPI parse(String document) throws IOException {
        String yaml = Files.readString(PUBLISHED.resolve(document), StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // keep the $refs: a 4xx must point at the Problem component itself
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(result.getMessages())
                .as("what the parser found wrong in %s", document)
                .isEmpty();
        assertThat(result.getOpenAPI()).as("%s parsed", document).isNotNull();
        return result.getOpenAPI();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> Collection<T> nullToEmpty(Collection<T> items) {
        return items == null ? List.of() : items;
    }
}

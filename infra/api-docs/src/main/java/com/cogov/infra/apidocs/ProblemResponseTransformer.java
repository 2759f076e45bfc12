package com.cogov.infra.apidocs;

import io.micronaut.core.annotation.AnnotationClassValue;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.annotation.NamedAnnotationTransformer;
import io.micronaut.inject.visitor.VisitorContext;
import java.lang.annotation.Annotation;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

/**
 * Turns each {@code @com.cogov.api.web.ProblemResponse(status, codes)} into the OpenAPI response the generator
 * documents: {@code @ApiResponse(responseCode = status, description = codes)} whose content is the one error format,
 * {@code application/problem+json} with the {@code Problem} schema (contracts). That content is stated here once,
 * for every operation of both apps. Names, not classes: this runs inside the compiler, beside neither api nor
 * contracts; PublishedContractTest shows the result.
 */
public final class ProblemResponseTransformer implements NamedAnnotationTransformer {

    static final String PROBLEM_RESPONSE = "com.cogov.api.web.ProblemResponse";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json"; // contracts Problem.MEDIA_TYPE
    static final String PROBLEM = "com.cogov.contracts.error.Problem";

    private static final String API_RESPONSE = "io.swagger.v3.oas.annotations.responses.ApiResponse";
    private static final String CONTENT = "io.swagger.v3.oas.annotations.media.Content";
    private static final String SCHEMA = "io.swagger.v3.oas.annotations.media.Schema";

    @Override
    public String getName() {
        return PROBLEM_RESPONSE;
    }

    @Override
    public List<AnnotationValue<?>> transform(
            AnnotationValue<Annotation> problemResponse, VisitorContext visitorContext) {
        AnnotationValue<Annotation> schema = AnnotationValue.builder(SCHEMA, RetentionPolicy.RUNTIME)
                .member("implementation", new AnnotationClassValue<>(PROBLEM))
                .build();
        AnnotationValue<Annotation> content = AnnotationValue.builder(CONTENT, RetentionPolicy.RUNTIME)
                .member("mediaType", PROBLEM_MEDIA_TYPE)
                .member("schema", schema)
                .build();
        return List.of(AnnotationValue.builder(API_RESPONSE, RetentionPolicy.RUNTIME)
                .member("responseCode", problemResponse.stringValue("status").orElseThrow())
                .member("description", problemResponse.stringValue("codes").orElseThrow())
                .member("content", new AnnotationValue<?>[] {content})
                .build());
    }
}

package com.cogov.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one refusal of an operation: its status and the error codes it carries. Every refusal is answered in the
 * one error format (RFC 9457 {@code application/problem+json}, contracts {@code Problem}), so that content is stated
 * in one place for every operation of both apps: at compile time, infra api-docs' {@code ProblemResponseTransformer}
 * turns this into the OpenAPI {@code @ApiResponse} with that content. On a controller it applies to each of its
 * operations (the 401 and 403 that every route of a secured controller may answer).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ProblemResponses.class)
public @interface ProblemResponse {

    /** The HTTP status, e.g. {@code "404"}. */
    String status();

    /** The error codes of that status, and when they come, e.g. {@code "DRUG_NOT_FOUND"}. */
    String codes();
}

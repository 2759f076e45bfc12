package com.cogov.contracts.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-text field typed in a text area, which may hold line breaks and tabs. Every other text field of every
 * request body refuses all control characters: the apps' strict JSON check (api web glue) reads this marker.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface MultiLine {}

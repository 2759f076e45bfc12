package com.cogov.api.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Whether the app serves its OpenAPI document ({@code /swagger/…}) and Swagger UI ({@code /swagger-ui/…}), and to whom.
 * Both default to off here; the apps' {@code application.yml} turns them on for development, and
 * {@code application-prod.yml} off again.
 *
 * @param enabled   serve them at all ({@code COGOV_API_DOCS_ENABLED}); when off they answer 404
 * @param anonymous serve them to anyone; when off, only to a signed-in staff account (a bearer token), never to the
 *                  public or machine clients
 */
@ConfigurationProperties(ApiDocsConfiguration.PREFIX)
record ApiDocsConfiguration(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "false") boolean anonymous) {

    static final String PREFIX = "cogov.api-docs";
}

package com.cogov.api.web;

import com.cogov.contracts.account.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.ConfigurationInterceptUrlMapRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Who may read the API documentation ({@link ApiDocsConfiguration}): anyone where it is public (development), else
 * only staff signed in with a bearer token. Where it is off, the rule stays silent and the disabled static resources
 * answer 404.
 */
@Singleton
class ApiDocsAccessRule implements SecurityRule<HttpRequest<?>> {

    /** Before the configured URL map, so that no general pattern decides for the documentation. */
    static final int ORDER = ConfigurationInterceptUrlMapRule.ORDER - 100;
    /** The people who work with the platform; not the public, and not partner systems or the data centre. */
    private static final Set<String> STAFF = EnumSet.of(
                    Role.PHARMACY_CLERK,
                    Role.PHARMACY_MANAGER,
                    Role.DISTRICT_INSPECTOR,
                    Role.CITY_ADMIN,
                    Role.ENTERPRISE_USER,
                    Role.OPERATOR)
            .stream()
            .map(Role::name)
            .collect(Collectors.toUnmodifiableSet());

    private final ApiDocsConfiguration config;

    ApiDocsAccessRule(ApiDocsConfiguration config) {
        this.config = config;
    }

    /** The documentation's paths, as mapped in the apps' {@code micronaut.router.static-resources}. */
    static boolean isDocs(String path) {
        return (path.startsWith("/swagger/") || path.startsWith("/swagger-ui/"))
                && !path.contains("..")
                && !path.contains("%");
    }

    @Override
    public Publisher<SecurityRuleResult> check(
            @Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || !config.enabled() || !isDocs(request.getPath())) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        if (config.anonymous()) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        boolean staff =
                authentication != null && authentication.getRoles().stream().anyMatch(STAFF::contains);
        return Mono.just(staff ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

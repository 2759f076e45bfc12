package com.cogov.api.web;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Turns a request into the {@link Actor} the features receive: the verified token's account, role and scope,
 * the client address ({@link ClientAddressResolver}: the socket's, or what a trusted proxy reports) and the trace id.
 */
@Singleton
class Actors {

    private final ClientAddressResolver addresses;

    Actors(ClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    Actor of(HttpRequest<?> request) {
        String address = addresses.resolve(request);
        String traceId = TraceIds.of(request).orElse(null);
        return request.getUserPrincipal(Authentication.class)
                .map(auth -> fromToken(auth, address, traceId))
                .orElseGet(() -> Actor.anonymous(address, traceId));
    }

    private static Actor fromToken(Authentication auth, String address, String traceId) {
        Map<String, Object> claims = auth.getAttributes();
        Role role = auth.getRoles().stream().findFirst().map(Role::valueOf).orElse(null);
        return new Actor(
                Long.valueOf(auth.getName()),
                role,
                number(claims.get("pharmacyId")),
                (String) claims.get("districtCode"),
                number(claims.get("enterpriseId")),
                address,
                traceId);
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}

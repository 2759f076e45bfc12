package com.cogov.portal;

import com.cogov.contracts.account.AccountRequests;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level authorisation (OWASP IDOR): for every portal route that takes an id, callers scoped to a district or
 * an enterprise get 403 or 404 on objects outside that scope. Routes are read from the running app, so a new route
 * with an id and no case here fails the build.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectScopeMatrixTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Router router;

    PortalSessions portal;
    List<String> outsiders;
    long cityAdminAccount;

    /** route -> the request an outsider makes against an object out of their scope, or null if not scoped. */
    Map<String, LongFunction<MutableHttpRequest<?>>> matrix() {
        Map<String, LongFunction<MutableHttpRequest<?>>> m = new TreeMap<>();
        m.put("GET /portal/v1/public/drugs/barcode/{code}", null); // the catalog is public: no owner
        m.put("GET /portal/v1/accounts/{id}", id -> HttpRequest.GET("/portal/v1/accounts/" + id));
        for (String action : List.of("disable", "enable", "delete", "phone/unmask")) {
            m.put("POST /portal/v1/accounts/{id}/" + action,
                    id -> HttpRequest.POST("/portal/v1/accounts/" + id + "/" + action, new AccountRequests.Reason("越权测试")));
        }
        for (String action : List.of("reset-password", "unlock", "activation-code")) {
            m.put("POST /portal/v1/accounts/{id}/" + action, id -> HttpRequest.POST("/portal/v1/accounts/" + id + "/" + action, ""));
        }
        m.put("POST /portal/v1/pharmacies/{id}/disable",
                id -> HttpRequest.POST("/portal/v1/pharmacies/1/disable", new AccountRequests.Reason("越权测试")));
        return m;
    }

    @BeforeAll
    void signInOutsiders() {
        portal = new PortalSessions(client);
        cityAdminAccount = portal.call(HttpRequest.GET("/portal/v1/me"), portal.admin(devServices()),
                com.cogov.contracts.account.ProfileView.class).accountId();
        outsiders = List.of(
                portal.login("inspector", devServices().demoPasswords().get("inspector")).tokens().accessToken(),
                portal.login("enterprise", devServices().demoPasswords().get("enterprise")).tokens().accessToken());
    }

    @Test
    void everyRouteWithAnIdHasACrossScopeCase() {
        var routesWithIds = router.uriRoutes()
                .filter(r -> !"HEAD".equals(r.getHttpMethodName())) // authorised exactly like its GET
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toString())
                .filter(r -> r.contains(" /portal/") && r.contains("{"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(routesWithIds)
                .as("add a cross-scope case to ObjectScopeMatrixTest.matrix() for each new route that takes an id")
                .isSubsetOf(matrix().keySet());
    }

    @Test
    void districtAndEnterpriseUsersCannotReachObjectsOutsideTheirScope() {
        matrix().forEach((route, request) -> {
            if (request != null) {
                for (String outsider : outsiders) {
                    var e = portal.failure(request.apply(cityAdminAccount).bearerAuth(outsider));
                    assertThat(e).as(route).isNotNull();
                    assertThat(e.getStatus().getCode()).as(route).isIn(403, 404);
                }
            }
        });
    }
}

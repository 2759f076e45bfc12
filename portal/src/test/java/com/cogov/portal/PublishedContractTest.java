package com.cogov.portal;

import com.cogov.infra.dev.AppArchitecture;
import com.cogov.infra.dev.OpenApiContract;
import org.junit.jupiter.api.Test;

class PublishedContractTest {

    @Test
    void theApiMatchesTheOpenApiDocumentPublishedInContracts() {
        OpenApiContract.assertUnchanged("META-INF/swagger/cogov-portal-1.0.yml", "portal.yml");
    }

    @Test
    void theAppIsThinAndReachesDataOnlyThroughTheCore() {
        AppArchitecture.assertThin("com.cogov.portal");
    }
}

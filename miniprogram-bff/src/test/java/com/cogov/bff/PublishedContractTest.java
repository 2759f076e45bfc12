package com.cogov.bff;

import com.cogov.infra.dev.AppArchitecture;
import com.cogov.infra.dev.OpenApiContract;
import org.junit.jupiter.api.Test;

class PublishedContractTest {

    @Test
    void theApiMatchesTheOpenApiDocumentPublishedInContracts() {
        OpenApiContract.assertUnchanged("META-INF/swagger/cogov-miniprogram-bff-1.0.yml", "miniprogram-bff.yml");
    }

    @Test
    void theAppIsThinAndReachesDataOnlyThroughTheCore() {
        AppArchitecture.assertThin("com.cogov.bff");
    }
}

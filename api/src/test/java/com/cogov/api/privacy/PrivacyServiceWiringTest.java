package com.cogov.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The bean as the apps get it: secrets from the (dev services') configuration, key versions from cogov.privacy. */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "cogov.privacy.key-version", value = "2")
@Property(name = "cogov.privacy.retired-keys.1", value = PrivacyFixture.KEY_V1)
class PrivacyServiceWiringTest implements DevServicesTest {

    @Inject
    PrivacyService privacy;

    @Test
    void sealsUnderTheConfiguredKeyVersionAndOpensItAgain() {
        String sealed = privacy.seal("张三");
        assertThat(sealed).startsWith("v2:");
        assertThat(privacy.open(sealed)).isEqualTo("张三");
        assertThat(privacy.blindIndex(PersonalField.PHONE, "13800138000")).hasSize(64);
    }

    @Test
    void opensValuesSealedUnderTheRetiredKeyFromConfiguration() {
        String sealedUnderV1 = PrivacyFixture.service().seal(PrivacyFixture.ID_NUMBER);
        assertThat(privacy.open(sealedUnderV1)).isEqualTo(PrivacyFixture.ID_NUMBER);
    }
}

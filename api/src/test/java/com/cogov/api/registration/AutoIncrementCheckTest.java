package com.cogov.api.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A commit group's ids come from one multi-row insert: the app starts only where they are consecutive. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoIncrementCheckTest implements DevServicesTest {

    @Inject
    RegistrationStore store;

    @Test
    void theEmbeddedDatabaseHandsOutOneStatementsIdsTogether() {
        assertThat(store.autoIncrementLockMode()).isLessThanOrEqualTo(1);
        assertThatCode(() -> AutoIncrementCheck.requireConsecutive(store.autoIncrementLockMode()))
                .doesNotThrowAnyException();
    }

    @Test
    void mysqlsInterleavedDefaultIsRefusedWithTheSettingToChange() {
        assertThatThrownBy(() -> AutoIncrementCheck.requireConsecutive(2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("innodb_autoinc_lock_mode=2")
                .hasMessageContaining("Set innodb_autoinc_lock_mode=1");
    }
}

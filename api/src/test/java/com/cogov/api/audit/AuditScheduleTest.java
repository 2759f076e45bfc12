package com.cogov.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** The nightly verification, on by default: what it records and what it logs. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditScheduleTest implements DevServicesTest {

    @Inject
    ScheduledAuditVerification nightly;

    @Inject
    AuditService audit;

    @Inject
    ApplicationContext context;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ScheduledAuditVerification.class);

    @BeforeEach
    void captureLog() {
        log.list.clear();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void runsAtHalfPastTwoBeijingTime() {
        // As the scheduler reads it: the zone is the city's (cogov.city.zone), resolved by the context.
        ExecutableMethod<?, ?> method = context.getBeanDefinition(ScheduledAuditVerification.class)
                .findMethod("verifyNightly")
                .orElseThrow();
        assertThat(method.stringValue(Scheduled.class, "cron")).contains("0 30 2 * * *");
        assertThat(method.stringValue(Scheduled.class, "zoneId")).contains("Asia/Shanghai");
    }

    @Test
    void anIntactChainIsRecordedAsTheSystemsSuccessfulVerification() {
        nightly.verifyNightly();

        AuditEventView entry = audit.search(
                        new AuditQuery(null, "audit.verify", null, null, null, null, PageRequest.of(1, null)))
                .items()
                .get(0);
        assertThat(entry.actorAccountId()).isNull();
        assertThat(entry.actorScope()).isEqualTo("system");
        assertThat(entry.outcome()).isEqualTo("SUCCESS");
        assertThat(entry.traceId()).hasSize(32);
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void aBrokenChainIsLoggedAsAnErrorNamingTheEntry() throws Exception {
        audit.record(Actor.system(null), "account.disable", "account", "3", AuditOutcome.SUCCESS, Map.of());
        try (AuditDatabase database = new AuditDatabase(devServices(), audit)) {
            long changedId = database.lastEventId();
            audit.record(Actor.system(null), "account.enable", "account", "3", AuditOutcome.SUCCESS, Map.of());
            database.withoutTriggers(() -> {
                database.update("UPDATE audit_event SET target_id = '4' WHERE id = ?", changedId);
                try {
                    nightly.verifyNightly();
                } finally {
                    database.update("UPDATE audit_event SET target_id = '3' WHERE id = ?", changedId);
                }
            });

            assertThat(log.list)
                    .filteredOn(e -> e.getLevel() == Level.ERROR)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("AUDIT CHAIN BROKEN at entry " + changedId)
                            .contains(AuditVerification.CONTENT_CHANGED));
        }
        assertThat(audit.verify().intact()).isTrue();
    }
}

package com.cogov.api.complaint;

import com.cogov.api.job.SingleNode;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks again the text of cases filed while WeChat's msg_sec_check was down (nothing filed is lost: they wait in
 * PENDING_CONTENT_CHECK), on one node of many (the jobs piece's {@link SingleNode}), each case with its own backoff
 * (the content check's: doubling from {@code cogov.content-check.retry-first} up to {@code retry-max}) until WeChat
 * answers. Passed, the case is cleared when nothing else holds it; flagged, it is held for a person (it was accepted
 * already, so a risky text can no longer be refused).
 */
@Singleton
class ContentRecheck {

    private static final Logger LOG = LoggerFactory.getLogger(ContentRecheck.class);
    private static final int BATCH = 50;

    private final SingleNode singleNode;
    private final ContentStates states;
    private final ContentScreening screening;
    private final ContentRelease release;
    private final ComplaintStore cases;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    ContentRecheck(
            SingleNode singleNode,
            ContentStates states,
            ContentScreening screening,
            ContentRelease release,
            ComplaintStore cases,
            TransactionOperations<Connection> transactions,
            Clock clock) {
        this.singleNode = singleNode;
        this.states = states;
        this.screening = screening;
        this.release = release;
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelay = "${cogov.complaint.content-recheck-every:1m}",
            initialDelay = "${cogov.complaint.content-recheck-every:1m}")
    void scheduled() {
        singleNode.run("complaint.content-recheck", Duration.ofMinutes(5), this::run);
    }

    /** One pass. @return how many cases' texts WeChat answered for */
    int run() {
        var due = transactions.executeRead(status -> states.textRechecksDue(clock.instant(), BATCH));
        int answered = 0;
        for (ContentStates.Recheck r : due) {
            // Asked outside a transaction: WeChat may take seconds, and no row is locked meanwhile.
            ContentScreening.TextCheck check = screening.recheck(r.filerAccountId(), r.facts(), r.claim());
            if (check != ContentScreening.TextCheck.RETRY) {
                answered++;
            }
            transactions.executeWrite(status -> {
                cases.lock(r.id()).ifPresent(c -> apply(c, r, check));
                return null;
            });
        }
        if (answered > 0) {
            LOG.info("Content check answered for {} waiting case(s)", answered);
        }
        return answered;
    }

    private void apply(CaseRow c, ContentStates.Recheck r, ContentScreening.TextCheck check) {
        switch (check) {
            case PASS -> {
                states.textChecked(c.id(), check);
                release.tryClear(c);
            }
            case REVIEW, RISKY -> {
                states.textChecked(c.id(), check);
                release.hold(c, "文字内容重新检查的结果为 " + check + "，待人工审核后以 clear-content 放行");
            }
            case RETRY -> {
                Instant next = clock.instant().plus(screening.retryAfter(r.attempts() + 2));
                states.retryText(c.id(), next);
            }
        }
    }
}

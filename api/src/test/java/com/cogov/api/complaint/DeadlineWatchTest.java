package com.cogov.api.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.complaint.ComplaintCategory;
import com.cogov.contracts.complaint.ComplaintKind;
import com.cogov.contracts.complaint.ComplaintRequest;
import com.cogov.contracts.complaint.FilingReceipt;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The deadline watch on the real database: cases due within 2 working days are DUE_SOON, past due OVERDUE, and the
 * handling district's inspectors are told once per case and flag.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineWatchTest implements DevServicesTest {

    @Inject
    ComplaintService complaints;

    @Inject
    DeadlineWatch watch;

    @Inject
    CaseDeadlines deadlines;

    private FilingReceipt report() {
        return complaints.fileFromWeb(
                Actor.anonymous("10.66.0." + (int) (Math.random() * 250 + 1), null),
                UUID.randomUUID().toString(),
                new ComplaintRequest(
                        ComplaintKind.REPORT,
                        ComplaintCategory.DRUG,
                        new ComplaintRequest.Target(1L, null, null, null),
                        "无证销售处方药",
                        null,
                        null,
                        null,
                        null));
    }

    private void dueOn(long id, LocalDate due) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE complaint SET due_date = ? WHERE id = ?")) {
            ps.setDate(1, Date.valueOf(due));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private String flag(long id) throws Exception {
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT due_flag FROM complaint WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long notices(long id) throws Exception {
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM notification_inbox i JOIN account a ON a.id = i.account_id"
                                + " WHERE a.username = 'inspector' AND i.notice_key LIKE 'complaint:" + id + ":%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void casesNearOrPastTheirDeadlineAreFlaggedAndTheDistrictToldOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        FilingReceipt soon = report();
        FilingReceipt late = report();
        FilingReceipt later = report();
        dueOn(soon.id(), deadlines.today().plusDays(1));
        dueOn(late.id(), today.minusDays(1));

        watch.run();
        watch.run(); // again: nothing new to tell

        assertThat(flag(soon.id())).isEqualTo("DUE_SOON");
        assertThat(flag(late.id())).isEqualTo("OVERDUE");
        assertThat(flag(later.id())).as("15 working days away").isNull();
        assertThat(notices(soon.id())).isEqualTo(1);
        assertThat(notices(late.id())).isEqualTo(1);
        assertThat(notices(later.id())).isZero();
    }
}

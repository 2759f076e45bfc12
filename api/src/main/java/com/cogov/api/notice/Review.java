package com.cogov.api.notice;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * A notice's way out: submitted by its district (or the city), approved by the city and never by its own author
 * (four eyes: 409 NOTICE_OWN_APPROVAL, since the role may approve and only this notice is refused), withdrawn by
 * whoever's desk it is on. An approved PHARMACIES notice that is out at once tells its pharmacies in the same
 * transaction; a scheduled one is told by the one-node sweep when its time comes.
 */
@Singleton
class Review {

    private final NoticeStore store;
    private final NoticeScope scope;
    private final Announcing announcing;
    private final AuditService audit;

    Review(NoticeStore store, NoticeScope scope, Announcing announcing, AuditService audit) {
        this.store = store;
        this.scope = scope;
        this.announcing = announcing;
        this.audit = audit;
    }

    @Transactional
    void submit(Actor actor, long id) {
        NoticeRow row = scope.onDesk(actor, id);
        if (!store.move(id, List.of(NoticeRow.DRAFT, NoticeRow.WITHDRAWN), NoticeRow.SUBMITTED)) {
            throw NoticeRefusedException.transition(row.shownStatus().name(), "提交审核");
        }
        record(actor, "notice.submit", id);
    }

    @Transactional
    void approve(Actor actor, long id) {
        if (actor.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("只有市局管理员可以审核通知公告");
        }
        NoticeRow row = scope.onDesk(actor, id);
        if (row.authorAccountId() == actor.accountId()) {
            throw NoticeRefusedException.ownApproval();
        }
        if (!store.approve(id, actor.accountId())) {
            throw NoticeRefusedException.transition(row.shownStatus().name(), "审核发布（须先提交审核）");
        }
        announcing.announceIfOut(id);
        record(actor, "notice.approve", id);
    }

    @Transactional
    void withdraw(Actor actor, long id) {
        NoticeRow row = scope.onDesk(actor, id);
        if (!store.move(id, List.of(NoticeRow.SUBMITTED, NoticeRow.APPROVED), NoticeRow.WITHDRAWN)) {
            throw NoticeRefusedException.transition(row.shownStatus().name(), "撤回");
        }
        record(actor, "notice.withdraw", id);
    }

    private void record(Actor actor, String action, long id) {
        audit.record(actor, action, "notice", String.valueOf(id), AuditOutcome.SUCCESS, Map.of());
    }
}

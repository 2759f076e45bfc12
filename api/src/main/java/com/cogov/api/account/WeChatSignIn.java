package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.Digests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.Tokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Mini-program sign-in: the wx.login code, and binding a WeChat identity to a staff account with an activation code. */
@Singleton
class WeChatSignIn {

    private final AccountRepository accounts;
    private final ActivationCodeRepository activationCodes;
    private final Sessions sessions;
    private final WeChatLogin weChat;
    private final PrivacyService privacy;
    private final AuditService audit;
    private final SignInAudit signIns;
    private final AccountViews views;
    private final Clock clock;

    WeChatSignIn(
            AccountRepository accounts,
            ActivationCodeRepository activationCodes,
            Sessions sessions,
            WeChatLogin weChat,
            PrivacyService privacy,
            AuditService audit,
            SignInAudit signIns,
            AccountViews views,
            Clock clock) {
        this.accounts = accounts;
        this.activationCodes = activationCodes;
        this.sessions = sessions;
        this.weChat = weChat;
        this.privacy = privacy;
        this.audit = audit;
        this.signIns = signIns;
        this.views = views;
        this.clock = clock;
    }

    /** A known openid signs in as its account, an unknown one becomes a public user. */
    @Transactional(noRollbackFor = AccountDisabledException.class)
    Tokens signIn(String code, Actor caller) {
        String openid = weChat.openidFor(code);
        Account account = accounts.findByWechatOpenid(openid)
                .orElseGet(
                        () -> accounts.save(Account.newAccount(Role.PUBLIC, "微信用户", null, openid, null, null, null)));
        signIns.requireActive(account, caller, "wechat");
        signIns.succeeded(account, caller, "wechat");
        return sessions.open(account, views.profileOf(account));
    }

    /**
     * Binds the caller's WeChat identity to the staff account an activation code was issued for, and signs in as it.
     * The code is single use and expires after 72 hours.
     */
    @Transactional
    Tokens bind(Actor caller, String activationCode, @Nullable String phoneCode) {
        Account current = accounts.findById(caller.accountId()).orElseThrow(SignInRejectedException::badToken);
        if (current.wechatOpenid() == null || current.role() != Role.PUBLIC) {
            throw new AccessDeniedException("只有通过微信登录的新用户可以使用激活码绑定账号");
        }
        Instant now = clock.instant();
        ActivationCode code = activationCodes
                .findByCodeHash(Digests.sha256Hex(normaliseCode(activationCode)))
                .filter(c -> activationCodes.markUsed(c.id(), now) == 1)
                .orElseThrow(ActivationCodeInvalidException::new);
        Account staff = accounts.findById(code.accountId())
                .filter(Account::active)
                .orElseThrow(ActivationCodeInvalidException::new);
        // The openid moves from the placeholder public account to the staff account; the placeholder is retired.
        accounts.updateOpenid(current.id(), null);
        accounts.updateStatus(current.id(), AccountView.Status.DELETED, now);
        sessions.closeAll(current.id()); // its tokens stop working at once, on every node
        // A re-bind (a lost phone, a new code) ends the earlier binding: the old phone's sessions end with it.
        boolean rebound = staff.wechatOpenid() != null;
        if (rebound) {
            sessions.closeAll(staff.id());
        }
        accounts.updateOpenid(staff.id(), current.wechatOpenid());
        if (phoneCode != null && !phoneCode.isBlank()) {
            String phone = weChat.phoneFor(phoneCode);
            accounts.updatePhone(staff.id(), privacy.seal(phone), privacy.blindIndex(PersonalField.PHONE, phone));
        }
        Account bound = accounts.findById(staff.id()).orElseThrow();
        audit.record(
                bound.actingFor(caller),
                "account.bind",
                "account",
                bound.ref(),
                AuditOutcome.SUCCESS,
                Map.of("retiredAccount", current.ref(), "replacedBinding", String.valueOf(rebound)));
        return sessions.open(bound, views.profileOf(bound));
    }

    private static String normaliseCode(String code) {
        return code.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }
}

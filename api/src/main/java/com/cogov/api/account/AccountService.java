package com.cogov.api.account;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.privacy.UnmaskedValue;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The account feature's entry: who may sign in, how, and what administrators and managers do with accounts. Each
 * group of use cases is its own package-private class; this only routes to them. Every sign-in, failure, denial and
 * change is written to the audit trail.
 */
@Singleton
public class AccountService {

    private final WeChatSignIn weChatSignIn;
    private final PortalSignIn portalSignIn;
    private final SignedInSessions signedIn;
    private final AccountStatusCache statusCache;
    private final AccountAdministration administration;
    private final ClerkRoster roster;
    private final ManagerActivation managerActivation;
    private final AccountRepository accounts;

    AccountService(
            WeChatSignIn weChatSignIn,
            PortalSignIn portalSignIn,
            SignedInSessions signedIn,
            AccountStatusCache statusCache,
            AccountAdministration administration,
            ClerkRoster roster,
            ManagerActivation managerActivation,
            AccountRepository accounts) {
        this.weChatSignIn = weChatSignIn;
        this.portalSignIn = portalSignIn;
        this.signedIn = signedIn;
        this.statusCache = statusCache;
        this.administration = administration;
        this.roster = roster;
        this.managerActivation = managerActivation;
        this.accounts = accounts;
    }

    /**
     * The WeChat openid of a mini-program account, for the calls WeChat wants it on (the content check's
     * msg_sec_check and media_check_async v2); empty for an account without one.
     */
    public java.util.Optional<String> weChatOpenid(long accountId) {
        return accounts.findById(accountId).map(Account::wechatOpenid);
    }

    // ---------------------------------------------------------------- mini-program sign-in

    /** jscode2session through WxJava; a known openid signs in as its account, an unknown one becomes a public user. */
    public Tokens signInWithWeChat(String code, Actor caller) {
        return weChatSignIn.signIn(code, caller);
    }

    /** Binds the caller's WeChat identity to a staff account with its single-use activation code, and signs in as it. */
    public Tokens bind(Actor caller, String activationCode, @Nullable String phoneCode) {
        return weChatSignIn.bind(caller, activationCode, phoneCode);
    }

    // ---------------------------------------------------------------- portal sign-in

    /** First step of a portal sign-in: the password, with a limit per address and a lockout per name. */
    public SignInResult signInWithPassword(String username, String password, Actor caller) {
        return portalSignIn.withPassword(username, password, caller);
    }

    /** Machine clients (partner systems, the data centre) sign in with their client id and secret. */
    public Tokens signInClient(String clientId, String secret, Actor caller) {
        return portalSignIn.client(clientId, secret, caller);
    }

    /** Forced change at the first sign-in and after an administrator's reset. */
    public SignInResult changePassword(String challengeToken, String newPassword, Actor caller) {
        return portalSignIn.changePassword(challengeToken, newPassword, caller);
    }

    /** Second factor for administrators: enrols on first use, then accepts each code once. */
    public SignInResult verifyTotp(String challengeToken, String code, Actor caller) {
        return portalSignIn.verifyTotp(challengeToken, code, caller);
    }

    // ---------------------------------------------------------------- sessions

    /** Rotates the refresh token. Presenting a used one revokes the whole sign-in (it was copied). */
    public Tokens refresh(String refreshToken, Actor caller) {
        return signedIn.refresh(refreshToken, caller);
    }

    /** Ends the sign-in: its refresh tokens are revoked and its access tokens refused from now on. */
    public void signOut(String refreshToken, Actor caller) {
        signedIn.signOut(refreshToken, caller);
    }

    /**
     * Whether a token's account is active and its sign-in ({@code sid}) not ended. Checked on every authenticated
     * request, on every node, within a second of a change; completes without blocking.
     */
    public CompletionStage<Boolean> isActive(long accountId, String sessionId) {
        return statusCache.isActive(accountId, sessionId);
    }

    public ProfileView profile(Actor caller) {
        return signedIn.profile(caller);
    }

    // ---------------------------------------------------------------- administration (city administrators)

    public IssuedCredential create(Actor admin, AccountRequests.Create request) {
        return administration.create(admin, request);
    }

    public List<AccountView> list(Actor admin) {
        return administration.list(admin);
    }

    public AccountView get(Actor admin, long id) {
        return administration.get(admin, id);
    }

    /** Emergency disable: every token of the account stops working within a second, on every node. */
    public AccountView disable(Actor admin, long id, String reason) {
        return administration.setActive(admin, id, false, reason);
    }

    public AccountView enable(Actor admin, long id, String reason) {
        return administration.setActive(admin, id, true, reason);
    }

    public IssuedCredential resetPassword(Actor admin, long id) {
        return administration.resetPassword(admin, id);
    }

    public AccountView unlock(Actor admin, long id) {
        return administration.unlock(admin, id);
    }

    /** Soft delete: the row stays so the audit trail keeps the identity it refers to. */
    public void delete(Actor admin, long id, String reason) {
        administration.delete(admin, id, reason);
    }

    /** The bound phone in full, for a stated reason; the unmask is audited. */
    public UnmaskedValue unmaskPhone(Actor admin, long id, String reason) {
        return administration.unmaskPhone(admin, id, reason);
    }

    public IssuedCredential reissueActivationCode(Actor admin, long id) {
        return administration.reissueActivationCode(admin, id);
    }

    /**
     * 账号发放 / 密码找回 for a pharmacy's manager (the city, or the pharmacy's district inspector): creates the manager
     * when the pharmacy has none, else a new single-use code for them; binding it ends their earlier binding.
     */
    public IssuedCredential issueManagerActivation(Actor regulator, long pharmacyId) {
        return managerActivation.issue(regulator, pharmacyId);
    }

    // ---------------------------------------------------------------- pharmacy managers and their clerks

    /**
     * The staff of a pharmacy (managers and clerks, not deleted), phones masked, for a regulator who has checked that
     * the pharmacy is in their scope.
     */
    public List<AccountView> staffOf(long pharmacyId) {
        return roster.staffOf(pharmacyId);
    }

    public List<AccountView> clerks(Actor manager) {
        return roster.clerks(manager);
    }

    public IssuedCredential addClerk(Actor manager, String displayName) {
        return roster.addClerk(manager, displayName);
    }

    public AccountView setClerkActive(Actor manager, long clerkId, boolean active, String reason) {
        return roster.setClerkActive(manager, clerkId, active, reason);
    }

    public IssuedCredential reissueClerkCode(Actor manager, long clerkId) {
        return roster.reissueClerkCode(manager, clerkId);
    }
}

package com.cogov.api.account;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.pharmacy.PharmacyDisabledEvent;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.Digests;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.privacy.UnmaskedValue;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import me.chanjar.weixin.common.error.WxErrorException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The account feature's entry: who may sign in, how, and what administrators and managers do with accounts.
 * Every sign-in, failure, denial and change is written to the audit trail.
 */
@Singleton
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final Set<Role> MACHINE_CLIENTS = EnumSet.of(Role.PARTNER_SYSTEM, Role.DATA_CENTRE);
    private static final Set<Role> MINI_PROGRAM_STAFF = EnumSet.of(Role.PHARMACY_CLERK, Role.PHARMACY_MANAGER, Role.DISTRICT_INSPECTOR);
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_.-]{2,31}");
    private static final String ACTIVATION_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I/L

    private final AccountRepository accounts;
    private final ActivationCodeRepository activationCodes;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final SignInLockout lockout;
    private final SignInChallenges challenges;
    private final AddressThrottle addressThrottle;
    private final AccountStatusCache statusCache;
    private final AccountConfiguration config;
    private final WxMaService weChat;
    private final PrivacyService privacy;
    private final AuditService audit;
    private final PharmacyService pharmacies;
    private final ApplicationEventPublisher<AccountStatusCache.AccessChanged> statusEvents;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountService(AccountRepository accounts, ActivationCodeRepository activationCodes, Sessions sessions,
                   PasswordHasher hasher, SignInLockout lockout, SignInChallenges challenges, AddressThrottle addressThrottle,
                   AccountStatusCache statusCache, AccountConfiguration config, WxMaService weChat, PrivacyService privacy,
                   AuditService audit, PharmacyService pharmacies,
                   ApplicationEventPublisher<AccountStatusCache.AccessChanged> statusEvents, Clock clock) {
        this.accounts = accounts;
        this.activationCodes = activationCodes;
        this.sessions = sessions;
        this.hasher = hasher;
        this.lockout = lockout;
        this.challenges = challenges;
        this.addressThrottle = addressThrottle;
        this.statusCache = statusCache;
        this.config = config;
        this.weChat = weChat;
        this.privacy = privacy;
        this.audit = audit;
        this.pharmacies = pharmacies;
        this.statusEvents = statusEvents;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- mini-program sign-in

    /** jscode2session through WxJava; a known openid signs in as its account, an unknown one becomes a public user. */
    @Transactional(noRollbackFor = AccountDisabledException.class)
    public Tokens signInWithWeChat(String code, Actor caller) {
        String openid = openidFor(code);
        Account account = accounts.findByWechatOpenid(openid)
                .orElseGet(() -> accounts.save(Account.newAccount(Role.PUBLIC, "微信用户", null, openid, null, null, null)));
        requireActive(account, caller, "wechat");
        audit.record(as(account, caller), "account.sign-in", "account", id(account), AuditOutcome.SUCCESS, Map.of("channel", "wechat"));
        return sessions.open(account, profileOf(account));
    }

    /**
     * Binds the caller's WeChat identity to the staff account an activation code was issued for, and signs in as it.
     * The code is single use and expires after 72 hours.
     */
    @Transactional
    public Tokens bind(Actor caller, String activationCode, @Nullable String phoneCode) {
        Account current = accounts.findById(caller.accountId()).orElseThrow(SignInRejectedException::badToken);
        if (current.wechatOpenid() == null || current.role() != Role.PUBLIC) {
            throw new AccessDeniedException("只有通过微信登录的新用户可以使用激活码绑定账号");
        }
        Instant now = clock.instant();
        ActivationCode code = activationCodes.findByCodeHash(Digests.sha256Hex(normaliseCode(activationCode)))
                .filter(c -> activationCodes.markUsed(c.id(), now) == 1)
                .orElseThrow(ActivationCodeInvalidException::new);
        Account staff = accounts.findById(code.accountId()).filter(Account::active).orElseThrow(ActivationCodeInvalidException::new);
        // The openid moves from the placeholder public account to the staff account; the placeholder is retired.
        accounts.updateOpenid(current.id(), null);
        accounts.updateStatus(current.id(), AccountView.Status.DELETED, now);
        sessions.closeAll(current.id()); // its tokens stop working at once, on every node
        accounts.updateOpenid(staff.id(), current.wechatOpenid());
        if (phoneCode != null && !phoneCode.isBlank()) {
            String phone = phoneFor(phoneCode);
            accounts.updatePhone(staff.id(), privacy.seal(phone), privacy.blindIndex(PersonalField.PHONE, phone));
        }
        Account bound = accounts.findById(staff.id()).orElseThrow();
        audit.record(as(bound, caller), "account.bind", "account", id(bound), AuditOutcome.SUCCESS,
                Map.of("retiredAccount", id(current)));
        return sessions.open(bound, profileOf(bound));
    }

    // ---------------------------------------------------------------- portal sign-in

    /**
     * First step of a portal sign-in: the password, with a limit per address and a lockout per name that an unknown
     * name collects exactly as a real one does (both answer 401, then 423).
     */
    public SignInResult signInWithPassword(String username, String password, Actor caller) {
        Account account = accounts.findByUsername(username.strip()).filter(a -> !MACHINE_CLIENTS.contains(a.role())).orElse(null);
        Account checked = checkSecret(account, username, password, caller, "password");
        requireActive(checked, caller, "password");
        return nextStep(checked, caller);
    }

    /**
     * Machine clients (partner systems, the data centre) sign in with their client id and secret; the same lockout
     * and address limit apply. They get tokens directly: no password change, no second factor.
     */
    public Tokens signInClient(String clientId, String secret, Actor caller) {
        Account client = accounts.findByUsername(clientId.strip()).filter(a -> MACHINE_CLIENTS.contains(a.role())).orElse(null);
        Account checked = checkSecret(client, clientId, secret, caller, "client-secret");
        requireActive(checked, caller, "client-credentials");
        lockout.clear(lockout.subject(checked.username()));
        audit.record(as(checked, caller), "account.sign-in", "account", id(checked), AuditOutcome.SUCCESS, Map.of("channel", "client-credentials"));
        return sessions.open(checked, profileOf(checked));
    }

    /**
     * The password (or client secret) of a name, against the address limit and the name's lockout. A locked
     * administrator with a second factor may still try from an address that has not failed against the account, so
     * that a stranger's failures cannot shut the city's administrators out; the second factor still follows.
     */
    private Account checkSecret(@Nullable Account account, String typedName, String secret, Actor caller, String reason) {
        String address = String.valueOf(caller.sourceAddress());
        addressThrottle.check(address);
        boolean known = account != null && account.passwordHash() != null;
        String subject = lockout.subject(known ? account.username() : typedName);
        Instant now = clock.instant();
        Optional<Instant> locked = lockout.lockedUntil(subject, now);
        if (locked.isPresent() && !(known && outlastsLock(account) && lockout.mayTryWhileLocked(subject, address))) {
            auditFailure(known ? account : null, typedName, caller, AuditOutcome.DENIED, Map.of("reason", "locked"));
            throw SignInThrottledException.accountLocked(Duration.between(now, locked.get()));
        }
        boolean matches = known ? hasher.matches(secret, account.passwordHash(), account.id()) : hasher.matchesNothing(secret);
        if (!matches) {
            recordFailure(subject, known ? account : null, typedName, caller, now, reason);
            throw SignInRejectedException.badCredentials();
        }
        return account;
    }

    /** Administrators must finish with their second factor, so a right password alone cannot get through a lock. */
    private static boolean outlastsLock(Account account) {
        return account.role().requiresSecondFactor() && account.totpEnrolled();
    }

    /** Forced change at the first sign-in and after an administrator's reset; the challenge is used up by it. */
    @Transactional
    public SignInResult changePassword(String challengeToken, String newPassword, Actor caller) {
        Account account = challenged(challengeToken, SignInChallenges.STEP_PASSWORD);
        List<String> problems = PasswordPolicy.problems(newPassword, account.username());
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
        if (!challenges.complete(challengeToken)) {
            throw SignInRejectedException.badToken();
        }
        accounts.updatePassword(account.id(), hasher.hash(newPassword), false);
        audit.record(as(account, caller), "account.password.change", "account", id(account), AuditOutcome.SUCCESS, Map.of());
        return nextStep(accounts.findById(account.id()).orElseThrow(), caller);
    }

    /**
     * Second factor for administrators: enrols the pending secret on first use, then accepts each code once. Wrong
     * codes count with wrong passwords towards the lockout; a challenge allows a few tries and then ends.
     */
    @Transactional(noRollbackFor = {SignInRejectedException.class, SignInThrottledException.class})
    public SignInResult verifyTotp(String challengeToken, String code, Actor caller) {
        Account account = challenged(challengeToken, SignInChallenges.STEP_TOTP);
        if (account.totpSecretSealed() == null) {
            throw SignInRejectedException.badToken();
        }
        String address = String.valueOf(caller.sourceAddress());
        String subject = lockout.subject(account.username());
        Instant now = clock.instant();
        Optional<Instant> locked = lockout.lockedUntil(subject, now);
        if (locked.isPresent() && !lockout.mayTryWhileLocked(subject, address)) {
            challenges.abandon(challengeToken);
            auditFailure(account, account.username(), caller, AuditOutcome.DENIED, Map.of("reason", "locked"));
            throw SignInThrottledException.accountLocked(Duration.between(now, locked.get()));
        }
        long lastStep = account.totpLastStep() == null ? Long.MIN_VALUE : account.totpLastStep();
        var step = Totp.verify(privacy.open(account.totpSecretSealed()), code, now, lastStep);
        if (step.isEmpty()) {
            challenges.fail(challengeToken);
            recordFailure(subject, account, account.username(), caller, now, "totp");
            throw SignInRejectedException.badTotp();
        }
        if (!challenges.complete(challengeToken)) {
            throw SignInRejectedException.badToken();
        }
        if (accounts.claimTotpStep(account.id(), step.getAsLong()) != 1) {
            // the same code, already used by a sign-in that got there first
            recordFailure(subject, account, account.username(), caller, now, "totp-replayed");
            throw SignInRejectedException.badTotp();
        }
        if (!account.totpEnrolled()) {
            audit.record(as(account, caller), "account.totp.enrol", "account", id(account), AuditOutcome.SUCCESS, Map.of());
        }
        return signedIn(account, caller, "password+totp", locked.isPresent());
    }

    private SignInResult nextStep(Account account, Actor caller) {
        if (account.passwordChangeRequired()) {
            return SignInResult.next(SignInResult.Status.PASSWORD_CHANGE_REQUIRED,
                    challenges.issue(account.id(), SignInChallenges.STEP_PASSWORD), null);
        }
        if (account.role().requiresSecondFactor()) {
            String challenge = challenges.issue(account.id(), SignInChallenges.STEP_TOTP);
            if (account.totpEnrolled()) {
                return SignInResult.next(SignInResult.Status.TOTP_REQUIRED, challenge, null);
            }
            // Keep a pending secret across retries, so a QR code already scanned stays valid.
            String secret = account.totpSecretSealed() != null ? privacy.open(account.totpSecretSealed()) : Totp.newSecret();
            if (account.totpSecretSealed() == null) {
                accounts.updateTotp(account.id(), privacy.seal(secret), false, null);
            }
            return SignInResult.next(SignInResult.Status.TOTP_ENROLMENT_REQUIRED, challenge,
                    new SignInResult.TotpEnrolment(secret, Totp.uri(config.totpIssuer(), account.username(), secret)));
        }
        return signedIn(account, caller, "password", false);
    }

    /** A complete sign-in clears the failure count, unless a lock is in force (it is then the strangers' to wait out). */
    private SignInResult signedIn(Account account, Actor caller, String channel, boolean wasLocked) {
        if (!wasLocked) {
            lockout.clear(lockout.subject(account.username()));
        }
        audit.record(as(account, caller), "account.sign-in", "account", id(account), AuditOutcome.SUCCESS, Map.of("channel", channel));
        return SignInResult.signedIn(sessions.open(account, profileOf(account)));
    }

    /** Not one transaction with the sign-in: the count and the audit row must commit although the sign-in fails. */
    private void recordFailure(String subject, @Nullable Account account, String typedName, Actor caller, Instant now, String reason) {
        SignInLockout.Failure failure = lockout.recordFailure(subject, String.valueOf(caller.sourceAddress()), now);
        auditFailure(account, typedName, caller, AuditOutcome.FAILURE, failure.lockedUntil() == null
                ? Map.of("reason", reason, "failures", String.valueOf(failure.failures()))
                : Map.of("reason", reason, "lockedUntil", failure.lockedUntil().toString()));
    }

    private void auditFailure(@Nullable Account account, String typedName, Actor caller, AuditOutcome outcome, Map<String, String> details) {
        if (account != null) {
            audit.record(as(account, caller), "account.sign-in", "account", id(account), outcome, details);
            return;
        }
        // What was typed is only recorded when it could be a username: people type phone numbers there too.
        String typed = USERNAME.matcher(typedName.strip()).matches() ? typedName.strip() : "(not a username)";
        Map<String, String> unknown = new HashMap<>(details);
        if (outcome == AuditOutcome.FAILURE) {
            unknown.put("reason", "unknown-user");
        }
        audit.record(caller, "account.sign-in", "username", typed, outcome, unknown);
    }

    private Account challenged(String challengeToken, String step) {
        return challenges.accountOf(challengeToken, step)
                .flatMap(accounts::findById)
                .filter(Account::active)
                .orElseThrow(SignInRejectedException::badToken);
    }

    // ---------------------------------------------------------------- sessions

    /** Rotates the refresh token. Presenting a used one revokes the whole sign-in (it was copied). */
    public Tokens refresh(String refreshToken, Actor caller) {
        Sessions.Rotation rotation = sessions.rotate(refreshToken);
        RefreshToken previous = rotation.token().orElse(null);
        if (rotation.outcome() == Sessions.Outcome.REUSED) {
            audit.record(caller, "account.token.reuse-detected", "account", String.valueOf(previous.accountId()),
                    AuditOutcome.DENIED, Map.of("session", previous.familyId()));
        }
        if (rotation.outcome() != Sessions.Outcome.ROTATED) {
            throw SignInRejectedException.badToken();
        }
        Account account = accounts.findById(previous.accountId()).filter(Account::active).orElse(null);
        if (account == null) {
            sessions.close(refreshToken);
            throw SignInRejectedException.badToken();
        }
        return sessions.continueFamily(account, profileOf(account), previous);
    }

    /** Ends the sign-in: its refresh tokens are revoked and its access tokens refused from now on. */
    @Transactional
    public void signOut(String refreshToken, Actor caller) {
        sessions.close(refreshToken).ifPresent(token ->
                audit.record(caller, "account.sign-out", "account", String.valueOf(token.accountId()), AuditOutcome.SUCCESS, Map.of()));
    }

    /**
     * Whether a token's account is active and its sign-in ({@code sid}) not ended. Checked on every authenticated
     * request, on every node, within a second of a change; completes without blocking.
     */
    public CompletionStage<Boolean> isActive(long accountId, String sessionId) {
        return statusCache.isActive(accountId, sessionId);
    }

    @ReadOnly
    public ProfileView profile(Actor caller) {
        return accounts.findById(caller.accountId()).map(this::profileOf).orElseThrow(SignInRejectedException::badToken);
    }

    // ---------------------------------------------------------------- administration (city administrators)

    @Transactional
    public IssuedCredential create(Actor admin, AccountRequests.Create request) {
        requireRole(admin, Role.CITY_ADMIN);
        Role role = request.role();
        if (role == Role.PUBLIC) {
            throw AccountRequestInvalidException.field("role", "公众用户通过微信登录自动创建");
        }
        String username = request.username();
        if (username == null && !MINI_PROGRAM_STAFF.contains(role)) {
            throw AccountRequestInvalidException.field("username", "门户账号需要用户名");
        }
        if (username != null && (role == Role.PHARMACY_CLERK || role == Role.PHARMACY_MANAGER)) {
            throw AccountRequestInvalidException.field("username", "药店人员通过小程序激活码登录，无需用户名");
        }
        if (username != null && accounts.findByUsername(username).isPresent()) {
            throw AccountRequestInvalidException.usernameTaken(username);
        }
        Long pharmacyId = null;
        String district = null;
        Long enterpriseId = null;
        switch (role) {
            case PHARMACY_CLERK, PHARMACY_MANAGER -> {
                var pharmacy = pharmacies.find(required(request.pharmacyId(), "pharmacyId"))
                        .orElseThrow(() -> AccountRequestInvalidException.field("pharmacyId", "药店不存在"));
                pharmacyId = pharmacy.id();
                district = pharmacy.districtCode();
            }
            case DISTRICT_INSPECTOR -> district = pharmacies.district(required(request.districtCode(), "districtCode"))
                    .orElseThrow(() -> AccountRequestInvalidException.field("districtCode", "行政区不存在")).code();
            case ENTERPRISE_USER -> {
                enterpriseId = required(request.enterpriseId(), "enterpriseId");
                if (accounts.countEnterprises(enterpriseId) == 0) {
                    throw AccountRequestInvalidException.field("enterpriseId", "企业不存在");
                }
            }
            case CITY_ADMIN -> district = "420100";
            default -> { }
        }
        Account account = saveNew(Account.newAccount(role, request.displayName().strip(), username, null,
                pharmacyId, district, enterpriseId));
        audit.record(admin, "account.create", "account", id(account), AuditOutcome.SUCCESS, Map.of("role", role.name()));
        if (MACHINE_CLIENTS.contains(role)) {
            return withClientSecret(admin, account);
        }
        return username != null ? withTemporaryPassword(admin, account) : withActivationCode(admin, account);
    }

    /** The check before it sees no row while another request creates the same name: the unique key decides. */
    private Account saveNew(Account account) {
        try {
            return accounts.save(account);
        } catch (DataAccessException e) {
            if (account.username() != null && isDuplicateKey(e)) {
                throw AccountRequestInvalidException.usernameTaken(account.username());
            }
            throw e;
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    @ReadOnly
    public List<AccountView> list(Actor admin) {
        requireRole(admin, Role.CITY_ADMIN);
        Set<String> locked = lockout.lockedSubjects(clock.instant());
        return accounts.findByStatusInListOrderById(List.of(AccountView.Status.ACTIVE, AccountView.Status.DISABLED))
                .stream().filter(a -> a.role() != Role.PUBLIC)
                .map(a -> view(a, a.username() != null && locked.contains(lockout.subject(a.username())))).toList();
    }

    @ReadOnly
    public AccountView get(Actor admin, long id) {
        return view(administered(admin, id));
    }

    /** Emergency disable: every token of the account stops working within a second, on every node. */
    @Transactional
    public AccountView disable(Actor admin, long id, String reason) {
        return setStatus(admin, administered(admin, id), false, reason);
    }

    @Transactional
    public AccountView enable(Actor admin, long id, String reason) {
        return setStatus(admin, administered(admin, id), true, reason);
    }

    @Transactional
    public IssuedCredential resetPassword(Actor admin, long id) {
        Account account = administered(admin, id);
        if (account.username() == null) {
            throw AccountRequestInvalidException.field("id", "该账号通过小程序登录，请重新签发激活码");
        }
        sessions.closeAll(account.id());
        return MACHINE_CLIENTS.contains(account.role()) ? withClientSecret(admin, account) : withTemporaryPassword(admin, account);
    }

    @Transactional
    public AccountView unlock(Actor admin, long id) {
        Account account = administered(admin, id);
        if (account.username() != null) {
            lockout.clear(lockout.subject(account.username()));
        }
        audit.record(admin, "account.unlock", "account", id(account), AuditOutcome.SUCCESS, Map.of());
        return view(accounts.findById(account.id()).orElseThrow());
    }

    /** Soft delete: the row stays so the audit trail keeps the identity it refers to. */
    @Transactional
    public void delete(Actor admin, long id, String reason) {
        Account account = administered(admin, id);
        accounts.updateStatus(account.id(), AccountView.Status.DELETED, clock.instant());
        accounts.updateOpenid(account.id(), null);
        sessions.closeAll(account.id());
        statusEvents.publishEvent(new AccountStatusCache.AccessChanged(account.id()));
        audit.record(admin, "account.delete", "account", id(account), AuditOutcome.SUCCESS, Map.of("reason", privacy.redact(reason)));
    }

    /** The bound phone in full, for a stated reason; the unmask is audited. */
    @Transactional
    public UnmaskedValue unmaskPhone(Actor admin, long id, String reason) {
        Account account = administered(admin, id);
        if (account.phoneSealed() == null) {
            throw AccountRequestInvalidException.field("id", "该账号未绑定手机号");
        }
        return new UnmaskedValue(PersonalField.PHONE.name(),
                privacy.unmask(admin, reason, "account", id(account), PersonalField.PHONE, account.phoneSealed()));
    }

    @Transactional
    public IssuedCredential reissueActivationCode(Actor admin, long id) {
        Account account = administered(admin, id);
        if (!MINI_PROGRAM_STAFF.contains(account.role())) {
            throw AccountRequestInvalidException.field("id", "只有小程序人员使用激活码");
        }
        return withActivationCode(admin, account);
    }

    // ---------------------------------------------------------------- pharmacy managers and their clerks

    @ReadOnly
    public List<AccountView> clerks(Actor manager) {
        requireRole(manager, Role.PHARMACY_MANAGER);
        return accounts.findByPharmacyIdAndRoleOrderById(manager.pharmacyId(), Role.PHARMACY_CLERK).stream()
                .filter(a -> a.status() != AccountView.Status.DELETED).map(this::view).toList();
    }

    @Transactional
    public IssuedCredential addClerk(Actor manager, String displayName) {
        requireRole(manager, Role.PHARMACY_MANAGER);
        Account clerk = accounts.save(Account.newAccount(Role.PHARMACY_CLERK, displayName.strip(), null, null,
                manager.pharmacyId(), manager.districtCode(), null));
        audit.record(manager, "account.create", "account", id(clerk), AuditOutcome.SUCCESS, Map.of("role", Role.PHARMACY_CLERK.name()));
        return withActivationCode(manager, clerk);
    }

    @Transactional
    public AccountView setClerkActive(Actor manager, long clerkId, boolean active, String reason) {
        return setStatus(manager, clerkOf(manager, clerkId), active, reason);
    }

    @Transactional
    public IssuedCredential reissueClerkCode(Actor manager, long clerkId) {
        return withActivationCode(manager, clerkOf(manager, clerkId));
    }

    /** Disabling a pharmacy disables its staff, in the same transaction. */
    @EventListener
    void onPharmacyDisabled(PharmacyDisabledEvent event) {
        List<Long> staff = accounts.findIdsByPharmacyId(event.pharmacyId());
        accounts.disableAllOfPharmacy(event.pharmacyId());
        staff.forEach(id -> statusEvents.publishEvent(new AccountStatusCache.AccessChanged(id)));
        audit.record(event.actor(), "account.disable", "pharmacy", String.valueOf(event.pharmacyId()), AuditOutcome.SUCCESS,
                Map.of("accounts", String.valueOf(staff.size()), "reason", "pharmacy disabled"));
    }

    // ---------------------------------------------------------------- helpers

    private Account clerkOf(Actor manager, long clerkId) {
        requireRole(manager, Role.PHARMACY_MANAGER);
        return accounts.findByIdAndPharmacyId(clerkId, manager.pharmacyId())
                .filter(a -> a.role() == Role.PHARMACY_CLERK && a.status() != AccountView.Status.DELETED)
                .orElseThrow(() -> new AccountNotFoundException(clerkId));
    }

    private Account administered(Actor admin, long id) {
        requireRole(admin, Role.CITY_ADMIN);
        return accounts.findById(id)
                .filter(a -> a.status() != AccountView.Status.DELETED && a.role() != Role.PUBLIC)
                .orElseThrow(() -> new AccountNotFoundException(id));
    }

    private AccountView setStatus(Actor actor, Account account, boolean active, String reason) {
        accounts.updateStatus(account.id(), active ? AccountView.Status.ACTIVE : AccountView.Status.DISABLED, null);
        if (!active) {
            sessions.closeAll(account.id());
        }
        statusEvents.publishEvent(new AccountStatusCache.AccessChanged(account.id()));
        audit.record(actor, active ? "account.enable" : "account.disable", "account", id(account), AuditOutcome.SUCCESS,
                Map.of("reason", privacy.redact(reason)));
        return view(accounts.findById(account.id()).orElseThrow());
    }

    private IssuedCredential withActivationCode(Actor issuer, Account account) {
        Instant now = clock.instant();
        activationCodes.expireOutstanding(account.id(), now);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ACTIVATION_ALPHABET.charAt(random.nextInt(ACTIVATION_ALPHABET.length())));
        }
        Instant expires = now.plus(config.activationCodeLifetime());
        activationCodes.save(new ActivationCode(null, Digests.sha256Hex(code.toString()), account.id(), issuer.accountId(), now, expires, null));
        audit.record(issuer, "account.activation-code.issue", "account", id(account), AuditOutcome.SUCCESS, Map.of());
        return new IssuedCredential(view(account), code.toString(), expires, null);
    }

    /** A machine client's secret: long and random, shown once, not subject to a forced change. */
    private IssuedCredential withClientSecret(Actor admin, Account account) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        accounts.updatePassword(account.id(), hasher.hash(secret), false);
        audit.record(admin, "account.password.reset", "account", id(account), AuditOutcome.SUCCESS, Map.of("kind", "client-secret"));
        return new IssuedCredential(view(accounts.findById(account.id()).orElseThrow()), null, null, secret);
    }

    private IssuedCredential withTemporaryPassword(Actor admin, Account account) {
        String oneTime = temporaryPassword();
        accounts.updatePassword(account.id(), hasher.hash(oneTime), true);
        lockout.clear(lockout.subject(account.username()));
        audit.record(admin, "account.password.reset", "account", id(account), AuditOutcome.SUCCESS, Map.of());
        return new IssuedCredential(view(accounts.findById(account.id()).orElseThrow()), null, null, oneTime);
    }

    private String temporaryPassword() {
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            String pool = switch (i % 3) {
                case 0 -> lower;
                case 1 -> upper;
                default -> digits;
            };
            p.append(pool.charAt(random.nextInt(pool.length())));
        }
        return p.append('#').toString();
    }

    private void requireActive(Account account, Actor caller, String channel) {
        if (!account.active()) {
            audit.record(as(account, caller), "account.sign-in", "account", id(account), AuditOutcome.DENIED,
                    Map.of("reason", "disabled", "channel", channel));
            throw new AccountDisabledException();
        }
    }

    private static void requireRole(Actor actor, Role role) {
        if (actor.role() != role) {
            throw new AccessDeniedException("需要" + role.name() + "角色");
        }
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw AccountRequestInvalidException.field(field, "该角色必须填写 " + field);
        }
        return value;
    }

    private String openidFor(String code) {
        return fromWeChat(() -> weChat.getUserService().getSessionInfo(code).getOpenid());
    }

    private String phoneFor(String code) {
        return fromWeChat(() -> weChat.getUserService().getPhoneNumber(code).getPurePhoneNumber());
    }

    private interface WeChatCall<T> {
        T call() throws WxErrorException;
    }

    /** A code WeChat refuses is the user's to fix (400); anything else is WeChat's or the network's (503, logged). */
    private static <T> T fromWeChat(WeChatCall<T> call) {
        try {
            return call.call();
        } catch (WxErrorException e) {
            if (isBadCode(e)) {
                throw SignInRejectedException.badWeChatCode();
            }
            LOG.warn("WeChat refused the call: errcode {}", e.getError() == null ? null : e.getError().getErrorCode());
            throw new WeChatUnavailableException();
        } catch (RuntimeException e) {
            // The class only: a message may carry the request's URL, with the user's code and the AppSecret in it.
            LOG.warn("WeChat unreachable: {}", e.getClass().getName());
            throw new WeChatUnavailableException();
        }
    }

    /** 40029 invalid code, 40163 code already used: the user's code, not WeChat, is at fault. */
    private static boolean isBadCode(WxErrorException e) {
        int code = e.getError() == null ? -1 : e.getError().getErrorCode();
        return code == 40029 || code == 40163;
    }

    private static String normaliseCode(String code) {
        return code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
    }

    private ProfileView profileOf(Account a) {
        return new ProfileView(a.id(), a.role(), a.displayName(), a.pharmacyId(), a.districtCode(), a.enterpriseId(), maskedPhone(a));
    }

    private AccountView view(Account a) {
        return view(a, a.username() != null && lockout.lockedUntil(lockout.subject(a.username()), clock.instant()).isPresent());
    }

    private AccountView view(Account a, boolean locked) {
        return new AccountView(a.id(), a.role(), a.displayName(), a.username(), a.pharmacyId(), a.districtCode(),
                a.enterpriseId(), a.status(), locked, a.wechatOpenid() != null, a.totpEnrolled(), maskedPhone(a), a.createdAt());
    }

    private String maskedPhone(Account a) {
        return a.phoneSealed() == null ? null : privacy.mask(PersonalField.PHONE, privacy.open(a.phoneSealed()));
    }

    private static Actor as(Account account, Actor caller) {
        return new Actor(account.id(), account.role(), account.pharmacyId(), account.districtCode(), account.enterpriseId(),
                caller.sourceAddress(), caller.traceId());
    }

    private static String id(Account account) {
        return String.valueOf(account.id());
    }
}

package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.api.shared.DuplicateKey;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.privacy.UnmaskedValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The city administrator's accounts: issue, list, disable and enable, reset, unlock, delete, and unmask a phone. */
@Singleton
class AccountAdministration {

    private static final Set<Role> MINI_PROGRAM_STAFF =
            EnumSet.of(Role.PHARMACY_CLERK, Role.PHARMACY_MANAGER, Role.DISTRICT_INSPECTOR);

    private final AccountRepository accounts;
    private final Credentials credentials;
    private final AccountStatusChanges statusChanges;
    private final PasswordCheck passwords;
    private final PharmacyService pharmacies;
    private final PrivacyService privacy;
    private final AuditService audit;
    private final AccountViews views;
    private final CityConfiguration city;

    AccountAdministration(
            AccountRepository accounts,
            Credentials credentials,
            AccountStatusChanges statusChanges,
            PasswordCheck passwords,
            PharmacyService pharmacies,
            PrivacyService privacy,
            AuditService audit,
            AccountViews views,
            CityConfiguration city) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.statusChanges = statusChanges;
        this.passwords = passwords;
        this.pharmacies = pharmacies;
        this.privacy = privacy;
        this.audit = audit;
        this.views = views;
        this.city = city;
    }

    @Transactional
    IssuedCredential create(Actor admin, AccountRequests.Create request) {
        admin.requireRole(Role.CITY_ADMIN);
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
                var pharmacy = pharmacies
                        .find(required(request.pharmacyId(), "pharmacyId"))
                        .orElseThrow(() -> AccountRequestInvalidException.field("pharmacyId", "药店不存在"));
                if (!pharmacy.active()) {
                    // staff of a suspended or closed pharmacy could not sell: say why now, not at the counter
                    pharmacies.requireOpen(pharmacy.id());
                }
                pharmacyId = pharmacy.id();
                district = pharmacy.districtCode();
            }
            case DISTRICT_INSPECTOR ->
                district = pharmacies
                        .district(required(request.districtCode(), "districtCode"))
                        .orElseThrow(() -> AccountRequestInvalidException.field("districtCode", "行政区不存在"))
                        .code();
            case ENTERPRISE_USER -> {
                enterpriseId = required(request.enterpriseId(), "enterpriseId");
                if (accounts.countEnterprises(enterpriseId) == 0) {
                    throw AccountRequestInvalidException.field("enterpriseId", "企业不存在");
                }
            }
            case CITY_ADMIN -> district = city.code();
            default -> {}
        }
        Account account = saveNew(Account.newAccount(
                role, request.displayName().strip(), username, null, pharmacyId, district, enterpriseId));
        audit.record(
                admin, "account.create", "account", account.ref(), AuditOutcome.SUCCESS, Map.of("role", role.name()));
        if (PortalSignIn.MACHINE_CLIENTS.contains(role)) {
            return credentials.clientSecret(admin, account);
        }
        return username != null
                ? credentials.temporaryPassword(admin, account)
                : credentials.activationCode(admin, account);
    }

    @ReadOnly
    List<AccountView> list(Actor admin) {
        admin.requireRole(Role.CITY_ADMIN);
        return views.viewAll(
                accounts
                        .findByStatusInListOrderById(List.of(AccountView.Status.ACTIVE, AccountView.Status.DISABLED))
                        .stream()
                        .filter(a -> a.role() != Role.PUBLIC)
                        .toList());
    }

    @ReadOnly
    AccountView get(Actor admin, long id) {
        return views.view(administered(admin, id));
    }

    /** Emergency disable: every token of the account stops working within a second, on every node. */
    @Transactional
    AccountView setActive(Actor admin, long id, boolean active, String reason) {
        return statusChanges.setActive(admin, administered(admin, id), active, reason);
    }

    @Transactional
    IssuedCredential resetPassword(Actor admin, long id) {
        Account account = administered(admin, id);
        if (account.username() == null) {
            throw AccountRequestInvalidException.field("id", "该账号通过小程序登录，请重新签发激活码");
        }
        statusChanges.endSignIns(account);
        return PortalSignIn.MACHINE_CLIENTS.contains(account.role())
                ? credentials.clientSecret(admin, account)
                : credentials.temporaryPassword(admin, account);
    }

    @Transactional
    AccountView unlock(Actor admin, long id) {
        Account account = administered(admin, id);
        passwords.forgive(account);
        audit.record(admin, "account.unlock", "account", account.ref(), AuditOutcome.SUCCESS, Map.of());
        return views.view(accounts.findById(account.id()).orElseThrow());
    }

    @Transactional
    void delete(Actor admin, long id, String reason) {
        statusChanges.delete(admin, administered(admin, id), reason);
    }

    /** The bound phone in full, for a stated reason; the unmask is audited. */
    @Transactional
    UnmaskedValue unmaskPhone(Actor admin, long id, String reason) {
        Account account = administered(admin, id);
        if (account.phoneSealed() == null) {
            throw AccountRequestInvalidException.field("id", "该账号未绑定手机号");
        }
        return new UnmaskedValue(
                PersonalField.PHONE.name(),
                privacy.unmask(admin, reason, "account", account.ref(), PersonalField.PHONE, account.phoneSealed()));
    }

    @Transactional
    IssuedCredential reissueActivationCode(Actor admin, long id) {
        Account account = administered(admin, id);
        if (!MINI_PROGRAM_STAFF.contains(account.role())) {
            throw AccountRequestInvalidException.field("id", "只有小程序人员使用激活码");
        }
        return credentials.activationCode(admin, account);
    }

    private Account administered(Actor admin, long id) {
        admin.requireRole(Role.CITY_ADMIN);
        return accounts.findById(id)
                .filter(a -> a.status() != AccountView.Status.DELETED && a.role() != Role.PUBLIC)
                .orElseThrow(() -> new AccountNotFoundException(id));
    }

    /** The check before it sees no row while another request creates the same name: the unique key decides. */
    private Account saveNew(Account account) {
        try {
            return accounts.save(account);
        } catch (DataAccessException e) {
            if (account.username() != null && DuplicateKey.violated(e, "uk_account_username")) {
                throw AccountRequestInvalidException.usernameTaken(account.username());
            }
            throw e;
        }
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw AccountRequestInvalidException.field(field, "该角色必须填写 " + field);
        }
        return value;
    }
}

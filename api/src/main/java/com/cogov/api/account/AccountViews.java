package com.cogov.api.account;

import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.ProfileView;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** An account as its owner (profile) and as an administrator (view) see it: the phone masked, the lock as it stands. */
@Singleton
class AccountViews {

    private final PrivacyService privacy;
    private final SignInLockout lockout;
    private final Clock clock;

    AccountViews(PrivacyService privacy, SignInLockout lockout, Clock clock) {
        this.privacy = privacy;
        this.lockout = lockout;
        this.clock = clock;
    }

    ProfileView profileOf(Account a) {
        return new ProfileView(
                a.id(), a.role(), a.displayName(), a.pharmacyId(), a.districtCode(), a.enterpriseId(), maskedPhone(a));
    }

    AccountView view(Account a) {
        return view(
                a,
                a.username() != null
                        && lockout.lockedUntil(lockout.subject(a.username()), clock.instant())
                                .isPresent());
    }

    /** Many accounts, with one read of the locks in force. */
    List<AccountView> viewAll(List<Account> accounts) {
        Set<String> locked = lockout.lockedSubjects(clock.instant());
        return accounts.stream()
                .map(a -> view(a, a.username() != null && locked.contains(lockout.subject(a.username()))))
                .toList();
    }

    private AccountView view(Account a, boolean locked) {
        return new AccountView(
                a.id(),
                a.role(),
                a.displayName(),
                a.username(),
                a.pharmacyId(),
                a.districtCode(),
                a.enterpriseId(),
                a.status(),
                locked,
                a.wechatOpenid() != null,
                a.totpEnrolled(),
                maskedPhone(a),
                a.createdAt());
    }

    private String maskedPhone(Account a) {
        return a.phoneSealed() == null ? null : privacy.mask(PersonalField.PHONE, privacy.open(a.phoneSealed()));
    }
}

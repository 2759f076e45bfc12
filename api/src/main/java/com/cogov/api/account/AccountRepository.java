package com.cogov.api.account;

import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountRepository extends CrudRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    Optional<Account> findByWechatOpenid(String openid);

    /** Scope in the query: a manager only ever sees accounts of their own pharmacy. */
    Optional<Account> findByIdAndPharmacyId(Long id, Long pharmacyId);

    List<Account> findByPharmacyIdAndRoleOrderById(Long pharmacyId, Role role);

    List<Account> findByStatusInListOrderById(List<AccountView.Status> statuses);

    /** 1 when the account is active and the sign-in not ended: what every request's token needs. */
    @Query("""
            SELECT COUNT(*) FROM account a
            WHERE a.id = :accountId AND a.status = 'ACTIVE'
              AND EXISTS (SELECT 1 FROM refresh_token r
                          WHERE r.family_id = :sessionId AND r.account_id = a.id AND r.revoked_at IS NULL)""")
    long countLiveAccess(long accountId, String sessionId);

    @Query("SELECT COUNT(*) FROM enterprise WHERE id = :id")
    long countEnterprises(long id);

    /** A decision about this account itself: it is no longer one the pharmacy's reopening would give back. */
    @Query("""
            UPDATE account SET status = :status, deleted_at = :deletedAt, disabled_with_pharmacy = FALSE,
                   updated_at = CURRENT_TIMESTAMP(6)
            WHERE id = :id""")
    void updateStatus(Long id, AccountView.Status status, @Nullable Instant deletedAt);

    /** The pharmacy's staff that are active now: those its suspension or closure disables. */
    @Query("SELECT id FROM account WHERE pharmacy_id = :pharmacyId AND status = 'ACTIVE'")
    List<Long> findActiveIdsByPharmacyId(Long pharmacyId);

    /** Marked, so that reopening gives back exactly these and not the accounts disabled on their own. */
    @Query("""
            UPDATE account SET status = 'DISABLED', disabled_with_pharmacy = TRUE, updated_at = CURRENT_TIMESTAMP(6)
            WHERE pharmacy_id = :pharmacyId AND status = 'ACTIVE'""")
    void disableAllOfPharmacy(Long pharmacyId);

    @Query("""
            SELECT id FROM account
            WHERE pharmacy_id = :pharmacyId AND status = 'DISABLED' AND disabled_with_pharmacy = TRUE""")
    List<Long> findIdsDisabledWithPharmacy(Long pharmacyId);

    @Query("""
            UPDATE account SET status = 'ACTIVE', disabled_with_pharmacy = FALSE, updated_at = CURRENT_TIMESTAMP(6)
            WHERE pharmacy_id = :pharmacyId AND status = 'DISABLED' AND disabled_with_pharmacy = TRUE""")
    void enableAllDisabledWithPharmacy(Long pharmacyId);

    /** 1 when the account was disabled by its pharmacy's suspension or closure (what its sign-in is told). */
    @Query("SELECT COUNT(*) FROM account WHERE id = :id AND disabled_with_pharmacy = TRUE")
    long countDisabledWithPharmacy(Long id);

    /** A transferred pharmacy's staff belong to its new district from their next token on. */
    @Query(
            "UPDATE account SET district_code = :districtCode, updated_at = CURRENT_TIMESTAMP(6) WHERE pharmacy_id = :pharmacyId")
    void moveStaffOfPharmacy(Long pharmacyId, String districtCode);

    @Query("""
            UPDATE account SET password_hash = :passwordHash, password_change_required = :changeRequired,
                   updated_at = CURRENT_TIMESTAMP(6)
            WHERE id = :id""")
    void updatePassword(Long id, String passwordHash, boolean changeRequired);

    @Query("""
            UPDATE account SET totp_secret_sealed = :sealedSecret, totp_enrolled = :enrolled, totp_last_step = :lastStep,
                   updated_at = CURRENT_TIMESTAMP(6)
            WHERE id = :id""")
    void updateTotp(Long id, @Nullable String sealedSecret, boolean enrolled, @Nullable Long lastStep);

    /**
     * Takes a TOTP step for the account: 1 only for the first caller with a step later than any used, so one code
     * signs in once however many challenges present it at the same moment. Enrols a pending secret on first use.
     */
    @Query("""
            UPDATE account SET totp_last_step = :step, totp_enrolled = TRUE, updated_at = CURRENT_TIMESTAMP(6)
            WHERE id = :id AND totp_secret_sealed IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < :step)""")
    long claimTotpStep(Long id, long step);

    @Query("UPDATE account SET wechat_openid = :openid, updated_at = CURRENT_TIMESTAMP(6) WHERE id = :id")
    void updateOpenid(Long id, @Nullable String openid);

    @Query("""
            UPDATE account SET phone_sealed = :phoneSealed, phone_index = :phoneIndex, updated_at = CURRENT_TIMESTAMP(6)
            WHERE id = :id""")
    void updatePhone(Long id, String phoneSealed, String phoneIndex);
}

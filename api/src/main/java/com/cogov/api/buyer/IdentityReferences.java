package com.cogov.api.buyer;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.Digests;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where scanned identities wait for the registration that uses them. Only a hash of each reference is stored: the
 * reference is a bearer secret, and a copy of the table must not let anyone use one.
 */
@Singleton
class IdentityReferences {

    static final String TARGET_TYPE = "identity-reference";

    private final IdentityReferenceRepository repository;
    private final AuditService audit;

    IdentityReferences(IdentityReferenceRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** Stores the identity and audits the scan in one transaction: no identity is kept without its audit entry. */
    @Transactional
    IdentityReference issue(Actor clerk, String reference, VerifiedBuyer buyer, Instant createdAt, Instant expiresAt) {
        IdentityReference stored = repository.save(new IdentityReference(
                null,
                hash(reference),
                clerk.pharmacyId(),
                clerk.accountId(),
                buyer.documentType(),
                buyer.numberSealed(),
                buyer.numberIndex(),
                buyer.nameSealed(),
                buyer.nameIndex(),
                buyer.birthDate(),
                buyer.sex(),
                createdAt,
                expiresAt));
        audit.record(
                clerk,
                BuyerService.SCAN_ACTION,
                TARGET_TYPE,
                String.valueOf(stored.id()),
                AuditOutcome.SUCCESS,
                Map.of("documentType", buyer.documentType().name(), "outcome", "identified"));
        return stored;
    }

    Optional<IdentityReference> find(String reference, long pharmacyId, Instant now) {
        return repository.findByRefHashAndPharmacyIdAndExpiresAtGreaterThan(hash(reference), pharmacyId, now);
    }

    long deleteExpiredBefore(Instant cutoff) {
        return repository.deleteExpiredBefore(cutoff);
    }

    static String hash(String reference) {
        return Digests.sha256Hex(reference); // references are URL-safe ASCII, so UTF-8 hashes the same bytes
    }
}

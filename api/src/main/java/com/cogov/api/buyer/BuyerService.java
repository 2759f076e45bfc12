package com.cogov.api.buyer;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.api.shared.CogovException;
import com.cogov.api.shared.ImageUpload;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.buyer.BuyerView;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.ScannedIdentity;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The buyer feature's entry: who is buying a special compound preparation (docs/domain-rules.md §1, §2). A buyer is
 * identified either from a typed document ({@link #verify}) or from an ID-card photo ({@link #scan}, then
 * {@link #fromReference}); both give a {@link VerifiedBuyer} whose personal values are only sealed, indexed and masked.
 * Every rule is applied here, on the server, whatever the mini-program already checked.
 */
@Singleton
public class BuyerService {

    /** How long a scanned identity can be used: long enough for a sale of several items and a retried submission. */
    public static final Duration REFERENCE_LIFETIME = Duration.ofMinutes(10);

    static final String SCAN_ACTION = "buyer.scan";
    /** Birth dates and ages are reckoned on the calendar of the place of sale. */
    private static final Set<Role> COUNTER_STAFF = EnumSet.of(Role.PHARMACY_CLERK, Role.PHARMACY_MANAGER);

    private static final int REFERENCE_BYTES = 32;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final PrivacyService privacy;
    private final AuditService audit;
    private final IdCardOcr ocr;
    private final IdentityReferences references;
    private final Clock clock;
    private final CityConfiguration city;
    private final SecureRandom random = new SecureRandom();

    BuyerService(
            PrivacyService privacy,
            AuditService audit,
            IdCardOcr ocr,
            IdentityReferences references,
            Clock clock,
            CityConfiguration city) {
        this.privacy = privacy;
        this.audit = audit;
        this.ocr = ocr;
        this.references = references;
        this.clock = clock;
        this.city = city;
    }

    /**
     * Validates a typed document on the server, whatever the client did, and seals it.
     *
     * @throws InvalidIdNumberException   (400 ID_NUMBER_INVALID, field {@code buyer.documentNumber}) naming the broken rule
     * @throws InvalidBuyerNameException  (400 BUYER_NAME_INVALID, field {@code buyer.name})
     */
    public VerifiedBuyer verify(@Nullable DocumentType type, @Nullable String number, @Nullable String name) {
        IdentityDocument document = IdentityDocument.parse(type, number, today());
        return seal(document, BuyerName.parse(name));
    }

    /**
     * Reads an ID-card photo through WeChat's OCR, re-validates what was read, and keeps the identity for
     * {@link #REFERENCE_LIFETIME} under a random reference for the caller's pharmacy. Every attempt is audited
     * ({@code buyer.scan}); the audit entry names the stored row, never the number or name.
     *
     * @param photo the uploaded bytes; accepted only if their content is a JPEG, PNG or WebP of at most 5 MB and at most
     *              50 megapixels that decodes whole: anything else is refused before WeChat sees it
     * @throws com.cogov.api.shared.ImageUnreadableException (422 IMAGE_UNREADABLE) cut off, corrupt or absurdly large
     * @throws IdCardUnreadableException     (422) no ID card found, or what was read fails the number's checks
     * @throws IdCardOcrUnavailableException (503 WECHAT_UNAVAILABLE) WeChat down, timing out or refusing
     */
    public ScannedIdentity scan(Actor clerk, byte[] photo) {
        requireCounterStaff(clerk);
        VerifiedBuyer buyer;
        try {
            buyer = identify(ocr.read(ImageUpload.of(photo).requireComplete()));
        } catch (IdCardUnreadableException e) {
            throw failed(clerk, e, e.outcome());
        } catch (IdCardOcrUnavailableException e) {
            throw failed(clerk, e, "wechat-unavailable");
        } catch (CogovException e) {
            throw failed(clerk, e, "upload-rejected");
        }
        byte[] bytes = new byte[REFERENCE_BYTES];
        random.nextBytes(bytes);
        String reference = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Whole seconds, as MariaDB stores them: the expiry the client is told is the one that is enforced.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        IdentityReference stored = references.issue(clerk, reference, buyer, now, now.plus(REFERENCE_LIFETIME));
        return new ScannedIdentity(reference, stored.expiresAt(), view(buyer, today()));
    }

    /**
     * The buyer behind an identity reference issued to the caller's pharmacy, while it has not expired. A reference can
     * be used any number of times within its lifetime (a sale of several items, a retried submission).
     *
     * @throws IdentityRefInvalidException (400 IDENTITY_REF_INVALID) unknown, expired, or of another pharmacy, alike
     */
    public VerifiedBuyer fromReference(Actor clerk, @Nullable String identityRef) {
        requireCounterStaff(clerk);
        if (identityRef == null || !REFERENCE.matcher(identityRef).matches()) {
            throw new IdentityRefInvalidException();
        }
        IdentityReference stored = references
                .find(identityRef, clerk.pharmacyId(), clock.instant())
                .orElseThrow(IdentityRefInvalidException::new);
        return new VerifiedBuyer(
                stored.documentType(),
                stored.numberSealed(),
                stored.numberIndex(),
                stored.nameSealed(),
                stored.nameIndex(),
                privacy.mask(PersonalField.ID_NUMBER, privacy.open(stored.numberSealed())),
                privacy.mask(PersonalField.NAME, privacy.open(stored.nameSealed())),
                stored.birthDate(),
                stored.sex());
    }

    /** The buyer as the counter is shown them: masked number and name, age on {@code today}, sex. */
    public BuyerView view(VerifiedBuyer buyer, LocalDate today) {
        var age = buyer.ageOn(today);
        return new BuyerView(
                buyer.documentType(),
                buyer.maskedNumber(),
                buyer.maskedName(),
                age.isPresent() ? age.getAsInt() : null,
                buyer.sex());
    }

    /** An OCR result is re-validated like typed input; a reading that fails is a misread, never a record. */
    private VerifiedBuyer identify(IdCardOcr.Reading reading) {
        String number = IdentityDocument.normalise(reading.number());
        // A 2023 foreigner's permanent-residence card looks like an ID card and its number starts with 9; every other
        // card WeChat reads (resident IDs; Hong Kong, Macao and Taiwan residence permits) is numbered as a resident ID.
        DocumentType type =
                number.startsWith("9") ? DocumentType.FOREIGN_PERMANENT_RESIDENCE : DocumentType.RESIDENT_ID;
        IdentityDocument document;
        try {
            document = IdentityDocument.parse(type, number, today());
        } catch (InvalidIdNumberException e) {
            throw IdCardUnreadableException.numberMisread();
        }
        String name;
        try {
            name = BuyerName.parse(reading.name());
        } catch (InvalidBuyerNameException e) {
            throw IdCardUnreadableException.nameMisread();
        }
        return seal(document, name);
    }

    private VerifiedBuyer seal(IdentityDocument document, String name) {
        return new VerifiedBuyer(
                document.type(),
                privacy.seal(document.number()),
                privacy.blindIndex(PersonalField.ID_NUMBER, indexed(document)),
                privacy.seal(name),
                privacy.blindIndex(PersonalField.NAME, name),
                privacy.mask(PersonalField.ID_NUMBER, document.number()),
                privacy.mask(PersonalField.NAME, name),
                document.birthDate(),
                document.sex());
    }

    /**
     * What the number's blind index is computed over. GB 11643 numbers (resident ID, social-security card, foreigner's
     * permanent residence card) share one national numbering in which a number names one person whatever card it is
     * printed on, so they are indexed by the number alone: purchase limits then count a person's resident ID and
     * social-security card together. Passport and permit numbers come from unrelated numberings that can coincide, so
     * their type is part of the indexed value.
     */
    private static String indexed(IdentityDocument document) {
        return switch (document.type()) {
            case RESIDENT_ID, SOCIAL_SECURITY, FOREIGN_PERMANENT_RESIDENCE -> document.number();
            case HK_MACAO_PERMIT, PASSPORT -> document.type().name() + ":" + document.number();
        };
    }

    private LocalDate today() {
        return city.today(clock);
    }

    private static void requireCounterStaff(Actor actor) {
        if (actor.role() == null || !COUNTER_STAFF.contains(actor.role()) || actor.pharmacyId() == null) {
            throw new AccessDeniedException("只有药店店员和店长可以识别购买人证件");
        }
    }

    /**
     * Records a refused scan on its own (there is no transaction here to roll it back), with a short outcome code and
     * never the cause's message.
     */
    private CogovException failed(Actor clerk, CogovException cause, String outcome) {
        audit.record(clerk, SCAN_ACTION, null, null, AuditOutcome.FAILURE, Map.of("outcome", outcome));
        return cause;
    }
}

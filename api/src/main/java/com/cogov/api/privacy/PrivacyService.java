package com.cogov.api.privacy;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.SecretsConfiguration;
import com.cogov.contracts.account.Role;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The privacy feature's entry: how ID numbers, names and phone numbers are stored, found and shown (docs/domain-rules.md
 * §7, GB/T 39786 §8.4). Stored values are sealed with SM4-GCM, which also protects their integrity; lookups go through
 * a keyed HMAC-SM3 blind index, since the sealed values are random; responses and logs show only masks.
 * <p>
 * Bouncy Castle's lightweight API is used rather than its JCA provider, so nothing is registered globally and a
 * repackaged jar (which loses Bouncy Castle's signature) works on every JDK.
 */
@Singleton
public class PrivacyService {

    private static final String PERSONAL_DATA_KEY = SecretsConfiguration.PREFIX + ".personal-data-key";
    private static final String BLIND_INDEX_KEY = SecretsConfiguration.PREFIX + ".blind-index-key";
    private static final int SM4_KEY_BYTES = 16;
    private static final int MIN_BLIND_INDEX_KEY_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern SEALED = Pattern.compile("v([0-9]{1,9}):([A-Za-z0-9+/]+={0,2})");

    private final BeanProvider<AuditService> audit;
    private final int keyVersion;
    private final Map<Integer, KeyParameter> sealingKeys;
    /**
     * Not versioned: every stored index was computed with this key, so changing it means recomputing all of them
     * from the opened values (a migration job), not just a configuration change.
     */
    private final KeyParameter blindIndexKey;

    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Map<KeyParameter, GCMModeCipher[]>> ciphers =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    /**
     * Sealing and blind indexes outside the app, for tools that write personal data straight to the database (the
     * load harness's bulk loader): the values are exactly what the app would store. {@link #unmask} is unavailable.
     *
     * @throws ConfigurationException when a key is missing or malformed
     */
    public static PrivacyService offline(String personalDataKeyHex, String blindIndexKeyHex) {
        return new PrivacyService(
                new SecretsConfiguration(null, personalDataKeyHex, blindIndexKeyHex, null),
                new PrivacyConfiguration(1, Map.of()));
    }

    /** Crypto and masking only, for unit tests: {@link #unmask} needs the audit trail. */
    PrivacyService(SecretsConfiguration secrets, PrivacyConfiguration privacy) {
        this(secrets, privacy, () -> {
            throw new IllegalStateException("no audit trail in this PrivacyService");
        });
    }

    @Inject
    PrivacyService(SecretsConfiguration secrets, PrivacyConfiguration privacy, BeanProvider<AuditService> audit) {
        this.audit = audit;
        if (privacy.keyVersion() < 1) {
            throw new ConfigurationException(PrivacyConfiguration.PREFIX + ".key-version must be 1 or more");
        }
        Map<Integer, KeyParameter> keys = new HashMap<>();
        keys.put(privacy.keyVersion(), sm4Key(PERSONAL_DATA_KEY, secrets.personalDataKey()));
        privacy.retiredKeys().forEach((version, hex) -> {
            String property = PrivacyConfiguration.PREFIX + ".retired-keys." + version;
            if (version == privacy.keyVersion()) {
                throw new ConfigurationException(
                        property + " is the current key version; the current key is " + PERSONAL_DATA_KEY
                                + ", so either remove it or raise " + PrivacyConfiguration.PREFIX + ".key-version");
            }
            keys.put(version, sm4Key(property, hex));
        });
        this.keyVersion = privacy.keyVersion();
        this.sealingKeys = Map.copyOf(keys);
        this.blindIndexKey = new KeyParameter(hexKey(
                BLIND_INDEX_KEY,
                secrets.blindIndexKey(),
                MIN_BLIND_INDEX_KEY_BYTES,
                Integer.MAX_VALUE,
                "at least 32 hexadecimal characters (128 bits or more)"));
    }

    /**
     * Encrypts a value for storage: {@code v<key version>:base64(iv || ciphertext || tag)}. The IV is random, so
     * sealing the same value twice gives different texts; look values up by {@link #blindIndex} instead.
     */
    public @Nullable String seal(@Nullable String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = gcm(true, sealingKeys.get(keyVersion), iv);
        byte[] sealed = Arrays.copyOf(iv, IV_BYTES + gcm.getOutputSize(input.length));
        int written = gcm.processBytes(input, 0, input.length, sealed, IV_BYTES);
        try {
            gcm.doFinal(sealed, IV_BYTES + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM failed while encrypting", e); // only decryption checks a tag
        }
        return "v" + keyVersion + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * Decrypts a value made by {@link #seal}, with the key of the version it names (current or retired).
     *
     * @throws PersonalDataUnreadableException when the value is malformed, names an unknown key version or fails its
     *                                         integrity check: a data or key fault, answered as a 500
     */
    public @Nullable String open(@Nullable String sealed) {
        if (sealed == null) {
            return null;
        }
        Matcher parts = SEALED.matcher(sealed);
        if (!parts.matches()) {
            throw PersonalDataUnreadableException.malformed();
        }
        int version = Integer.parseInt(parts.group(1));
        KeyParameter key = sealingKeys.get(version);
        if (key == null) {
            throw PersonalDataUnreadableException.unknownKeyVersion(version);
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(parts.group(2));
        } catch (IllegalArgumentException e) {
            throw PersonalDataUnreadableException.malformed(); // its message would quote the value
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw PersonalDataUnreadableException.malformed();
        }
        GCMModeCipher gcm = gcm(false, key, Arrays.copyOf(data, IV_BYTES));
        byte[] plain = new byte[gcm.getOutputSize(data.length - IV_BYTES)];
        int written = gcm.processBytes(data, IV_BYTES, data.length - IV_BYTES, plain, 0);
        try {
            written += gcm.doFinal(plain, written);
        } catch (InvalidCipherTextException e) {
            throw PersonalDataUnreadableException.failedIntegrityCheck(version, e);
        }
        return new String(plain, 0, written, StandardCharsets.UTF_8);
    }

    /**
     * The lookup key for a value: HMAC-SM3 over the field's name and the normalised value, as 64 lowercase hex
     * characters. The same value typed differently (spaces, lowercase x, +86, hyphens) gives the same index; the
     * field name keeps one field's index from matching another's.
     *
     * @return null when there is nothing to look up by: null, or nothing left after normalising
     */
    public @Nullable String blindIndex(PersonalField field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        String normalised = PersonalValues.normalise(field, value);
        if (normalised.isEmpty()) {
            return null;
        }
        byte[] input = (field.name() + "|" + normalised).getBytes(StandardCharsets.UTF_8);
        HMac hmac = new HMac(new SM3Digest()); // not thread-safe, and cheap to make
        hmac.init(blindIndexKey);
        hmac.update(input, 0, input.length);
        byte[] index = new byte[hmac.getMacSize()];
        hmac.doFinal(index, 0);
        return HexFormat.of().formatHex(index);
    }

    /**
     * The value as responses and logs may show it. ID numbers: first 4 and last 4 of 15 or more characters
     * ({@code 4201**********123X}), first 2 and last 2 of 8 to 14, first 1 and last 1 of 5 to 7, nothing of 4 or
     * fewer. Names: the first character ({@code 张*}, {@code 欧阳**}; one character: {@code *}). Phones: an 11-digit
     * mobile as {@code 138****5678}, other numbers their last 4 digits, and nothing of 4 digits or fewer. Never throws.
     */
    public @Nullable String mask(PersonalField field, @Nullable String value) {
        return value == null ? null : PersonalValues.mask(field, value);
    }

    /**
     * A cipher of this thread's, set up for the key once: initialising GCM for a key runs the SM4 key schedule and
     * builds the GHASH table, which cost more than sealing or opening a short value (a listing opens forty). Each use
     * re-initialises it with the value's own IV and the key left as it was.
     */
    private GCMModeCipher gcm(boolean encrypt, KeyParameter key, byte[] iv) {
        GCMModeCipher[] pair = ciphers.get().computeIfAbsent(key, k -> new GCMModeCipher[2]);
        int mode = encrypt ? 0 : 1;
        if (pair[mode] == null) {
            pair[mode] = GCMBlockCipher.newInstance(new SM4Engine());
            pair[mode].init(encrypt, new AEADParameters(key, TAG_BITS, iv));
        } else {
            pair[mode].init(encrypt, new AEADParameters(null, TAG_BITS, iv)); // null: the same key, already set up
        }
        return pair[mode];
    }

    private static KeyParameter sm4Key(String property, @Nullable String hex) {
        return new KeyParameter(
                hexKey(property, hex, SM4_KEY_BYTES, SM4_KEY_BYTES, "32 hexadecimal characters (a 128-bit SM4 key)"));
    }

    /** The messages name the property and what it must be, never the value (which may be nearly right). */
    private static byte[] hexKey(String property, @Nullable String hex, int minBytes, int maxBytes, String expected) {
        if (hex == null || hex.isBlank()) {
            throw new ConfigurationException(property + " is not set; it must be " + expected);
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(property + " is not hexadecimal; it must be " + expected);
        }
        if (key.length < minBytes || key.length > maxBytes) {
            throw new ConfigurationException(property + " has the wrong length; it must be " + expected);
        }
        return key;
    }

    /**
     * Masks anything in free text (a reason, a note) shaped like a resident ID number or a mainland mobile number, so
     * that what a person typed can be kept in the audit trail and logs without their personal data.
     */
    public @Nullable String redact(@Nullable String freeText) {
        if (freeText == null) {
            return null;
        }
        String ids = ID_LIKE.matcher(freeText).replaceAll(m -> mask(PersonalField.ID_NUMBER, m.group()));
        return PHONE_LIKE.matcher(ids).replaceAll(m -> mask(PersonalField.PHONE, m.group()));
    }

    private static final java.util.regex.Pattern ID_LIKE =
            java.util.regex.Pattern.compile("(?<!\\d)(\\d{17}[\\dXx]|\\d{15})(?!\\d)");
    private static final java.util.regex.Pattern PHONE_LIKE =
            java.util.regex.Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    /** Who may see personal values in full: the regulators, never the counter or the public. */
    private static final java.util.Set<Role> MAY_UNMASK =
            java.util.EnumSet.of(Role.CITY_ADMIN, Role.DISTRICT_INSPECTOR);

    /**
     * Opens a sealed value for a person allowed to see it in full, for a stated reason, and records the unmask in the
     * audit trail (who, which object, which field, why; never the value). The caller has already checked that the
     * object is within the actor's scope.
     */
    @Transactional
    public String unmask(
            Actor actor, String reason, String targetType, String targetId, PersonalField field, String sealed) {
        if (actor.role() == null || !MAY_UNMASK.contains(actor.role())) {
            throw new AccessDeniedException("您的角色不能查看完整的个人信息");
        }
        String value = open(sealed);
        audit.get()
                .record(
                        actor,
                        "privacy.unmask",
                        targetType,
                        targetId,
                        AuditOutcome.SUCCESS,
                        java.util.Map.of("field", field.name(), "reason", redact(reason)));
        return value;
    }
}

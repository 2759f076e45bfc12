package com.cogov.api.file;

import com.cogov.api.shared.SecretsConfiguration;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed links to one file, for a party that fetches it without our tokens (WeChat's media_check_async
 * downloads the image it checks). The link is the file's id, an expiry (epoch seconds) and an HMAC-SHA256 of both,
 * so it opens that file only, until then. The key is derived from the token signing key (HMAC with a fixed label):
 * one secret fewer to provision, and a link never verifies as a token nor a token as a link.
 */
@Singleton
class FileLinks {

    private static final String LABEL = "cogov file link v1";

    private final byte[] key;

    FileLinks(SecretsConfiguration secrets) {
        String signing = secrets.tokenSigningKey();
        this.key = signing == null ? null : hmac(signing.getBytes(StandardCharsets.UTF_8), LABEL);
    }

    String sign(String fileId, Instant expires) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(hmac(key(), fileId + "|" + expires.getEpochSecond()));
    }

    /** Whether the signature is this file's for this expiry, and the expiry is still ahead; constant-time compare. */
    boolean valid(String fileId, long expiresEpochSeconds, @Nullable String signature, Instant now) {
        if (signature == null || key == null || now.getEpochSecond() > expiresEpochSeconds) {
            return false;
        }
        byte[] expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(hmac(key, fileId + "|" + expiresEpochSeconds))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        if (key == null) {
            throw new IllegalStateException(SecretsConfiguration.PREFIX + ".token-signing-key is not set");
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.cogov.api.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hashes for storing bearer secrets (tokens, codes, references) and fingerprinting requests: never the value itself. */
public final class Digests {

    private Digests() {}

    public static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** HMAC-SHA256 of {@code value} under {@code key}, in hex: a keyed fingerprint that cannot be reversed by guessing. */
    public static String hmacSha256Hex(byte[] key, String value) {
        return HexFormat.of().formatHex(hmacSha256(key, value));
    }

    /** HMAC-SHA256; also derives a purpose key from a master key (the purpose as the message). */
    public static byte[] hmacSha256(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}

package com.cogov.infra.dev;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

/** Plays the administrator's authenticator app in tests: the RFC 6238 code for a base32 secret. */
public final class Authenticator {

    private Authenticator() {
    }

    public static String code(String base32Secret, Instant at) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer key = ByteBuffer.allocate(base32Secret.length() * 5 / 8);
        long bits = 0;
        int count = 0;
        for (char c : base32Secret.toCharArray()) {
            bits = (bits << 5) | alphabet.indexOf(c);
            count += 5;
            if (count >= 8) {
                key.put((byte) (bits >> (count - 8)));
                count -= 8;
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.array(), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int o = h[h.length - 1] & 0xf;
            int value = ByteBuffer.wrap(h, o, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.cogov.api.account;

import java.time.Instant;

/** Plays the administrator's authenticator app in tests, with the production RFC 6238 code ({@link Totp}). */
public final class Authenticator {

    private Authenticator() {}

    public static String code(String base32Secret, Instant at) {
        return Totp.code(base32Secret, at.getEpochSecond() / 30);
    }
}

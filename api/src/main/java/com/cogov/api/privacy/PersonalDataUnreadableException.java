package com.cogov.api.privacy;

/**
 * Sealed personal data that cannot be opened: malformed, sealed under a key version this node does not know, or
 * failing its integrity check (tampered, or the wrong key configured). This is a fault in our data or key
 * configuration, not in the user's input, so it is deliberately not a {@code CogovException}: it answers 500 and is
 * logged with its stack trace. The message never contains the sealed value.
 */
public final class PersonalDataUnreadableException extends RuntimeException {

    private PersonalDataUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }

    static PersonalDataUnreadableException malformed() {
        return new PersonalDataUnreadableException("Sealed personal data is not of the form v<version>:<base64>", null);
    }

    static PersonalDataUnreadableException unknownKeyVersion(int version) {
        return new PersonalDataUnreadableException(
                "Sealed personal data names key version " + version + ", which is neither "
                        + PrivacyConfiguration.PREFIX + ".key-version nor among its retired-keys",
                null);
    }

    static PersonalDataUnreadableException failedIntegrityCheck(int version, Throwable cause) {
        return new PersonalDataUnreadableException(
                "Sealed personal data under key version " + version
                        + " failed its integrity check: tampered, or the key configured for that version is not the one that sealed it",
                cause);
    }
}

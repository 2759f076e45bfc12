package com.cogov.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules behind staff credentials: Argon2id hashing, the complexity rule, RFC 6238 codes. */
class CredentialRulesTest {

    @Test
    void aPasswordHashIsSaltedArgon2idThatVerifiesOnlyTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("Jiang-Cheng-2026!");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("Jiang");
        assertThat(hasher.hash("Jiang-Cheng-2026!")).isNotEqualTo(hash);
        assertThat(hasher.matches("Jiang-Cheng-2026!", hash, 1)).isTrue();
        assertThat(hasher.matches("jiang-Cheng-2026!", hash, 1)).isFalse();
        assertThat(hasher.matches("anything", "$2a$10$notargon", 1)).isFalse();
    }

    @Test
    void aDamagedStoredHashMatchesNothingInsteadOfFailing() {
        PasswordHasher hasher = new PasswordHasher();
        String sound = hasher.hash("Jiang-Cheng-2026!");
        String salt = sound.split("\\$")[4];
        String digest = sound.split("\\$")[5];
        for (String damaged : new String[] {
            "$argon2id$v=19$m=lots,t=2,p=1$" + salt + "$" + digest, // the parser's Integer.parseInt
            "$argon2id$v=19$m=19456,t=2,p=1$%%%$" + digest, // not base64
            "$argon2id$v=19$m=19456,x=2,p=1$" + salt + "$" + digest, // unknown parameter
            "$argon2id$v=19$m=$" + salt + "$" + digest, // a parameter without a value
            "$argon2id$v=19$m=99999999,t=2,p=1$" + salt + "$" + digest, // would allocate 95 GiB
            "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$", // no digest
            ""
        }) {
            assertThat(hasher.matches("Jiang-Cheng-2026!", damaged, 7))
                    .as(damaged)
                    .isFalse();
        }
    }

    @Test
    void weakPasswordsAreRefusedWithReasonsAStrongOneIsAccepted() {
        assertThat(PasswordPolicy.problems("short1A!", "li")).anyMatch(p -> p.contains("10"));
        assertThat(PasswordPolicy.problems("alllowercaseletters", "li")).anyMatch(p -> p.contains("三类"));
        assertThat(PasswordPolicy.problems("Zhangwei-2026!", "zhangwei")).anyMatch(p -> p.contains("用户名"));
        assertThat(PasswordPolicy.problems("MyPassword2026", "li")).anyMatch(p -> p.contains("弱密码"));
        assertThat(PasswordPolicy.problems("Jiang-Cheng-2026!", "admin7")).isEmpty();
    }

    @Test
    void totpMatchesTheRfc6238ReferenceAndAcceptsEachStepOnce() {
        // RFC 6238 appendix B, SHA1 seed "12345678901234567890" = base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ, T = 59 s
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
        Instant now = Instant.ofEpochSecond(1111111109L);
        assertThat(Totp.verify(secret, "081804", now, Long.MIN_VALUE)).hasValue(1111111109L / 30);
        assertThat(Totp.verify(secret, "081804", now, 1111111109L / 30)).isEmpty();
        assertThat(Totp.verify(secret, "000000", now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void aNewTotpSecretIs160BitsOfBase32() {
        assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
    }
}

-- Sign-in hardening (security review): failures counted in one row per name, challenges kept on the server so
-- that each is single use with a bounded number of tries, and each refresh token bound to the app that issued it.

-- One row per name that has failed to sign in, known or not: an unknown name is counted and locked exactly as a
-- real one, so the answers never tell which names exist. The subject is a keyed hash of the normalised name (people
-- type phone numbers into the username field). Every change is one conditional statement, so concurrent failures
-- are all counted.
CREATE TABLE sign_in_lockout (
    subject         CHAR(64)     NOT NULL,
    failures        INT          NOT NULL,
    first_failed_at TIMESTAMP(6) NOT NULL,
    locked_until    TIMESTAMP(6) NULL,
    PRIMARY KEY (subject),
    KEY ix_sign_in_lockout_first_failed (first_failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A half-finished portal sign-in (password change, second factor). Single use: ended when its step succeeds, or
-- after too many wrong answers.
CREATE TABLE sign_in_challenge (
    token_hash CHAR(64)     NOT NULL,
    account_id BIGINT       NOT NULL,
    step       VARCHAR(32)  NOT NULL,
    issued_at  TIMESTAMP(6) NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    failures   INT          NOT NULL DEFAULT 0,
    ended_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_sign_in_challenge_expires (expires_at),
    CONSTRAINT fk_sign_in_challenge_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The counters move to sign_in_lockout; a lock in force at the upgrade is dropped (it lasts 15 minutes at most).
ALTER TABLE account
    DROP COLUMN failed_sign_ins,
    DROP COLUMN first_failed_at,
    DROP COLUMN locked_until;

-- The app (token audience) a sign-in belongs to; tokens issued before this had none and are refused (sign in again).
ALTER TABLE refresh_token
    ADD COLUMN audience VARCHAR(64) NOT NULL DEFAULT '';

-- Which sign-ins are still live, read on every request whose node has not seen it under the current status version;
-- it also serves every lookup by family that the narrower index did.
CREATE INDEX ix_refresh_token_family_live ON refresh_token (family_id, revoked_at);
DROP INDEX ix_refresh_token_family ON refresh_token;

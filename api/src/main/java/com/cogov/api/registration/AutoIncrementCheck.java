package com.cogov.api.registration;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Refuses to start on a database that may give one multi-row insert ids that are not consecutive. The sales of a
 * commit group are one INSERT, and each sale's items, codes, outbox record and answer are tied to the id at its place
 * in that insert; in MySQL's interleaved mode (2, MySQL 8's default) another transaction's insert could take an id in
 * between, and a clerk's answer would name another sale. MariaDB's default (1) and MySQL with
 * {@code innodb_autoinc_lock_mode=1} hand out the ids of one statement together.
 */
@Context
class AutoIncrementCheck {

    AutoIncrementCheck(RegistrationStore store) {
        requireConsecutive(store.autoIncrementLockMode());
    }

    static void requireConsecutive(int lockMode) {
        if (lockMode > 1) {
            throw new ConfigurationException(
                    "Refusing to start: the database runs with innodb_autoinc_lock_mode=" + lockMode
                            + ", which may give one multi-row insert ids that are not consecutive. Set innodb_autoinc_lock_mode=1 in"
                            + " the MySQL server's configuration (README, Production configuration).");
        }
    }
}

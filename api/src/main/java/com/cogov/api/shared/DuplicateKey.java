package com.cogov.api.shared;

import io.micronaut.core.annotation.Nullable;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Whether a failed write hit a unique key: the one way to tell "someone wrote this first" from a real failure. The
 * driver's error may come wrapped (a batch reports it as BatchUpdateException, Micronaut Data as DataAccessException),
 * so the whole cause chain is read.
 */
public final class DuplicateKey {

    private DuplicateKey() {}

    /** Any unique key, or only the one named (e.g. {@code uk_registration_number}) when {@code keyName} is given. */
    public static boolean violated(Throwable failure, @Nullable String keyName) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    && (keyName == null || String.valueOf(t.getMessage()).contains(keyName))) {
                return true;
            }
        }
        return false;
    }
}

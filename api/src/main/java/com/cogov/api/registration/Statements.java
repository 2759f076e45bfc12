package com.cogov.api.registration;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** The two chores every plain-SQL class of registration shares: binding values in order, and IN-list markers. */
final class Statements {

    private Statements() {}

    static void bind(PreparedStatement ps, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            ps.setObject(i + 1, parameters.get(i));
        }
    }

    /** {@code ?,?,?} for an IN list of {@code count} values. */
    static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}

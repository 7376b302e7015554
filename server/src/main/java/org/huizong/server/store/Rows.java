package org.huizong.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Result-set helpers that behave the same on SQLite and PostgreSQL drivers. Columns are always
 * read by name (their label in the query), never by position, so a query can gain a column
 * without shifting every reader.
 */
final class Rows {
    private Rows() {
    }

    /** The named column as a Long, null for SQL NULL (getLong alone would give 0). */
    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}

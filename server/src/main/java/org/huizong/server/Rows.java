package org.huizong.server;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Result-set helpers that behave the same on SQLite and PostgreSQL drivers. */
final class Rows {
    private Rows() {
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}

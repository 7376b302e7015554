package org.huizong.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.model.Period;
import org.huizong.engine.rules.Validation;

/**
 * Schema version 2: rewrites findings stored before it in the one findings shape. Versions
 * stored them as a bare array of findings, each with an extra {@code severityLabel}; now each
 * version stores its file's object as {@link FindingReport#fileJson} writes it, the object the
 * command line prints in {@code files[]} and the API answers with. The file, school and period
 * come from the version's own row (an upload is only stored when it is that school's return for
 * that period), every finding keeps its rule, severity, message, fields, cells and 说明, and the
 * label follows from the severity, so nothing stored is lost. Rows already in the new shape are
 * left alone.
 */
final class FindingsInReportShape implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "findings in the report shape";
    }

    /** None: Flyway checks the checksums of SQL scripts; this class is versioned by its code. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        Map<Long, String> rewritten = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT v.id, v.file_name, v.findings_json,"
                + " s.code, c.period FROM return_versions v JOIN schools s ON s.id = v.school_id"
                + " JOIN collections c ON c.id = s.collection_id ORDER BY v.id");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                String stored = rs.getString("findings_json");
                if (stored.stripLeading().startsWith("[")) {
                    Validation v = new Validation(rs.getString("file_name"), rs.getString("code"),
                            Optional.of(Period.parse(rs.getString("period"))),
                            FindingReport.parseFindings(stored));
                    rewritten.put(rs.getLong("id"), FindingReport.fileJson(v));
                }
            }
        }
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE return_versions SET findings_json = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> e : rewritten.entrySet()) {
                u.setString(1, e.getValue());
                u.setLong(2, e.getKey());
                u.executeUpdate();
            }
        }
    }
}

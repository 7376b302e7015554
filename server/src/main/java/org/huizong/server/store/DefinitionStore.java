package org.huizong.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.model.Collection;
import org.jdbi.v3.core.Jdbi;

/**
 * The collection definitions the bureau uploaded, every version kept. A definition is known by
 * its collection id and version ({@code safety-monthly@2}); the file itself lives in the
 * {@link FileStore}.
 */
public final class DefinitionStore {
    /**
     * One uploaded version.
     *
     * @param fileSha the definition file's SHA-256 in the file store
     */
    public record DefinitionRow(long id, String collectionId, int version, String title,
            String periodKind, String structureHash, String fileName, String fileSha,
            String uploadedBy, long uploadedAt) {
        /** How a task names it: {@code safety-monthly@2}. */
        public String key() {
            return key(collectionId, version);
        }

        public static String key(String collectionId, int version) {
            return collectionId + "@" + version;
        }
    }

    private static final String COLUMNS = "id, standard_id, version, title, period_kind,"
            + " structure_hash, file_name, file_sha, uploaded_by, uploaded_at";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;

    public DefinitionStore(Jdbi jdbi, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    /** Stores a checked definition's row; the caller has put its file into the file store. */
    public DefinitionRow add(String actor, Collection c, String fileName, String fileSha) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO collection_definitions (standard_id, version,"
                            + " title, period_kind, structure_hash, file_name, file_sha,"
                            + " uploaded_by, uploaded_at)"
                            + " VALUES (:s, :v, :t, :k, :hash, :f, :sha, :by, :at)")
                    .bind("s", c.id()).bind("v", c.version()).bind("t", c.title())
                    .bind("k", c.periodKind().name()).bind("hash", c.structureHash())
                    .bind("f", fileName).bind("sha", fileSha).bind("by", actor)
                    .bind("at", clock.millis())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "definition.upload", null, null, c.title() + "（"
                    + DefinitionRow.key(c.id(), c.version()) + "，" + fileName + "）");
            return h.createQuery("SELECT " + COLUMNS + " FROM collection_definitions"
                    + " WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).one();
        });
    }

    /** Every uploaded version, newest first. */
    public List<DefinitionRow> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM collection_definitions ORDER BY id DESC")
                .map((rs, ctx) -> row(rs)).list());
    }

    /** The version a key ({@code safety-monthly@2}) names. */
    public Optional<DefinitionRow> find(String key) {
        int at = key.lastIndexOf('@');
        if (at <= 0 || !key.substring(at + 1).matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM collection_definitions WHERE standard_id = :s AND version = :v")
                .bind("s", key.substring(0, at))
                .bind("v", Integer.parseInt(key.substring(at + 1)))
                .map((rs, ctx) -> row(rs)).findOne());
    }

    private static DefinitionRow row(ResultSet rs) throws SQLException {
        return new DefinitionRow(rs.getLong("id"), rs.getString("standard_id"),
                rs.getInt("version"), rs.getString("title"), rs.getString("period_kind"),
                rs.getString("structure_hash"), rs.getString("file_name"),
                rs.getString("file_sha"), rs.getString("uploaded_by"), rs.getLong("uploaded_at"));
    }
}

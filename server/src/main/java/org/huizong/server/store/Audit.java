package org.huizong.server.store;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log: who did what, when, to which collection and school. Entries are written in the
 * same transaction as the action they record, so an action never lacks its entry.
 */
public final class Audit {
    private final Jdbi jdbi;
    private final Clock clock;

    public Audit(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(Handle h, String actor, String action, Long collectionId, Long schoolId,
            String detail) {
        h.createUpdate("INSERT INTO audit_log (at, actor, action, collection_id, school_id, detail)"
                        + " VALUES (:at, :actor, :action, :c, :s, :d)")
                .bind("at", clock.millis()).bind("actor", actor).bind("action", action)
                .bind("c", collectionId).bind("s", schoolId).bind("d", detail).execute();
    }

    public void record(String actor, String action, Long collectionId, Long schoolId,
            String detail) {
        jdbi.useHandle(h -> record(h, actor, action, collectionId, schoolId, detail));
    }

    /** Newest first, at most {@code limit}; a null collection lists every entry. */
    public List<AuditEntry> recent(Long collectionId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, actor, action, collection_id,"
                        + " school_id, detail FROM audit_log"
                        + (collectionId == null ? "" : " WHERE collection_id = :c")
                        + " ORDER BY id DESC LIMIT :n")
                .bind("c", collectionId).bind("n", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getLong("at"),
                        rs.getString("actor"), rs.getString("action"),
                        Rows.nullableLong(rs, "collection_id"), Rows.nullableLong(rs, "school_id"),
                        rs.getString("detail")))
                .list());
    }
}

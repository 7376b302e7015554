package org.huizong.server.store;

import java.time.Clock;
import java.util.Optional;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a collection still takes returns: the bureau closes it (截止，不再接收) and reopens
 * it, and allows late filing (补报) per school after closing. Every change is audited.
 */
public final class CycleStore {
    /** Who closed a collection, and when (epoch milliseconds). */
    public record Closure(String by, long at) {
    }

    /** Who allowed a school to file late, when, and why. */
    public record LateAllowance(String by, String reason, long at) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;

    public CycleStore(Jdbi jdbi, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    public Optional<Closure> closure(long collectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT closed_by, closed_at FROM"
                        + " collection_closures WHERE collection_id = :c")
                .bind("c", collectionId)
                .map((rs, ctx) -> new Closure(rs.getString("closed_by"), rs.getLong("closed_at")))
                .findOne());
    }

    /** Closes the collection (no-op when closed already). */
    public void close(String actor, long collectionId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM collection_closures WHERE collection_id = :c")
                    .bind("c", collectionId).execute();
            h.createUpdate("INSERT INTO collection_closures (collection_id, closed_by, closed_at)"
                            + " VALUES (:c, :by, :at)")
                    .bind("c", collectionId).bind("by", actor).bind("at", clock.millis())
                    .execute();
            audit.record(h, actor, "collection.close", collectionId, null, "截止，不再接收报表");
        });
    }

    /** Takes returns again. */
    public void reopen(String actor, long collectionId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM collection_closures WHERE collection_id = :c")
                    .bind("c", collectionId).execute();
            audit.record(h, actor, "collection.reopen", collectionId, null, "重新开始接收报表");
        });
    }

    public Optional<LateAllowance> lateAllowance(SchoolRow school) {
        return jdbi.withHandle(h -> h.createQuery("SELECT allowed_by, reason, allowed_at FROM"
                        + " late_allowances WHERE school_id = :s")
                .bind("s", school.id())
                .map((rs, ctx) -> new LateAllowance(rs.getString("allowed_by"),
                        rs.getString("reason"), rs.getLong("allowed_at")))
                .findOne());
    }

    /** Lets the school upload although the collection is closed (补报). */
    public void allowLate(String actor, SchoolRow school, String reason) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM late_allowances WHERE school_id = :s")
                    .bind("s", school.id()).execute();
            h.createUpdate("INSERT INTO late_allowances (school_id, allowed_by, reason,"
                            + " allowed_at) VALUES (:s, :by, :r, :at)")
                    .bind("s", school.id()).bind("by", actor).bind("r", reason)
                    .bind("at", clock.millis()).execute();
            audit.record(h, actor, "return.allow_late", school.collectionId(), school.id(),
                    school.name() + " 允许补报" + (reason.isEmpty() ? "" : "：" + reason));
        });
    }
}

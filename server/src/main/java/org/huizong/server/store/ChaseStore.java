package org.huizong.server.store;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.roster.RosterReader.Contact;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.jdbi.v3.core.Jdbi;

/**
 * What chasing late schools (催报) keeps: each school's contact from the roster's optional columns
 * (联系人, 联系电话), and the outbox of reminders sent, one row a reminder. Every reminder is
 * audited.
 */
public final class ChaseStore {
    /** One reminder as stored: how it went out, to whom, what it said, who sent it and when. */
    public record Reminder(long schoolId, String channel, String recipient, String message,
            String sentBy, long sentAt) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;

    public ChaseStore(Jdbi jdbi, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Sets the contacts of the collection's schools named in {@code byCode}; schools not named
     * keep theirs, so a roster without the columns clears nothing.
     */
    public void setContacts(long collectionId, Map<String, Contact> byCode) {
        jdbi.useTransaction(h -> byCode.forEach((code, c) -> h.createUpdate(
                        "UPDATE schools SET contact_person = :p, contact_phone = :t"
                                + " WHERE collection_id = :c AND code = :code")
                .bind("p", c.person()).bind("t", c.phone()).bind("c", collectionId)
                .bind("code", code).execute()));
    }

    /** The contacts of the collection's schools by school id; schools without one are absent. */
    public Map<Long, Contact> contacts(long collectionId) {
        Map<Long, Contact> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, contact_person, contact_phone FROM schools"
                        + " WHERE collection_id = :c")
                .bind("c", collectionId)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"),
                        new Contact(rs.getString("contact_person"), rs.getString("contact_phone"))))
                .forEach(e -> {
                    if (!e.getValue().equals(Contact.NONE)) {
                        out.put(e.getKey(), e.getValue());
                    }
                }));
        return out;
    }

    /** Stores a reminder in the outbox and audits it (发送催报提醒). */
    public Reminder remind(String actor, SchoolRow school, String channel, String recipient,
            String message) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO reminders (school_id, channel, recipient, message,"
                            + " sent_by, sent_at) VALUES (:s, :ch, :r, :m, :by, :at)")
                    .bind("s", school.id()).bind("ch", channel).bind("r", recipient)
                    .bind("m", message).bind("by", actor).bind("at", now).execute();
            audit.record(h, actor, "school.remind", school.collectionId(), school.id(),
                    school.name() + (recipient.isEmpty() ? "" : "（" + recipient + "）"));
        });
        return new Reminder(school.id(), channel, recipient, message, actor, now);
    }

    /** The latest reminder of each of the collection's schools that has one, by school id. */
    public Map<Long, Reminder> lastReminders(long collectionId) {
        Map<Long, Reminder> out = new HashMap<>();
        List<Reminder> all = jdbi.withHandle(h -> h.createQuery("SELECT r.school_id, r.channel,"
                        + " r.recipient, r.message, r.sent_by, r.sent_at FROM reminders r"
                        + " JOIN schools s ON s.id = r.school_id WHERE s.collection_id = :c"
                        + " ORDER BY r.sent_at, r.id")
                .bind("c", collectionId)
                .map((rs, ctx) -> new Reminder(rs.getLong("school_id"), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("message"),
                        rs.getString("sent_by"), rs.getLong("sent_at")))
                .list());
        all.forEach(r -> out.put(r.schoolId(), r));
        return out;
    }
}

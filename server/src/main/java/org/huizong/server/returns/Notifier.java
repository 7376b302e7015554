package org.huizong.server.returns;

import org.huizong.engine.roster.RosterReader.Contact;
import org.huizong.server.store.ChaseStore;
import org.huizong.server.store.CollectionStore.SchoolRow;

/**
 * How a reminder (催报提醒) reaches a school. The default, {@link #outbox}, only keeps it: the row
 * is stored and audited, and the 催报 page shows 已提醒 with its time, so the clerk phones or
 * messages the contact by hand. A channel that really sends (SMS gateway, mail, a provincial
 * platform) implements this interface, sends, and then records through
 * {@link ChaseStore#remind} with its own channel name; bind it in {@code ServerModule}.
 */
public interface Notifier {
    /**
     * Sends (or keeps) one reminder.
     *
     * @param actor the staff member who asked for it
     * @param contact the school's contact from the roster, possibly {@link Contact#NONE}
     * @param message the Chinese text, already complete
     * @return the reminder as recorded
     */
    ChaseStore.Reminder remind(String actor, SchoolRow school, Contact contact, String message);

    /** The default notifier: stores the reminder in the outbox (channel {@code outbox}). */
    static Notifier outbox(ChaseStore store) {
        return (actor, school, contact, message) -> store.remind(actor, school, "outbox",
                (contact.person() + " " + contact.phone()).strip(), message);
    }
}

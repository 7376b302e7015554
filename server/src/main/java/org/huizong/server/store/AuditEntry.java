package org.huizong.server.store;

/**
 * One entry of the audit log: who did what, when, to which collection and school.
 *
 * @param at epoch milliseconds
 * @param collectionId null for actions outside any collection (sign-in, accounts)
 * @param schoolId null for actions not about one school
 */
public record AuditEntry(long id, long at, String actor, String action, Long collectionId,
        Long schoolId, String detail) {
}

/**
 * Storage: the database (SQLite or PostgreSQL, Flyway migrations, JDBI with rows read by column
 * name), the content-addressed file store, the audit log, and secrets (password hashes, tokens).
 * In: what to store. Out: immutable rows. Knows nothing of HTTP; every write that matters is
 * audited in the same transaction.
 */
package org.huizong.server.store;

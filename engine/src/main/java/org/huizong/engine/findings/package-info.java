/**
 * The reports scripts and clerks read: the one text and JSON form of a file's findings that the
 * command line, the server's API and the add-in all use ({@link
 * org.huizong.engine.findings.FindingReport}, see {@code docs/findings-json.md}), and what a
 * consolidation did with every file ({@link org.huizong.engine.findings.ConsolidationReport},
 * {@code docs/consolidate-json.md}). In: findings and their file, or a consolidation's
 * accounting. Out: text or JSON.
 */
package org.huizong.engine.findings;

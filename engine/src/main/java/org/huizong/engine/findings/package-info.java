/**
 * The findings report: the one text and JSON form of a file's findings that the command line,
 * the server's API and the add-in all use ({@link org.huizong.engine.findings.FindingReport}, see
 * {@code docs/findings-json.md}). In: findings and their file. Out: text or JSON.
 */
package org.huizong.engine.findings;

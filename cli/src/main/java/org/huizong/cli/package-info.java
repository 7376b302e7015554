/**
 * The {@code huizong} executable: picocli commands created by Guice. In: command-line arguments.
 * Out: files written and an exit code (0 success, 1 findings or a failed check, 2 bad input,
 * 3 out of memory).
 */
package org.huizong.cli;

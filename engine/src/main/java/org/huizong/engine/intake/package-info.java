/**
 * Intake: from files to validated submissions, the step both the command line and the server
 * take before consolidating. In: paths (files or folders) or uploaded bytes. Out: one
 * {@link org.huizong.engine.consolidate.Submission} per file, read by {@code io} and checked by
 * {@code rules}, in a stable order, whatever the order of the inputs.
 */
package org.huizong.engine.intake;

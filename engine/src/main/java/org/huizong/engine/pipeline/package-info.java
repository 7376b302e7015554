/**
 * The one consolidation pipeline: read, validate, consolidate, narrative, report.
 *
 * <p>{@link org.huizong.engine.pipeline.Intake} takes files or uploaded bytes to validated
 * {@link org.huizong.engine.consolidate.Submission}s; {@link
 * org.huizong.engine.pipeline.Pipeline} folds them with the roster, the reporting unit's identity,
 * its area word and the previous period into a {@link
 * org.huizong.engine.consolidate.Consolidation}, renders the narrative and writes the
 * consolidated workbook. The command line, the demo and the server all call it; nothing else
 * drives the consolidator.
 */
package org.huizong.engine.pipeline;

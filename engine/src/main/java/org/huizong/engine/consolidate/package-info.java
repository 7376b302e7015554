/**
 * Consolidation: a pure, parallel fold over a period's returns. In: a
 * {@link org.huizong.engine.model.Collection}, a {@link org.huizong.engine.model.Roster}, and one
 * {@link org.huizong.engine.consolidate.Submission} per input file (a read return with its
 * findings and time, or an unreadable file with the reason), optionally the previous period's
 * consolidated book read as a return. Out: a {@link org.huizong.engine.consolidate.Consolidation}
 * — totals for the county and by type, township and ownership, counts of schools with a figure,
 * indicators computed from totals, table rows and their totals, completeness against the roster
 * (every file counted, left out for errors, superseded, unknown or rejected), outliers among
 * schools of a type, and the previous period. Reads no files; knows nothing of POI.
 */
package org.huizong.engine.consolidate;

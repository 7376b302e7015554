/**
 * Reading returns: a school's filled workbook, .xlsx (through the {@code xlsx} container layer,
 * only the cells the collection names) or .xls (POI HSSF).
 *
 * <p>In: the collections a reader knows and a file or its bytes. Out: a {@link
 * org.huizong.engine.model.Return} read by the template's defined names, each checked to point
 * where the template's layout puts it (rows inserted inside a table followed), totals
 * recomputed, with the reader's own findings ({@code number}, {@code read.dash}, {@code
 * read.fullwidth}, {@code read.formula}) ({@link org.huizong.engine.returns.ReturnReader}).
 * A file that is not a return of a known collection is refused with an {@link
 * org.huizong.engine.UnreadableFileException} whose Chinese message names the file and says
 * what to do. Every limit on hostile input is in {@code docs/security.md}.
 */
package org.huizong.engine.returns;

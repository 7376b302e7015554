/**
 * Reading returns: a school's filled workbook, .xlsx (through the {@code xlsx} container layer,
 * only the cells the collection names) or .xls (POI HSSF).
 *
 * <p>In: the collections a reader knows and a file or its bytes. Out: a {@link
 * org.huizong.engine.model.Return} read by the template's defined names, never by position,
 * totals recomputed, with the reader's own findings ({@code number}, {@code read.dash}, {@code
 * read.fullwidth}, {@code read.formula}) ({@link org.huizong.engine.returns.ReturnReader}).
 * A file that is not a return of a known collection is refused with an {@link
 * org.huizong.engine.UnreadableFileException} whose Chinese message names the file and says
 * what to do.
 */
package org.huizong.engine.returns;

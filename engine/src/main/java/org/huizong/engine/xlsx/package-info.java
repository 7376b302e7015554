/**
 * The xlsx container layer: zip parts read safely ({@link org.huizong.engine.xlsx.ZipGuard}: bomb
 * limits, CRC checks, only the parts asked for inflated), XML read with Aalto StAX, skipping
 * the elements nobody reads ({@link org.huizong.engine.xlsx.XmlCursor}), the workbook part,
 * relationships and defined names ({@link org.huizong.engine.xlsx.XmlParts},
 * {@link org.huizong.engine.xlsx.NamedArea}), shared strings and the stored content of chosen
 * cells ({@link org.huizong.engine.xlsx.SheetCells}), number text as spreadsheets store it, and
 * deterministic re-zipping ({@link org.huizong.engine.xlsx.Zips}; copies of such a zip with a few
 * parts replaced, {@link org.huizong.engine.xlsx.ZipCopies}).
 *
 * <p>In: bytes. Out: parts, cells and names, never model types; damaged or hostile input is an
 * {@link org.huizong.engine.UnreadableFileException} whose Chinese message names the file.
 * Internal to the engine: only the template writer, the return reader, the roster and the report
 * use it (checked by {@code ArchitectureTest}).
 */
package org.huizong.engine.xlsx;

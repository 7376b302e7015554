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
 *
 * <p>CRC: a part read into memory is inflated whole and checked against its CRC, also a form sheet
 * whose reader needs only the rows before its merged cells, validations and formats (about 60% of
 * its bytes). Inflating such a sheet only as far as its last needed row was measured (2,000
 * returns: 5.63 s of CPU against 5.98, about 6% less) and not taken: the CRC covers the whole part,
 * so it could not be checked at all; raw deflate data has no checksum of its own (its codes and
 * distances are checked, a changed literal is not), so damage in the part read could pass as
 * changed text; and damage or a bomb in the part not read would go unseen, while the corpus refuses
 * both (a damaged sheet, a bomb declaring a small size). A part over 16 MB is streamed, and there
 * the reader stops parsing after the last row it needs; closing the stream inflates the rest
 * unparsed, so its CRC is checked and all of it counts against the limits (docs/security.md).
 */
package org.huizong.engine.xlsx;

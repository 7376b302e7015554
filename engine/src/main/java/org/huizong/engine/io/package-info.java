/**
 * Spreadsheet input and output, the only engine package (with {@code report}) that touches POI
 * or fastexcel.
 *
 * <p>In: a {@link org.huizong.engine.model.Collection}, a {@link org.huizong.engine.model.Period}
 * and a roster file ({@link org.huizong.engine.io.RosterReader}); a school's filled workbook,
 * .xlsx or .xls ({@link org.huizong.engine.io.ReturnReader}).
 *
 * <p>Out: one protected template per school ({@link org.huizong.engine.io.TemplateWriter}, with
 * defined names {@code F_<field>}, {@code T_<table>_<column>}, {@code X_<rule>} and a very hidden
 * {@code _meta} sheet, see {@link org.huizong.engine.io.MetaSheet}); a
 * {@link org.huizong.engine.model.Return} read back by those names, never by position, with the
 * reader's own findings. Unreadable input is refused with an
 * {@link org.huizong.engine.io.UnreadableReturnException} whose Chinese message names the file.
 */
package org.huizong.engine.io;

/**
 * Spreadsheet input and output, the only engine package (with {@code report}) that touches POI
 * or fastexcel.
 *
 * <p>In: a {@link org.huizong.engine.model.Collection}, a {@link org.huizong.engine.model.Period}
 * and a roster file ({@link org.huizong.engine.io.RosterReader}: CSV in UTF-8 or GBK, or .xlsx);
 * a school's filled workbook, .xlsx or .xls ({@link org.huizong.engine.io.ReturnReader}).
 *
 * <p>Out: one protected template per school ({@link org.huizong.engine.io.TemplateWriter}, POI
 * XSSF, deterministic bytes, sheet and structure password {@code huizong}) with defined names
 * {@code F_<field>} on every field's cell, {@code T_<table>_<key>} on every table column's input
 * range, {@code X_<rule>} on every warning's 说明 cell, {@code S_<rule>} on every check's live
 * status cell (the 校验 sheet checks the rules as the school types: formulas compiled from the
 * rules' ASTs, failing cells coloured), and a very hidden {@code _meta} sheet
 * ({@link org.huizong.engine.io.MetaSheet}); and a {@link org.huizong.engine.model.Return} read
 * back by those names, never by position, totals recomputed, with the reader's own findings
 * ({@code number}, {@code read.dash}, {@code read.fullwidth}, {@code read.formula}). Unreadable
 * input is refused with an {@link org.huizong.engine.io.UnreadableReturnException} whose Chinese
 * message names the file and says what to do; a bad roster with a
 * {@link org.huizong.engine.io.RosterException} listing every bad line.
 */
package org.huizong.engine.io;

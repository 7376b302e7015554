/**
 * Writing templates: one protected, pre-filled workbook per school.
 *
 * <p>In: a {@link org.huizong.engine.model.Collection}, a {@link org.huizong.engine.model.Period},
 * a {@link org.huizong.engine.model.School} and optionally {@link
 * org.huizong.engine.template.ReturnData} to fill in (the demo, tests). Out: the .xlsx bytes
 * ({@link org.huizong.engine.template.TemplateWriter}, POI XSSF, deterministic, sheet and
 * structure password {@code huizong}) with defined names {@code F_<field>} on every field's cell,
 * {@code T_<table>_<key>} on every table column's input range, {@code X_<rule>} on every warning's
 * 说明 cell, {@code S_<rule>} on every check's live status cell (the 校验 sheet checks the rules
 * as the school types: formulas compiled from the rules' ASTs, failing cells coloured), and a
 * very hidden {@code _meta} sheet ({@link org.huizong.engine.template.MetaSheet}), which is the
 * contract the return reader reads back. Never depends on the reader.
 */
package org.huizong.engine.template;

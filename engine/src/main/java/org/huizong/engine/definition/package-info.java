/**
 * The collection definition workbook as bytes: the workbook a bureau statistician authors a
 * collection in (sheets 设置, 字段, 表格, 选项, 规则, 指标, 总结; {@code docs/spec-format.md}).
 *
 * <p>In: .xlsx bytes ({@link org.huizong.engine.definition.DefinitionWorkbookReader}, POI,
 * opened read-only) or a {@link org.huizong.engine.spec.DefinitionBook}. Out: the book's cell
 * texts, or a readable workbook ({@link org.huizong.engine.definition.DefinitionWorkbookWriter}:
 * styled headers, widths, frozen header row, lists on the typed columns, a 填写说明 sheet;
 * deterministic). What the cells mean is {@code engine.spec}'s business.
 */
package org.huizong.engine.definition;

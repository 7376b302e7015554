/**
 * The consolidated workbook and the flat tables for other systems. In: a {@link
 * org.huizong.engine.consolidate.Consolidation}, the narrative paragraphs, the unit it is for and
 * a clock. Out: one .xlsx for A4 printing, in Chinese ({@link
 * org.huizong.engine.report.ReportWriter}), byte-for-byte the same for the same input, whose
 * county tables show 万元 to 2 decimals with 舍位平衡 and which reads back, exactly, as one unit's
 * return a level up ({@code _meta} kind {@code consolidated}, {@code F_} names on the very hidden
 * {@code _totals}, {@code T_} names); flat .xlsx/CSV tables ({@link
 * org.huizong.engine.report.FlatTable}: 学校明细, 未报学校, 汇总数).
 */
package org.huizong.engine.report;

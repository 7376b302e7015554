/**
 * The consolidated workbook. In: a {@link org.huizong.engine.consolidate.Consolidation}, the
 * narrative paragraphs, the unit it is for and a clock. Out: one .xlsx for A4 printing, in
 * Chinese ({@link org.huizong.engine.report.ReportWriter}), byte-for-byte the same for the same
 * input, that reads back as one unit's return a level up ({@code _meta} kind
 * {@code consolidated}, {@code F_} and {@code T_} names). With {@code io}, the only package that
 * touches POI.
 */
package org.huizong.engine.report;

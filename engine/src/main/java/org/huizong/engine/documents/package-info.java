/**
 * Word documents. In: the rendered narrative ({@link org.huizong.engine.narrative.Paragraph}s),
 * a title, optionally the unit and date that sign it, and a clock. Out: the 工作总结 as one .docx
 * in the layout of a 公文 by GB/T 9704-2012 ({@link org.huizong.engine.documents.SummaryDocument}),
 * with the same paragraphs, character for character, as the workbook's 总结 sheet, and
 * byte-for-byte the same for the same input. Touches POI's XWPF only.
 */
package org.huizong.engine.documents;

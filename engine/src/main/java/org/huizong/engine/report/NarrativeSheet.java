package org.huizong.engine.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.huizong.engine.narrative.Paragraph;

/**
 * The written summary (总结): one wrapped paragraph a row, headings in bold, sized for A4
 * portrait. Row heights are estimated from the text, since neither Excel nor LibreOffice grows a
 * row for wrapped text that POI writes.
 */
final class NarrativeSheet {
    static final String NAME = "总结";
    /**
     * Column width in characters: about 31 CJK characters at 12 points in Excel. Narrower than
     * A4 allows, because LibreOffice measures widths with a wider fallback font when Calibri is
     * missing and would then print past the paper's edge.
     */
    private static final double WIDTH = 70;

    private final Book b;

    NarrativeSheet(Book b) {
        this.b = b;
    }

    void write(List<Paragraph> paragraphs) {
        Sheet sheet = b.sheet(NAME);
        Book.width(sheet, 0, WIDTH);
        b.title(sheet, 0, b.unit.name() + b.c.period().label() + "工作总结（数据部分）", 0,
                b.styles.title, 32);
        Book.text(Book.row(sheet, 1), 0, "根据" + b.c.completeness().counted()
                + b.words(b.measure() + "学校报表汇总生成，") + "请核对后使用。", b.styles.subtitle);
        XSSFFont body = b.wb.createFont();
        body.setFontName(Styles.BODY_FONT);
        body.setFontHeightInPoints((short) 12);
        XSSFFont bold = b.wb.createFont();
        bold.setFontName(Styles.BODY_FONT);
        bold.setFontHeightInPoints((short) 12);
        bold.setBold(true);
        int r = 2;
        for (Paragraph p : paragraphs) {
            Row x = Book.row(sheet, r++);
            Cell cell = x.createCell(0);
            String text = "　　" + p.text();
            XSSFRichTextString rich = new XSSFRichTextString(text);
            rich.applyFont(body);
            if (!p.heading().isEmpty()) {
                rich.applyFont(2, 2 + p.heading().length(), bold);
            }
            cell.setCellValue(rich);
            cell.setCellStyle(b.styles.paragraph);
            x.setHeightInPoints(height(text));
        }
        if (paragraphs.isEmpty()) {
            Book.text(Book.row(sheet, r), 0, "（未生成总结文字）", b.styles.plain);
        }
        Book.printA4(sheet, false, 1);
    }

    /**
     * The height in points of a 12-point 宋体 paragraph at {@link #WIDTH}: lines as Excel and WPS
     * wrap it (a CJK character 16 pixels, 2.29 of Calibri's 7-pixel width units; a digit or a
     * Latin letter half that), 17 points a line (宋体 12 in Excel takes 15.6; LibreOffice's
     * fallback CJK fonts 18, and wrap more per line, so their fewer lines still fit), and 4 points
     * of air. Estimated once for every renderer: neither grows a row for wrapped text.
     */
    static float height(String text) {
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += text.charAt(i) < 0x2E80 ? 1.14 : 2.29;
        }
        int lines = (int) Math.ceil(units / (WIDTH - 1));
        return 17f * Math.max(1, lines) + 4;
    }
}

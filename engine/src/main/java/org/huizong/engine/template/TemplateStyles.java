package org.huizong.engine.template;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.FieldType;

/**
 * The cell styles of one template, made once per workbook (Excel caps a workbook's styles). A
 * government form look: 宋体 body, 黑体 title, thin black borders, no gridlines. Colours say what a
 * cell is: pale yellow to fill in, light grey pre-filled, pale green computed, mid grey does not
 * apply.
 */
final class TemplateStyles {
    static final String BODY_FONT = "宋体";
    static final String TITLE_FONT = "黑体";

    /** What a value cell is, which decides its colour and whether it is locked. */
    enum Kind {
        INPUT("FFF2CC", false),
        PREFILLED("F2F2F2", true),
        COMPUTED("E2EFDA", true),
        NOT_APPLICABLE("BFBFBF", true);

        private final String fill;
        private final boolean locked;

        Kind(String fill, boolean locked) {
            this.fill = fill;
            this.locked = locked;
        }
    }

    private final XSSFWorkbook wb;
    private final XSSFFont body;
    private final XSSFFont bold;
    private final Map<String, XSSFCellStyle> values = new HashMap<>();
    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle header;
    final XSSFCellStyle label;
    final XSSFCellStyle centered;
    final XSSFCellStyle note;
    final XSSFCellStyle paragraph;
    final XSSFCellStyle heading;

    TemplateStyles(XSSFWorkbook wb) {
        this.wb = wb;
        body = font(11, false, BODY_FONT);
        bold = font(11, true, BODY_FONT);
        title = wb.createCellStyle();
        title.setFont(font(16, true, TITLE_FONT));
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        subtitle = wb.createCellStyle();
        subtitle.setFont(font(10, false, BODY_FONT));
        subtitle.setVerticalAlignment(VerticalAlignment.CENTER);
        header = bordered(bold, HorizontalAlignment.CENTER);
        fill(header, "DDEBF7");
        label = bordered(body, HorizontalAlignment.LEFT);
        centered = bordered(body, HorizontalAlignment.CENTER);
        note = bordered(font(9, false, BODY_FONT), HorizontalAlignment.LEFT);
        paragraph = wb.createCellStyle();
        paragraph.setFont(body);
        paragraph.setWrapText(true);
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
        heading = wb.createCellStyle();
        heading.setFont(bold);
        heading.setVerticalAlignment(VerticalAlignment.CENTER);
    }

    /**
     * The style of a value cell of {@code type}; text and phone cells are formatted as text so
     * that Excel keeps a phone number's leading zero and does not turn 1-2 into a date.
     */
    XSSFCellStyle value(Kind kind, FieldType type) {
        return values.computeIfAbsent(kind + "/" + type, k -> {
            XSSFCellStyle s = bordered(kind == Kind.COMPUTED ? bold : body,
                    type.isNumeric() ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT);
            fill(s, kind.fill);
            s.setLocked(kind.locked);
            s.setDataFormat(wb.createDataFormat().getFormat(format(type)));
            return s;
        });
    }

    /** A free-text input (a 说明), wrapped. */
    XSSFCellStyle explanation(boolean input) {
        return values.computeIfAbsent("explanation/" + input, k -> {
            XSSFCellStyle s = bordered(body, HorizontalAlignment.LEFT);
            fill(s, input ? Kind.INPUT.fill : Kind.NOT_APPLICABLE.fill);
            s.setLocked(!input);
            s.setDataFormat(wb.createDataFormat().getFormat("@"));
            return s;
        });
    }

    private static String format(FieldType type) {
        return switch (type) {
            case MONEY -> "0.0000";
            case AREA -> "0.00";
            case COUNT -> "General";
            case TEXT, ENUM, PHONE -> "@";
        };
    }

    private XSSFFont font(int points, boolean isBold, String name) {
        XSSFFont f = wb.createFont();
        f.setFontName(name);
        f.setFontHeightInPoints((short) points);
        f.setBold(isBold);
        return f;
    }

    private XSSFCellStyle bordered(XSSFFont font, HorizontalAlignment align) {
        XSSFCellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setAlignment(align);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static void fill(XSSFCellStyle s, String rgbHex) {
        byte[] rgb = new byte[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = (byte) Integer.parseInt(rgbHex.substring(2 * i, 2 * i + 2), 16);
        }
        s.setFillForegroundColor(new XSSFColor(rgb, null));
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
}

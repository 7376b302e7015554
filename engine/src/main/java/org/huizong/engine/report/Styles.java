package org.huizong.engine.report;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Indicator;

/**
 * The cell styles of one report workbook, made once: 宋体 for text and figures, 黑体 for titles
 * and headers, thin borders on tables, number formats by unit. Number styles are cached by format
 * so the workbook holds each style once.
 */
final class Styles {
    static final String BODY_FONT = "宋体";
    static final String TITLE_FONT = "黑体";

    /** Counts, 人/所/项. */
    static final String COUNT = "#,##0";
    /** 万元 to the yuan, as collected: the per-school detail and lists. */
    static final String MONEY = "#,##0.0000";
    /** 万元 to the hundred yuan: county tables ({@link Shown#MONEY_SCALE}). */
    static final String MONEY_SHOWN = "#,##0.00";
    /** 平方米. */
    static final String AREA = "#,##0.00";

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle section;
    final CellStyle header;
    final CellStyle text;
    final CellStyle textCenter;
    final CellStyle textWrap;
    final CellStyle plain;
    final CellStyle plainBold;
    /** A note under a table: wrapped, no border, top-aligned. */
    final CellStyle note;
    final CellStyle paragraph;
    final CellStyle dateTime;
    final CellStyle warning;
    /** The 表号 block at a table's top right. */
    final CellStyle furniture;

    private final XSSFWorkbook wb;
    private final Font bodyFont;
    private final Map<String, CellStyle> numbers = new HashMap<>();

    Styles(XSSFWorkbook wb) {
        this.wb = wb;
        bodyFont = font(BODY_FONT, 10.5, false);
        Font titleFont = font(TITLE_FONT, 16, false);
        Font headerFont = font(TITLE_FONT, 10.5, false);
        title = style(titleFont, HorizontalAlignment.CENTER, false, false);
        subtitle = style(bodyFont, HorizontalAlignment.CENTER, false, false);
        section = style(font(TITLE_FONT, 12, false), HorizontalAlignment.LEFT, false, false);
        header = style(headerFont, HorizontalAlignment.CENTER, true, true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = style(bodyFont, HorizontalAlignment.LEFT, true, false);
        textCenter = style(bodyFont, HorizontalAlignment.CENTER, true, false);
        textWrap = style(bodyFont, HorizontalAlignment.LEFT, true, true);
        plain = style(bodyFont, HorizontalAlignment.LEFT, false, false);
        plainBold = style(headerFont, HorizontalAlignment.LEFT, false, false);
        note = style(bodyFont, HorizontalAlignment.LEFT, false, true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        paragraph = style(font(BODY_FONT, 12, false), HorizontalAlignment.JUSTIFY, false, true);
        // a paragraph's row is estimated, not measured: what it has to spare falls below it
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
        dateTime = style(bodyFont, HorizontalAlignment.CENTER, true, false);
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        warning = style(bodyFont, HorizontalAlignment.LEFT, true, true);
        warning.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        warning.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        furniture = style(font(BODY_FONT, 9, false), HorizontalAlignment.RIGHT, false, false);
    }

    /** The number format of a field type's values. */
    static String format(FieldType type) {
        return switch (type) {
            case MONEY -> MONEY;
            case AREA -> AREA;
            default -> COUNT;
        };
    }

    /** The number format of a field type's values in a county table: 万元 to 2 decimals. */
    static String shown(FieldType type) {
        return type == FieldType.MONEY ? MONEY_SHOWN : format(type);
    }

    /**
     * The format of an indicator: a percentage with its decimals, or a plain number; 万元 with
     * at most {@link Shown#MONEY_SCALE} decimals, as county tables show money.
     */
    static String format(Indicator i) {
        int places = places(i);
        String decimals = places > 0 ? "." + "0".repeat(places) : "";
        return i.isPercent() ? "0" + decimals + "%" : "#,##0" + decimals;
    }

    /** The decimals an indicator shows: its own, 万元 at most {@link Shown#MONEY_SCALE}. */
    static int places(Indicator i) {
        return "万元".equals(i.unit()) ? Math.min(i.decimals(), Shown.MONEY_SCALE) : i.decimals();
    }

    /**
     * A format that always shows the sign, and a change of nothing as a bare 0: +1,234.50 /
     * -1,234.50 / 0, never +0.00.
     */
    static String signed(String format) {
        return "+" + format + ";-" + format + ";0";
    }

    /** A bordered, right-aligned number cell style with this format. */
    CellStyle number(String format) {
        return numbers.computeIfAbsent(format, f -> {
            CellStyle s = style(bodyFont, HorizontalAlignment.RIGHT, true, false);
            s.setDataFormat(wb.createDataFormat().getFormat(f));
            return s;
        });
    }

    CellStyle number(FieldType type) {
        return number(format(type));
    }

    private Font font(String name, double points, boolean bold) {
        Font f = wb.createFont();
        f.setFontName(name);
        f.setFontHeight((short) Math.round(points * 20));
        f.setBold(bold);
        return f;
    }

    private CellStyle style(Font font, HorizontalAlignment align, boolean border, boolean wrap) {
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setAlignment(align);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(wrap);
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        return s;
    }
}

package org.huizong.engine.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Value;

/**
 * What every sheet writer needs: the workbook, its styles, the consolidation and who it is for,
 * plus small cell helpers. Text is always written as a text cell, so a school name starting with
 * {@code =} stays text and never becomes a formula.
 */
final class Book {
    /** What a statistical table shows where a figure does not apply or cannot be computed. */
    static final String DASH = "—";

    final XSSFWorkbook wb;
    final Styles styles;
    final Collection collection;
    final Consolidation c;
    final Unit unit;
    final Scope scope;
    final ZoneId zone;
    final Instant generated;
    /**
     * Whether the book consolidates units' books (a city's roster of counties, type
     * 汇总单位) rather than schools' returns: decided once, labels ask for it row by row.
     */
    private final boolean ofUnits;
    /** Where new sheets go: {@link #wb} itself, or a streaming wrapper of it for big sheets. */
    private Workbook sheets;

    /**
     * Who the book is for.
     *
     * @param code the unit code written to {@code _meta} and {@code F_info_code}
     * @param name the unit's name (某某县教育局), written to {@code F_info_name}
     * @param area the area word: 县 gives 全县汇总 and 全县, 市 gives 全市汇总
     */
    record Unit(String code, String name, String area) {
    }

    /**
     * Which returns count and by when they were due.
     *
     * @param statement the scope in the bureau's words, empty when not stated
     * @param deadline returns sent after it are 逾期
     */
    record Scope(String statement, Optional<Deadline> deadline) {
        static final Scope NONE = new Scope("", Optional.empty());

        /** Whether a return sent at {@code time} was late. */
        boolean late(Optional<Instant> time) {
            return deadline.isPresent() && time.isPresent()
                    && !time.get().isBefore(deadline.get().end());
        }
    }

    /** The day returns are due, and the instant that day ends where the bureau is. */
    record Deadline(LocalDate day, Instant end) {
    }

    Book(XSSFWorkbook wb, Collection collection, Consolidation c, Unit unit, Scope scope,
            ZoneId zone, Instant generated) {
        this.wb = wb;
        this.styles = new Styles(wb);
        this.collection = collection;
        this.c = c;
        this.unit = unit;
        this.scope = scope;
        this.zone = zone;
        this.generated = generated;
        this.sheets = wb;
        this.ofUnits = !c.schools().isEmpty()
                && c.schools().stream().allMatch(s -> s.school().isUnit());
    }

    /**
     * From now on, new sheets are written through {@code streaming}, a streaming wrapper of
     * {@link #wb} that keeps only a window of rows in memory: 学校明细 for 5,000 schools is
     * 600,000 cells.
     */
    void stream(Workbook streaming) {
        this.sheets = streaming;
    }

    /** A new sheet, in memory or streamed (see {@link #stream}), named by {@link #words}. */
    Sheet sheet(String name) {
        return sheets.createSheet(words(name));
    }

    /** 全县 (or 全市): the whole area. */
    String whole() {
        return "全" + unit.area();
    }

    /**
     * A label as a county's book words it (学校标识码, 应报学校, 学校明细, 按乡镇), worded for
     * units in a book of units (单位标识码, 应报单位, 单位明细, 按县区: a city's roster gives
     * each county's name where a school's roster gives its township).
     */
    String words(String label) {
        return ofUnits ? label.replace("逐校", "逐个").replace("各校", "各单位")
                .replace("学校", "单位").replace("乡镇", "县区") : label;
    }

    /** Every label of a header row, worded by {@link #words}. */
    String[] words(String[] labels) {
        String[] out = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = words(labels[i]);
        }
        return out;
    }

    /** The measure word of a count of schools, 所, or of units, 个. */
    String measure() {
        return ofUnits ? "个" : "所";
    }

    /** The book's heading: 某某县教育局2024年上半年教育工作半年报表汇总. */
    String heading() {
        return unit.name() + c.period().label() + collection.title() + "汇总";
    }

    LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, zone);
    }

    String show(Instant t) {
        return local(t).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    static Row row(Sheet sheet, int index) {
        Row r = sheet.getRow(index);
        return r != null ? r : sheet.createRow(index);
    }

    static Cell text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    static Cell number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
        return cell;
    }

    /** A number, or {@link #DASH} where there is none (a rate over 0, no previous figure). */
    static Cell number(Row row, int col, Optional<BigDecimal> value, CellStyle style) {
        if (value.isPresent()) {
            return number(row, col, value.get(), style);
        }
        return text(row, col, DASH, style);
    }

    /** {@link #DASH} in a bordered table cell: the figure does not apply here. */
    static Cell dash(Row row, int col, Styles styles) {
        return text(row, col, DASH, styles.textCenter);
    }

    static Cell blank(Row row, int col, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        return cell;
    }

    /** A value as read from a return: a number with the field's format, text as text. */
    static Cell value(Row row, int col, Value value, CellStyle numberStyle, CellStyle textStyle) {
        if (value instanceof Value.Num n) {
            return number(row, col, n.value(), numberStyle);
        }
        return value == null ? blank(row, col, textStyle)
                : text(row, col, value.display(), textStyle);
    }

    /** A title across columns {@code 0..lastCol} of a row. */
    void title(Sheet sheet, int rowIndex, String value, int lastCol, CellStyle style,
            float points) {
        title(sheet, rowIndex, value, 0, lastCol, style, points);
    }

    private static void title(Sheet sheet, int rowIndex, String value, int firstCol,
            int lastCol, CellStyle style, float points) {
        Row r = row(sheet, rowIndex);
        r.setHeightInPoints(points);
        text(r, firstCol, value, style);
        if (lastCol > firstCol) {
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, firstCol, lastCol));
        }
    }

    /** The title row and the subtitle row (unit, period) every sheet starts with. */
    void heading(Sheet sheet, String what, int lastCol) {
        heading(sheet, what, 0, lastCol);
    }

    /**
     * The heading over columns {@code firstCol..lastCol} only: on a sheet that repeats its first
     * columns on every printed page, a heading over them would print cut on the later pages.
     */
    void heading(Sheet sheet, String what, int firstCol, int lastCol) {
        title(sheet, 0, heading() + "·" + words(what), firstCol, lastCol, styles.title, 30);
        boolean money = collection.fields().stream()
                .anyMatch(f -> f.type() == org.huizong.engine.model.FieldType.MONEY);
        title(sheet, 1, "填报单位：" + unit.name() + "（" + unit.code() + "）    报告期："
                + c.period().label() + (money ? "    金额单位：万元" : "") + "    生成时间："
                + show(generated), firstCol, lastCol, styles.subtitle, 20);
    }

    /**
     * A note across columns {@code firstCol..lastCol} of a row, wrapped, the row as high as the
     * text needs at the columns' widths (set them first).
     */
    void note(Sheet sheet, int rowIndex, String text, int firstCol, int lastCol) {
        Row r = row(sheet, rowIndex);
        text(r, firstCol, text, styles.note);
        double chars = 0;
        for (int c = firstCol; c <= lastCol; c++) {
            chars += sheet.getColumnWidth(c) / 256.0;
        }
        if (lastCol > firstCol) {
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, firstCol, lastCol));
        }
        r.setHeightInPoints(FindingsSheet.rowHeight(text, chars));
    }

    /**
     * Prints on A4, fitted to {@code pagesWide} pages across (0: any), centred, with page numbers
     * in the footer.
     */
    static void printA4(Sheet sheet, boolean landscape, int pagesWide) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(landscape);
        sheet.setFitToPage(true);
        ps.setFitWidth((short) pagesWide);
        ps.setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    /** Column width in characters (a CJK character is about two). */
    static void width(Sheet sheet, int col, double chars) {
        sheet.setColumnWidth(col, (int) Math.round(chars * 256));
    }
}

package org.huizong.engine.definition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.spec.DefinitionBook;
import org.huizong.engine.spec.DefinitionLayout;
import org.huizong.engine.spec.DefinitionLayout.Column;
import org.huizong.engine.xlsx.Zips;

/**
 * Writes a definition book as a workbook a statistician can read and edit: a 填写说明 sheet with
 * what goes in every column and an example, then the definition sheets, each with a bold frozen
 * header row (locked; the rest may be edited, rows inserted and deleted), widths that fit,
 * wrapped long texts, and drop-down lists with prompts on the columns with a closed set of
 * values (类型, 必填, 级别, 报告期类型 ...). Deterministic: the same book gives the same bytes.
 */
public final class DefinitionWorkbookWriter {
    /** Rows below the data that still get the drop-down lists, for the rows a user adds. */
    private static final int SPARE_ROWS = 300;
    private static final Set<String> YES_NO = Set.of("必填", "预填", "使用时必填");
    private static final Set<String> NUMBERS = Set.of("小数位", "行数");

    private final XSSFWorkbook wb;
    private final XSSFCellStyle header;
    private final XSSFCellStyle body;

    private DefinitionWorkbookWriter(XSSFWorkbook wb) {
        this.wb = wb;
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        body = wb.createCellStyle();
        body.setLocked(false);
        body.setWrapText(true);
        body.setVerticalAlignment(VerticalAlignment.TOP);
    }

    /** The workbook's bytes. */
    public static byte[] write(DefinitionBook book) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            DefinitionWorkbookWriter w = new DefinitionWorkbookWriter(wb);
            w.guide();
            for (String name : DefinitionLayout.sheets()) {
                w.sheet(name, book.findSheet(name).orElse(List.of()));
            }
            Date when = Date.from(Zips.BOOK_STAMP.atOffset(ZoneOffset.UTC).toInstant());
            wb.getProperties().getCoreProperties().setCreated(Optional.of(when));
            wb.getProperties().getCoreProperties().setModified(Optional.of(when));
            wb.getProperties().getCoreProperties().setCreator("huizong");
            wb.setActiveSheet(1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            wb.write(out);
            return Zips.normalize(out.toByteArray(), Zips.BOOK_STAMP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void guide() {
        XSSFSheet s = wb.createSheet(DefinitionLayout.GUIDE);
        List<String> heads = List.of("工作表", "列", "填写内容", "示例");
        int[] widths = {10, 14, 70, 40};
        for (int c = 0; c < widths.length; c++) {
            s.setColumnWidth(c, widths[c] * 256 + 512);
        }
        row(s, 0, heads, header);
        int r = 1;
        for (String name : DefinitionLayout.sheets()) {
            for (Column c : DefinitionLayout.columns(name)) {
                row(s, r++, List.of(name, c.header() + (c.required() ? "（必填）" : ""), c.help(),
                        c.example()), body);
            }
        }
        s.createFreezePane(0, 1);
        printSetup(s);
    }

    private void sheet(String name, List<List<String>> rows) {
        XSSFSheet s = wb.createSheet(name);
        List<Column> columns = DefinitionLayout.columns(name);
        for (int c = 0; c < columns.size(); c++) {
            s.setColumnWidth(c, columns.get(c).width() * 256 + 512);
            s.setDefaultColumnStyle(c, body);
        }
        row(s, 0, rows.isEmpty() ? DefinitionLayout.headers(name) : rows.get(0), header);
        for (int r = 1; r < rows.size(); r++) {
            row(s, r, rows.get(r), body);
        }
        s.createFreezePane(name.equals(DefinitionLayout.FIELDS) ? 3 : 0, 1);
        lists(s, name, columns, rows.size() + SPARE_ROWS);
        printSetup(s);
        s.protectSheet("");
        s.lockInsertRows(false);
        s.lockDeleteRows(false);
        s.lockFormatCells(false);
        s.lockFormatColumns(false);
        s.lockFormatRows(false);
        s.lockSort(false);
        s.lockAutoFilter(false);
        s.lockSelectLockedCells(false);
        s.lockSelectUnlockedCells(false);
    }

    /** Printed (and shown as PDF) landscape, one page wide, the header row on every page. */
    private static void printSetup(XSSFSheet s) {
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
    }

    private void lists(XSSFSheet s, String name, List<Column> columns, int lastRow) {
        for (int c = 0; c < columns.size(); c++) {
            String h = columns.get(c).header();
            List<String> values = h.equals("类型") ? DefinitionLayout.typeNames()
                    : YES_NO.contains(h) ? List.of(DefinitionLayout.YES, DefinitionLayout.NO)
                    : h.equals("级别") ? List.of(DefinitionLayout.ERROR, DefinitionLayout.WARNING)
                    : name.equals(DefinitionLayout.SETTINGS) && h.equals("项目")
                    ? List.of(DefinitionLayout.ID, DefinitionLayout.TITLE, DefinitionLayout.VERSION,
                            DefinitionLayout.PERIOD, DefinitionLayout.SCHOOL_TYPES,
                            DefinitionLayout.GROUP, DefinitionLayout.SHEET)
                    : List.of();
            if (!values.isEmpty()) {
                list(s, values, c, c, 1, lastRow, columns.get(c));
            }
        }
        if (name.equals(DefinitionLayout.SETTINGS)) {
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                XSSFRow row = s.getRow(r);
                if (row != null && row.getCell(0) != null && DefinitionLayout.PERIOD
                        .equals(row.getCell(0).getStringCellValue())) {
                    list(s, DefinitionLayout.periodNames(), 1, 1, r, r,
                            new Column(DefinitionLayout.PERIOD, 0, true,
                                    "月报、季报、半年报、年报 或 学年报", ""));
                }
            }
        }
    }

    private static void list(XSSFSheet s, List<String> values, int firstColumn, int lastColumn,
            int firstRow, int lastRow, Column about) {
        DataValidationHelper helper = s.getDataValidationHelper();
        DataValidation v = helper.createValidation(
                helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(firstRow, lastRow, firstColumn, lastColumn));
        v.setShowErrorBox(true);
        v.createErrorBox("请从列表中选择", about.header() + "只能是：" + String.join("、", values));
        v.setShowPromptBox(true);
        v.createPromptBox(about.header(), about.help());
        v.setEmptyCellAllowed(true);
        s.addValidationData(v);
    }

    private void row(XSSFSheet s, int r, List<String> cells, XSSFCellStyle style) {
        XSSFRow row = s.createRow(r);
        List<String> heads = r == 0 || s.getRow(0) == null ? List.of() : headers(s);
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c);
            lines = Math.max(lines, lines(text, s.getColumnWidth(c) / 256));
            var cell = row.createCell(c);
            cell.setCellStyle(style);
            if (c < heads.size() && NUMBERS.contains(heads.get(c)) && text.matches("\\d{1,6}")) {
                cell.setCellValue(Integer.parseInt(text));
            } else if (!text.isEmpty()) {
                cell.setCellValue(text);
            }
        }
        row.setHeightInPoints(Math.min(lines, 12) * 15f + 3f);
    }

    /**
     * How many lines a wrapped text takes in a column {@code width} characters wide, a Chinese
     * character as wide as 1.7 digits; viewers do not grow rows for wrapped text on their own.
     */
    static int lines(String text, int width) {
        int room = Math.max(width, 2) * 10;
        int lines = 0;
        for (String part : text.split("\n", -1)) {
            int tenths = 0;
            for (int i = 0; i < part.length(); i++) {
                tenths += part.charAt(i) < 0x2E80 ? 10 : 17;
            }
            lines += Math.max(1, (tenths + room - 1) / room);
        }
        return lines;
    }

    private static List<String> headers(XSSFSheet s) {
        XSSFRow h = s.getRow(0);
        List<String> out = new java.util.ArrayList<>();
        for (int c = 0; c < h.getLastCellNum(); c++) {
            out.add(h.getCell(c) == null ? "" : h.getCell(c).getStringCellValue());
        }
        return out;
    }
}

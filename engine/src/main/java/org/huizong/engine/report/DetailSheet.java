package org.huizong.engine.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.huizong.engine.consolidate.SchoolStatus;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Value;

/**
 * One row per counted school, every form field a column (grouped under its sheet's title), in
 * roster order; the columns sum to the totals. The header is frozen with the school's code and
 * name, and filters are on.
 *
 * <p>Printed landscape at a fixed {@link #SCALE}, legible, rather than shrunk to a few pages: the
 * columns are cut into pages at a group's edge where the group fits on a page (within it where
 * it does not), each page repeats both header rows and 序号, 学校标识码, 学校名称, and a group
 * cut across pages is titled again on each (学生资助（续）), so no group fill runs past a page's
 * edge. Pages go down then across: every school of the first columns, then the next columns.
 * The heading stands right of the identity columns, which later pages repeat.
 */
final class DetailSheet {
    static final String NAME = "学校明细";
    private static final int HEADER_ROW = 3;
    /** 序号, 学校标识码, 学校名称: repeated on every printed page. */
    private static final int IDENTITY_COLS = 3;
    /**
     * Print scale in percent: 10.5-point text prints at 6.8 points, and 学校基本情况 and 招生与考试
     * fit a page each.
     */
    private static final int SCALE = 65;

    private final Book b;

    DetailSheet(Book b) {
        this.b = b;
    }

    void write() {
        org.apache.poi.ss.usermodel.Sheet sheet = b.sheet(NAME);
        List<Field> fields = b.collection.fields();
        int lastCol = fields.size() + 1;
        List<int[]> groups = widths(sheet, fields, lastCol);
        List<int[]> pages = pages(sheet, groups);
        b.heading(sheet, NAME, IDENTITY_COLS, pages.get(0)[1]);
        wrapSubtitle(sheet, chars(sheet, IDENTITY_COLS, pages.get(0)[1]));
        Row groupRow = Book.row(sheet, HEADER_ROW - 1);
        Row labels = Book.row(sheet, HEADER_ROW);
        float high = 20;
        // the first two fields are the school's code and name in every standard collection
        String[] identity = {"序号", fields.size() > 0 ? fields.get(0).labelWithUnit() : "",
            fields.size() > 1 ? fields.get(1).labelWithUnit() : ""};
        for (int k = 0; k < IDENTITY_COLS; k++) {
            spanBothRows(sheet, groupRow, labels, k, identity[k]);
        }
        for (int k = IDENTITY_COLS - 1; k < fields.size(); k++) {
            Field f = fields.get(k);
            Book.text(labels, 1 + k, f.labelWithUnit(), b.styles.header);
            high = Math.max(high, FindingsSheet.rowHeight(f.labelWithUnit(),
                    sheet.getColumnWidth(1 + k) / 256.0));
        }
        labels.setHeightInPoints(high);
        spanBothRows(sheet, groupRow, labels, lastCol, "报送文件");
        float groupHigh = 20;
        for (int[] g : groups) {
            groupHigh = Math.max(groupHigh, groupTitles(sheet, groupRow, g, pages));
        }
        groupRow.setHeightInPoints(groupHigh);
        int r = HEADER_ROW + 1;
        for (SchoolStatus s : b.c.schools()) {
            if (!s.status().isCounted()) {
                continue;
            }
            Row x = Book.row(sheet, r);
            Book.text(x, 0, String.valueOf(r - HEADER_ROW), b.styles.textCenter);
            for (int k = 0; k < fields.size(); k++) {
                Field f = fields.get(k);
                Book.value(x, 1 + k, s.values().get(f.id()), b.styles.number(f.type()),
                        b.styles.text);
            }
            Book.text(x, lastCol, s.file().orElse(""), b.styles.text);
            r++;
        }
        sheet.createFreezePane(IDENTITY_COLS, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0,
                lastCol));
        print(sheet, pages);
    }

    /**
     * The subtitle (unit, period, time) wrapped when the first page's columns are narrower than
     * it, as a collection of few text fields makes them: one line, it would print cut.
     */
    private void wrapSubtitle(org.apache.poi.ss.usermodel.Sheet sheet, double width) {
        Row r = sheet.getRow(1);
        org.apache.poi.ss.usermodel.Cell cell = r.getCell(IDENTITY_COLS);
        float high = FindingsSheet.rowHeight(cell.getStringCellValue(), width);
        if (high > FindingsSheet.rowHeight("", width)) {
            org.apache.poi.ss.usermodel.CellStyle wrapped = b.wb.createCellStyle();
            wrapped.cloneStyleFrom(cell.getCellStyle());
            wrapped.setWrapText(true);
            cell.setCellStyle(wrapped);
            r.setHeightInPoints(high);
        }
    }

    private void spanBothRows(org.apache.poi.ss.usermodel.Sheet sheet, Row top, Row bottom,
            int col, String label) {
        Book.text(top, col, label, b.styles.header);
        Book.blank(bottom, col, b.styles.header);
        sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW, col, col));
    }

    /**
     * Sets every column's width and returns the groups to the right of the identity columns:
     * {first column, last column, index of the form sheet}, the last one 报送文件's column alone
     * (index -1).
     */
    private List<int[]> widths(org.apache.poi.ss.usermodel.Sheet sheet, List<Field> fields,
            int lastCol) {
        Book.width(sheet, 0, 5);
        Book.width(sheet, 1, 12);
        Book.width(sheet, 2, fields.size() > 1 ? longest(1, 20, 30) : 20);
        List<int[]> groups = new ArrayList<>();
        int col = 1;
        List<Sheet> sheets = b.collection.sheets();
        for (int i = 0; i < sheets.size(); i++) {
            List<Field> fs = sheets.get(i).fields();
            int first = Math.max(col, IDENTITY_COLS);
            for (int k = 0; k < fs.size(); k++) {
                if (col + k >= IDENTITY_COLS) {
                    Book.width(sheet, col + k, fs.get(k).type().isNumeric() ? 9
                            : longest(col + k - 1, 6, 16));
                }
            }
            col += fs.size();
            if (col - 1 >= first) {
                groups.add(new int[] {first, col - 1, i});
            }
        }
        Book.width(sheet, lastCol, longest(-1, 12, 40));
        groups.add(new int[] {lastCol, lastCol, -1});
        return groups;
    }

    /**
     * The width in characters of the longest text of the field at {@code fieldIndex} (or of
     * the file name, -1) over the counted schools, within {@code min..max}: a text cell does not
     * spill into a filled neighbour, so a narrower column cuts it.
     */
    private double longest(int fieldIndex, double min, double max) {
        double widest = min;
        String id = fieldIndex < 0 ? null : b.collection.fields().get(fieldIndex).id();
        for (SchoolStatus s : b.c.schools()) {
            if (!s.status().isCounted()) {
                continue;
            }
            Value v = id == null ? null : s.values().get(id);
            String text = id == null ? s.file().orElse("") : v == null ? "" : v.display();
            double units = 1;
            for (int i = 0; i < text.length(); i++) {
                units += text.charAt(i) < 0x2E80 ? 1.1 : 2.1;
            }
            widest = Math.max(widest, units);
        }
        return Math.min(max, widest);
    }

    /**
     * The printed pages across, as {first column, last column} right of the identity columns: a
     * group starts a new page when it does not fit on the current one but would on its own; a
     * group wider than a page fills pages column by column.
     */
    private static List<int[]> pages(org.apache.poi.ss.usermodel.Sheet sheet,
            List<int[]> groups) {
        double identity = chars(sheet, 0, IDENTITY_COLS - 1);
        double budget = PageBreaks.landscapeCharacters(SCALE) - identity;
        List<int[]> pages = new ArrayList<>();
        int start = IDENTITY_COLS;
        double used = 0;
        for (int[] g : groups) {
            double w = chars(sheet, g[0], g[1]);
            if (used > 0 && used + w > budget && w <= budget) {
                pages.add(new int[] {start, g[0] - 1});
                start = g[0];
                used = 0;
            }
            for (int c = g[0]; c <= g[1]; c++) {
                double cw = chars(sheet, c, c);
                if (used > 0 && used + cw > budget) {
                    pages.add(new int[] {start, c - 1});
                    start = c;
                    used = 0;
                }
                used += cw;
            }
        }
        pages.add(new int[] {start, groups.get(groups.size() - 1)[1]});
        return pages;
    }

    /** The width in characters of columns {@code first..last}. */
    private static double chars(org.apache.poi.ss.usermodel.Sheet sheet, int first, int last) {
        double w = 0;
        for (int c = first; c <= last; c++) {
            w += sheet.getColumnWidth(c) / 256.0;
        }
        return w;
    }

    /**
     * A group's title over its columns on each page it is printed on, merged within the page:
     * the sheet's title on the first, with （续） after it on the next.
     *
     * @return the height in points the titles need, wrapped
     */
    private float groupTitles(org.apache.poi.ss.usermodel.Sheet sheet, Row groupRow, int[] g,
            List<int[]> pages) {
        float high = 0;
        if (g[2] < 0) {
            return high;
        }
        String title = b.collection.sheets().get(g[2]).title();
        boolean first = true;
        for (int[] p : pages) {
            int from = Math.max(g[0], p[0]);
            int to = Math.min(g[1], p[1]);
            if (from > to) {
                continue;
            }
            String text = first ? title : title + "（续）";
            Book.text(groupRow, from, text, b.styles.header);
            high = Math.max(high, FindingsSheet.rowHeight(text, chars(sheet, from, to)));
            for (int c = from + 1; c <= to; c++) {
                Book.blank(groupRow, c, b.styles.header);
            }
            if (to > from) {
                sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, from,
                        to));
            }
            first = false;
        }
        return high;
    }

    /**
     * Landscape A4 at {@link #SCALE}, a column break after each page but the last, both header
     * rows and the identity columns on every page, down then across.
     */
    private static void print(org.apache.poi.ss.usermodel.Sheet sheet, List<int[]> pages) {
        Book.printA4(sheet, true, 1);
        sheet.setFitToPage(false);
        sheet.getPrintSetup().setScale((short) SCALE);
        sheet.getPrintSetup().setLeftToRight(false);
        for (int i = 0; i + 1 < pages.size(); i++) {
            sheet.setColumnBreak(pages.get(i)[1]);
        }
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW, -1, -1));
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, IDENTITY_COLS - 1));
    }
}

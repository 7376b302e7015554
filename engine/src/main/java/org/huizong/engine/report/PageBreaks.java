package org.huizong.engine.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Page breaks that keep each table of a sheet of several tables (全县汇总's sections) on one
 * printed page with its header rows, where it fits on a page at all: a table that would run over
 * the end of a page starts on the next one.
 *
 * <p>Estimated, not measured: the page's printable height in points (A4 less the margins {@link
 * Book#printA4} sets), enlarged by the fit-to-width scale (column widths at 7.2 points a
 * character), against the rows' heights; a 5% reserve covers the estimate's error.
 */
final class PageBreaks {
    private static final double A4_SHORT = 595.3;
    private static final double A4_LONG = 841.9;
    /** The margins Book#printA4 sets: 0.5 inch left and right, 0.6 inch top and bottom. */
    private static final double SIDE_MARGINS = 72;
    private static final double TOP_BOTTOM_MARGINS = 86.4;
    /** Calibrated on LibreOffice's print of the demo book (a 164-character-wide sheet at 65%). */
    private static final double POINTS_PER_CHARACTER = 7.2;
    private static final double RESERVE = 0.95;

    private PageBreaks() {
    }

    /**
     * The characters of column width that print across landscape A4 at {@code scale} percent,
     * less the reserve: 143 at 70%.
     */
    static double landscapeCharacters(int scale) {
        return (A4_LONG - SIDE_MARGINS) / POINTS_PER_CHARACTER * 100 / scale * RESERVE;
    }

    /**
     * @param starts the zero-based first row of each table, in order, then the row after the
     *     last one
     * @param landscape whether the sheet prints landscape
     */
    static void keepTogether(Sheet sheet, List<Integer> starts, boolean landscape) {
        double width = 0;
        int lastCol = 0;
        for (int r = 0; r < starts.get(starts.size() - 1); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                lastCol = Math.max(lastCol, row.getLastCellNum() - 1);
            }
        }
        for (int c = 0; c <= lastCol; c++) {
            width += sheet.getColumnWidth(c) / 256.0 * POINTS_PER_CHARACTER;
        }
        double printableWidth = (landscape ? A4_LONG : A4_SHORT) - SIDE_MARGINS;
        double printableHeight = (landscape ? A4_SHORT : A4_LONG) - TOP_BOTTOM_MARGINS;
        double scale = Math.min(1, printableWidth / Math.max(1, width));
        double page = printableHeight / scale * RESERVE;
        double used = height(sheet, 0, starts.get(0));
        for (int i = 0; i + 1 < starts.size(); i++) {
            double table = height(sheet, starts.get(i), starts.get(i + 1));
            if (used > 0 && used + table > page) {
                sheet.setRowBreak(starts.get(i) - 1);
                used = 0;
            }
            used += table;
            while (used > page) {
                used -= page;
            }
        }
    }

    /** The height in points of rows {@code from} (inclusive) to {@code to} (exclusive). */
    private static double height(Sheet sheet, int from, int to) {
        double h = 0;
        for (int r = from; r < to; r++) {
            Row row = sheet.getRow(r);
            h += row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
        }
        return h;
    }
}

package org.huizong.engine.template;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.huizong.engine.model.Furniture;

/**
 * What makes a sheet look and print like a government form: merged title rows, A4 fit to width
 * with repeated header rows, frozen panes under the header, no gridlines, and row heights that
 * fit wrapped Chinese text (POI does not measure text, so heights are estimated from display
 * width: a CJK character is two columns wide).
 */
final class SheetLook {
    /** Points per line of 11-point 宋体, with leading. */
    private static final float LINE_POINTS = 15f;
    private static final float MIN_ROW_POINTS = 21f;

    private SheetLook() {
    }

    static void titleRows(XSSFSheet sheet, TemplateStyles styles, String title, String subtitle,
            int lastColumn) {
        Row t = sheet.createRow(TemplateLayout.TITLE_ROW);
        t.setHeightInPoints(30);
        Cell tc = t.createCell(0);
        tc.setCellValue(title);
        tc.setCellStyle(styles.title);
        Row s = sheet.createRow(TemplateLayout.SUBTITLE_ROW);
        s.setHeightInPoints(20);
        Cell sc = s.createCell(0);
        sc.setCellValue(subtitle);
        sc.setCellStyle(styles.subtitle);
        if (lastColumn > 0) {
            sheet.addMergedRegion(new CellRangeAddress(TemplateLayout.TITLE_ROW,
                    TemplateLayout.TITLE_ROW, 0, lastColumn));
            sheet.addMergedRegion(new CellRangeAddress(TemplateLayout.SUBTITLE_ROW,
                    TemplateLayout.SUBTITLE_ROW, 0, lastColumn));
        }
    }

    /**
     * The statistical table's furniture on every printed page, where it moves no cell (a
     * template's cells are where its names say): the 表号 block at the top right of the page
     * header, the signatures at the left of the footer, the page number at its right.
     */
    static void furniture(XSSFSheet sheet, Furniture f) {
        List<String> block = f.block();
        if (!block.isEmpty()) {
            int half = (block.size() + 1) / 2;
            sheet.getHeader().setRight("&9" + String.join("　", block.subList(0, half)) + "\n"
                    + String.join("　", block.subList(half, block.size())));
        }
        if (!f.signatories().isEmpty()) {
            sheet.getFooter().setLeft("&9" + f.signatureLine());
            sheet.getFooter().setCenter("");
            sheet.getFooter().setRight("第 &P 页，共 &N 页");
        }
    }

    /**
     * A4, fit to one page wide, header rows repeated on every page, panes frozen under them.
     *
     * @param headerRow zero-based index of the last row to repeat and freeze above
     * @param frozenColumns columns kept in view when scrolling right
     */
    static void print(XSSFSheet sheet, int headerRow, int frozenColumns, boolean landscape) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(landscape);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.TOP, 0.6);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.BOTTOM, 0.6);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.5);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.5);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        sheet.setDisplayGridlines(false);
        sheet.setPrintGridlines(false);
        if (headerRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRow, -1, -1));
            sheet.createFreezePane(frozenColumns, headerRow + 1);
        }
    }

    /**
     * Protects the sheet with {@code password} (the legacy hash, so the bytes stay the same from
     * run to run) while still letting a clerk select cells and resize rows and columns.
     */
    static void protect(XSSFSheet sheet, String password) {
        sheet.protectSheet(password);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
    }

    /** Sets column widths in display columns (a CJK character is 2). */
    static void widths(XSSFSheet sheet, int... columns) {
        for (int i = 0; i < columns.length; i++) {
            sheet.setColumnWidth(i, columns[i] * 256);
        }
    }

    /**
     * Sets the heights of rows {@code from..to} (inclusive, zero-based) to fit their wrapped
     * text, skipping cells inside merged regions.
     */
    static void fitRows(XSSFSheet sheet, int from, int to) {
        for (int r = from; r <= to; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int lines = 1;
            for (Cell c : row) {
                if (c.getCellType() != CellType.STRING || isMerged(sheet, r, c.getColumnIndex())) {
                    continue;
                }
                lines = Math.max(lines, lines(c.getStringCellValue(),
                        sheet.getColumnWidth(c.getColumnIndex()) / 256));
            }
            row.setHeightInPoints(Math.max(MIN_ROW_POINTS, lines * LINE_POINTS + 5));
        }
    }

    /** How many lines {@code text} wraps to in a column {@code columnChars} wide. */
    static int lines(String text, int columnChars) {
        int usable = Math.max(2, columnChars - 2);
        int total = 0;
        for (String part : text.split("\n", -1)) {
            total += Math.max(1, (width(part) + usable - 1) / usable);
        }
        return total;
    }

    /** Display width: CJK and full-width characters count 2, others 1. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }

    private static boolean isMerged(XSSFSheet sheet, int row, int col) {
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.isInRange(row, col) && m.getNumberOfCells() > 1) {
                return true;
            }
        }
        return false;
    }
}

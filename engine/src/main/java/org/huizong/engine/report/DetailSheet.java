package org.huizong.engine.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.huizong.engine.consolidate.SchoolStatus;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Sheet;

/**
 * One row per counted school, every form field a column (grouped under its sheet's title), in
 * roster order; the columns sum to the totals. The header is frozen with the school's code and
 * name, and filters are on.
 */
final class DetailSheet {
    static final String NAME = "学校明细";
    private static final int HEADER_ROW = 3;

    private final Book b;

    DetailSheet(Book b) {
        this.b = b;
    }

    void write() {
        org.apache.poi.ss.usermodel.Sheet sheet = b.sheet(NAME);
        List<Field> fields = b.collection.fields();
        int lastCol = fields.size() + 1;
        b.heading(sheet, NAME, Math.min(lastCol, 14));
        Row groups = Book.row(sheet, HEADER_ROW - 1);
        Row labels = Book.row(sheet, HEADER_ROW);
        labels.setHeightInPoints(48);
        Book.text(groups, 0, "序号", b.styles.header);
        Book.blank(labels, 0, b.styles.header);
        sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW, 0, 0));
        int col = 1;
        for (Sheet s : b.collection.sheets()) {
            List<Field> fs = s.fields();
            if (fs.isEmpty()) {
                continue;
            }
            Book.text(groups, col, s.title(), b.styles.header);
            for (int k = 0; k < fs.size(); k++) {
                if (k > 0) {
                    Book.blank(groups, col + k, b.styles.header);
                }
                Book.text(labels, col + k, fs.get(k).labelWithUnit(), b.styles.header);
                Book.width(sheet, col + k, fs.get(k).type().isNumeric() ? 11 : 12);
            }
            if (fs.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW - 1, col,
                        col + fs.size() - 1));
            }
            col += fs.size();
        }
        Book.text(groups, col, "报送文件", b.styles.header);
        Book.blank(labels, col, b.styles.header);
        sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW, col, col));
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
        Book.width(sheet, 0, 5);
        Book.width(sheet, 1, 12);
        Book.width(sheet, 2, 24);
        Book.width(sheet, lastCol, 24);
        sheet.createFreezePane(3, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0,
                lastCol));
        Book.printA4(sheet, true, (lastCol + 15) / 16);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW - 1, HEADER_ROW, -1, -1));
        sheet.setRepeatingColumns(CellRangeAddress.valueOf("A:C"));
    }
}

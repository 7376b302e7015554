package org.huizong.engine.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.huizong.engine.consolidate.Completeness;

/**
 * The files that count for no school (未计入文件): returns from schools not on the roster,
 * versions superseded by a later return of the same school, and files that could not be read or
 * belong to another collection or period, each with the reason. Every file shows both its times,
 * the workbook's own saved time (保存时间, blank when it does not say) and the file's (文件时间),
 * and a superseded version names the one that counts with its times, so the clerk sees why.
 */
final class OtherFilesSheet {
    static final String NAME = "未计入文件";
    private static final String[] HEADERS = {"序号", "类别", "学校标识码", "学校名称", "文件", "保存时间",
        "文件时间", "说明"};
    private static final double[] WIDTHS = {5, 12, 12, 20, 24, 16, 16, 60};
    private static final int NOTE = 7;

    private final Book b;

    OtherFilesSheet(Book b) {
        this.b = b;
    }

    private record Item(String kind, String code, String name, Completeness.Version version,
            String note) {
    }

    void write() {
        Sheet sheet = b.sheet(NAME);
        int lastCol = HEADERS.length - 1;
        b.heading(sheet, NAME, lastCol);
        Row h = Book.row(sheet, 2);
        for (int k = 0; k < HEADERS.length; k++) {
            Book.text(h, k, b.words(HEADERS[k]), b.styles.header);
            Book.width(sheet, k, WIDTHS[k]);
        }
        int r = 3;
        for (Item i : items(b.c.completeness())) {
            Row x = Book.row(sheet, r);
            Book.text(x, 0, String.valueOf(r - 2), b.styles.textCenter);
            Book.text(x, 1, i.kind(), b.styles.text);
            Book.text(x, 2, i.code(), b.styles.text);
            Book.text(x, 3, i.name(), b.styles.textWrap);
            Book.text(x, 4, i.version().file(), b.styles.textWrap);
            time(x, 5, i.version().saved());
            time(x, 6, Optional.of(i.version().time()));
            Book.text(x, NOTE, b.words(i.note()), b.styles.textWrap);
            x.setHeightInPoints(FindingsSheet.rowHeight(i.note(), WIDTHS[NOTE]));
            r++;
        }
        if (r == 3) {
            Book.text(Book.row(sheet, r++), 1, b.words("所有文件均已计入或属于名单内学校。"), b.styles.plain);
        }
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, lastCol));
        sheet.createFreezePane(0, 3);
        Book.printA4(sheet, true, 1);
        sheet.setRepeatingRows(new CellRangeAddress(2, 2, -1, -1));
    }

    private void time(Row x, int col, Optional<Instant> t) {
        if (t.isEmpty()) {
            Book.blank(x, col, b.styles.text);
            return;
        }
        Cell cell = x.createCell(col);
        cell.setCellValue(b.local(t.get()));
        cell.setCellStyle(b.styles.dateTime);
    }

    private List<Item> items(Completeness done) {
        List<Item> out = new ArrayList<>();
        for (Completeness.Unknown u : done.unknown()) {
            out.add(new Item("名单外", u.schoolCode(), u.schoolName(), u.version(),
                    "学校标识码不在学校名单内，未计入汇总"));
        }
        for (Completeness.Duplicate d : done.duplicates()) {
            for (Completeness.Version v : d.superseded()) {
                Completeness.Version k = d.kept();
                out.add(new Item("重复报送", d.school().code(), d.school().name(), v, "以"
                        + d.keptBecause(v) + "的“" + k.file() + "”为准（保存时间 "
                        + k.saved().map(b::show).orElse("无") + "，文件时间 " + b.show(k.time())
                        + "），本文件未计入汇总"));
            }
        }
        for (Completeness.Rejected x : done.rejected()) {
            out.add(new Item("无法读取", "", "", x.version(), x.reason()));
        }
        return out;
    }
}

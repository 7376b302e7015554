package org.huizong.engine.report;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.huizong.engine.consolidate.Completeness;
import org.huizong.engine.consolidate.SchoolStatus;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Severity;

/**
 * Where every roster school stands (报送情况), under the summary line that accounts for every
 * input file; the files that count for no school are on {@link OtherFilesSheet}.
 */
final class StatusSheet {
    static final String NAME = "报送情况";
    private static final String[] HEADERS = {"序号", "学校标识码", "学校名称", "学校类型", "所在乡镇",
        "办学性质", "报送情况", "文件", "报送时间", "错误", "未说明的警告"};
    // 文件 holds 学校标识码_学校名称.xlsx on one line for a name of up to 8 characters
    private static final double[] WIDTHS = {5, 12, 22, 12, 10, 8, 24, 34, 16, 6, 12};

    private final Book b;

    StatusSheet(Book b) {
        this.b = b;
    }

    void write() {
        Sheet sheet = b.sheet(NAME);
        int lastCol = HEADERS.length - 1;
        b.heading(sheet, NAME, lastCol);
        Completeness done = b.c.completeness();
        Book.text(Book.row(sheet, 2), 0, b.scope.statement().isEmpty() ? done.summary()
                : "汇总范围：" + b.scope.statement() + "。" + done.summary(), b.styles.plainBold);
        Row h = Book.row(sheet, 3);
        for (int k = 0; k < HEADERS.length; k++) {
            Book.text(h, k, b.words(HEADERS[k]), b.styles.header);
            Book.width(sheet, k, WIDTHS[k]);
        }
        int r = 4;
        for (SchoolStatus s : b.c.schools()) {
            Row x = Book.row(sheet, r);
            Book.text(x, 0, String.valueOf(r - 3), b.styles.textCenter);
            Book.text(x, 1, s.school().code(), b.styles.text);
            Book.text(x, 2, s.school().name(), b.styles.text);
            Book.text(x, 3, s.school().type(), b.styles.text);
            Book.text(x, 4, s.school().township(), b.styles.text);
            Book.text(x, 5, s.school().ownership(), b.styles.textCenter);
            Book.text(x, 6, s.statusText() + (b.scope.late(s.time()) ? "（逾期）" : ""),
                    s.status() == SchoolStatus.Status.COUNTED && !b.scope.late(s.time())
                    ? b.styles.text : b.styles.warning);
            // wrapped: a long file name grows the row instead of being cut at the print edge;
            // grown here, since neither Excel nor LibreOffice grows a row POI writes
            String file = s.file().orElse("");
            Book.text(x, 7, file, b.styles.textWrap);
            float high = FindingsSheet.rowHeight(file, WIDTHS[7]);
            if (high > FindingsSheet.rowHeight("", WIDTHS[7])) {
                x.setHeightInPoints(high);
            }
            time(x, 8, s.time());
            long errors = s.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                    .count();
            long open = s.findings().stream().filter(Finding::isUnexplainedWarning).count();
            Book.number(x, 9, BigDecimal.valueOf(errors), b.styles.number(Styles.COUNT));
            Book.number(x, 10, BigDecimal.valueOf(open), b.styles.number(Styles.COUNT));
            r++;
        }
        sheet.setAutoFilter(new CellRangeAddress(3, Math.max(3, r - 1), 0, lastCol));
        sheet.createFreezePane(0, 4);
        Book.printA4(sheet, true, 1);
        sheet.setRepeatingRows(new CellRangeAddress(3, 3, -1, -1));
    }

    void time(Row x, int col, java.util.Optional<java.time.Instant> t) {
        if (t.isPresent()) {
            Cell cell = x.createCell(col);
            cell.setCellValue(b.local(t.get()));
            cell.setCellStyle(b.styles.dateTime);
        } else {
            Book.blank(x, col, b.styles.text);
        }
    }
}

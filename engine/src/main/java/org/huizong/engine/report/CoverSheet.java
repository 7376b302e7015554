package org.huizong.engine.report;

import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.huizong.engine.consolidate.Completeness;

/**
 * The cover (封面): what the book is, for whom, which period, when it was made, and how many
 * returns went into it, ending with the summary line that adds up to the files given.
 */
final class CoverSheet {
    static final String NAME = "封面";

    private final Book b;

    CoverSheet(Book b) {
        this.b = b;
    }

    void write(List<String[]> contents) {
        Sheet sheet = b.sheet(NAME);
        Book.width(sheet, 0, 6);
        Book.width(sheet, 1, 30);
        Book.width(sheet, 2, 16);
        Book.width(sheet, 3, 36);
        int last = 3;
        Book.row(sheet, 0).setHeightInPoints(40);
        b.title(sheet, 1, b.unit.name(), last, b.styles.title, 36);
        b.title(sheet, 2, b.c.period().label() + b.collection.title() + "汇总", last,
                b.styles.title, 36);
        Book.row(sheet, 3).setHeightInPoints(20);
        int r = 4;
        r = pair(sheet, r, "报表", b.collection.title() + "（" + b.collection.id() + " 第"
                + b.collection.version() + "版）");
        r = pair(sheet, r, "报告期", b.c.period().describe());
        r = pair(sheet, r, "汇总单位", b.unit.name() + "（" + b.unit.code() + "）");
        if (!b.scope.statement().isEmpty()) {
            r = pair(sheet, r, "汇总范围", b.scope.statement());
        }
        if (b.scope.deadline().isPresent()) {
            r = pair(sheet, r, "报送截止", b.scope.deadline().get().day() + "（含当日）");
        }
        r = pair(sheet, r, "生成时间", b.show(b.generated));
        r++;
        Completeness done = b.c.completeness();
        Book.text(Book.row(sheet, r++), 1, "报送与汇总", b.styles.plainBold);
        r = count(sheet, r, b.words("应报学校（名单内）"), done.expected(), b.measure());
        r = count(sheet, r, b.words("已报送学校"), done.received(), b.measure());
        r = count(sheet, r, "计入汇总", done.counted(), b.measure());
        r = count(sheet, r, "其中：有错误但按要求计入", done.countedWithErrors(), b.measure());
        if (!done.awaitingReview().isEmpty()) {
            r = count(sheet, r, "已报送待审核（未计入）", done.awaitingReview().size(), b.measure());
        }
        r = count(sheet, r, "未报送", done.missing().size(), b.measure());
        if (b.scope.deadline().isPresent()) {
            r = count(sheet, r, "其中：逾期报送", (int) b.c.schools().stream()
                    .filter(s -> b.scope.late(s.time())).count(), b.measure());
        }
        r = count(sheet, r, "有错误未计入", done.notCountedForErrors(), b.measure());
        r = count(sheet, r, "重复报送的旧版本", done.superseded(), "份");
        r = count(sheet, r, b.words("名单外学校的报表"), done.unknown().size(), "份");
        r = count(sheet, r, "无法读取的文件", done.rejected().size(), "份");
        r = count(sheet, r, "收到文件合计", done.files(), "份");
        Row s = Book.row(sheet, r++);
        s.setHeightInPoints(24);
        Book.text(s, 1, done.summary(), b.styles.plain);
        b.c.previous().ifPresent(p -> b.note(sheet, sheet.getLastRowNum() + 1,
                b.words(p.note()), 1, 3));
        r = sheet.getLastRowNum() + 2;
        Book.text(Book.row(sheet, r++), 1, "目录", b.styles.plainBold);
        for (String[] c : contents) {
            Row x = Book.row(sheet, r++);
            Book.text(x, 1, b.words(c[0]), b.styles.text);
            Book.text(x, 2, b.words(c[1]), b.styles.text);
            Book.blank(x, 3, b.styles.text);
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r - 1, r - 1, 2,
                    3));
        }
        Book.printA4(sheet, false, 1);
    }

    private int pair(Sheet sheet, int r, String label, String value) {
        Row x = Book.row(sheet, r);
        x.setHeightInPoints(20);
        Book.text(x, 1, label, b.styles.text);
        Book.text(x, 2, value, b.styles.text);
        Book.blank(x, 3, b.styles.text);
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 2, 3));
        return r + 1;
    }

    private int count(Sheet sheet, int r, String label, int value, String unit) {
        Row x = Book.row(sheet, r);
        Book.text(x, 1, label, b.styles.text);
        Book.number(x, 2, BigDecimal.valueOf(value), b.styles.number("#,##0\"" + unit + "\""));
        return r + 1;
    }
}

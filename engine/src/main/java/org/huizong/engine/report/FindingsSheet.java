package org.huizong.engine.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.huizong.engine.consolidate.SchoolFindings;
import org.huizong.engine.consolidate.SchoolStatus;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Severity;

/**
 * Every error and warning of the schools' returns (问题清单), in roster order, then the
 * consolidation's outliers: where it is (sheet!cell), what, the school's 说明, and what it meant
 * for the totals. Unexplained warnings are shaded.
 */
final class FindingsSheet {
    static final String NAME = "问题清单";
    /** The rule id is a detail for staff who look a rule up: last, under 规则编号. */
    private static final String[] HEADERS = {"序号", "学校标识码", "学校名称", "文件", "级别",
        "位置", "问题", "学校说明", "处理", "规则编号"};
    private static final double[] WIDTHS = {5, 12, 20, 18, 6, 14, 50, 24, 14, 18};

    private final Book b;

    FindingsSheet(Book b) {
        this.b = b;
    }

    private record Item(String code, String name, String file, Finding finding,
            String handling) {
    }

    void write() {
        Sheet sheet = b.sheet(NAME);
        int lastCol = HEADERS.length - 1;
        b.heading(sheet, NAME, lastCol);
        Row h = Book.row(sheet, 2);
        h.setHeightInPoints(20);
        for (int k = 0; k < HEADERS.length; k++) {
            Book.text(h, k, b.words(HEADERS[k]), b.styles.header);
            Book.width(sheet, k, WIDTHS[k]);
        }
        int r = 3;
        for (Item i : items()) {
            Row x = Book.row(sheet, r);
            Finding f = i.finding();
            CellStyle wrap = f.isUnexplainedWarning() ? b.styles.warning : b.styles.textWrap;
            Book.text(x, 0, String.valueOf(r - 2), b.styles.textCenter);
            Book.text(x, 1, i.code(), b.styles.text);
            Book.text(x, 2, i.name(), b.styles.textWrap);
            Book.text(x, 3, i.file(), b.styles.textWrap);
            Book.text(x, 4, f.severity().label(), b.styles.textCenter);
            Book.text(x, 5, f.cell().map(Object::toString).orElse(""), b.styles.textWrap);
            Book.text(x, 6, f.message(), wrap);
            Book.text(x, 7, f.explanation().orElse(""), b.styles.textWrap);
            Book.text(x, 8, i.handling(), b.styles.textWrap);
            Book.text(x, 9, f.ruleId(), b.styles.textWrap);
            x.setHeightInPoints(rowHeight(f.message(), WIDTHS[6]));
            r++;
        }
        if (r == 3) {
            Book.text(Book.row(sheet, r++), 1, "没有发现问题。", b.styles.plain);
        }
        sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, lastCol));
        sheet.createFreezePane(0, 3);
        Book.printA4(sheet, true, 1);
        sheet.setRepeatingRows(new CellRangeAddress(2, 2, -1, -1));
    }

    private List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (SchoolStatus s : b.c.schools()) {
            String file = s.file().orElse("");
            for (Finding f : s.findings()) {
                out.add(new Item(s.school().code(), s.school().name(), file, f,
                        handling(s, f)));
            }
        }
        for (SchoolFindings o : b.c.outliers()) {
            for (Finding f : o.findings()) {
                out.add(new Item(o.schoolCode(), o.schoolName(), o.file(), f,
                        f.explanation().isPresent() ? "已说明，已计入" : "请核实，已计入"));
            }
        }
        return out;
    }

    private static String handling(SchoolStatus s, Finding f) {
        if (f.severity() == Severity.ERROR) {
            return s.status().label();
        }
        return f.explanation().isPresent() ? "已说明" : "未说明";
    }

    /** Points for a wrapped cell: about 2 width units a CJK character, 14 points a line. */
    static float rowHeight(String text, double widthChars) {
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += text.charAt(i) < 0x2E80 ? 1.1 : 2.1;
        }
        int lines = Math.max(1, (int) Math.ceil(units / (widthChars - 1)));
        return 15f * lines + 3;
    }
}

package org.huizong.engine.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.huizong.engine.consolidate.SchoolTableRow;
import org.huizong.engine.consolidate.TableTotals;
import org.huizong.engine.model.BalancedRounding;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Table;

/**
 * A repeating table's rows from every counted school (项目清单), each with the school's code and
 * name; and, on a second sheet, the totals by each list column (类别, 资金来源, 进度).
 * {@code T_<table>_<key>} names cover each column's rows, as in a school's template, so a city
 * consolidation keeps the rows.
 */
final class ProjectSheet {
    static final int HEADER_ROW = 2;
    private static final int FIRST_COL = 3;

    private final Book b;

    ProjectSheet(Book b) {
        this.b = b;
    }

    /** The sheet's name for a table: 项目清单 for 项目建设's table. */
    static String name(Table t, String sheetTitle) {
        return sheetTitle.replace("建设", "") + "清单";
    }

    void write(Table t, String sheetTitle) {
        Sheet sheet = b.sheet(name(t, sheetTitle));
        List<Field> cols = t.columns();
        int lastCol = FIRST_COL + cols.size() - 1;
        b.heading(sheet, sheet.getSheetName(), lastCol);
        Row h = Book.row(sheet, HEADER_ROW);
        h.setHeightInPoints(32);
        String[] fixed = {"序号", "学校标识码", "学校名称"};
        for (int k = 0; k < FIRST_COL; k++) {
            Book.text(h, k, b.words(fixed[k]), b.styles.header);
        }
        for (int k = 0; k < cols.size(); k++) {
            Book.text(h, FIRST_COL + k, cols.get(k).labelWithUnit(), b.styles.header);
        }
        List<SchoolTableRow> rows = b.c.tableRows().get(t.id());
        int r = HEADER_ROW + 1;
        for (SchoolTableRow row : rows) {
            Row x = Book.row(sheet, r);
            Book.text(x, 0, String.valueOf(r - HEADER_ROW), b.styles.textCenter);
            Book.text(x, 1, row.schoolCode(), b.styles.text);
            Book.text(x, 2, row.schoolName(), b.styles.text);
            for (int k = 0; k < cols.size(); k++) {
                Field f = cols.get(k);
                Book.value(x, FIRST_COL + k, row.values().get(Table.key(f)),
                        b.styles.number(f.type()), b.styles.text);
            }
            r++;
        }
        int lastRow = Math.max(HEADER_ROW + 1, r - 1);
        if (rows.isEmpty()) {
            Row x = Book.row(sheet, r++);
            for (int k = 0; k <= lastCol; k++) {
                Book.blank(x, k, b.styles.text);
            }
        }
        for (int k = 0; k < cols.size(); k++) {
            name(t.columnName(cols.get(k)), sheet, HEADER_ROW + 1, lastRow, FIRST_COL + k);
        }
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastRow, 0, lastCol));
        sheet.createFreezePane(0, HEADER_ROW + 1);
        Book.width(sheet, 0, 5);
        Book.width(sheet, 1, 12);
        Book.width(sheet, 2, 22);
        for (int k = 0; k < cols.size(); k++) {
            Book.width(sheet, FIRST_COL + k, cols.get(k).type().isNumeric() ? 14 : 12);
        }
        Book.width(sheet, FIRST_COL, 30);
        Book.printA4(sheet, true, 1);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
    }

    /** The name of the sheet of a table's totals: 项目分类汇总. */
    static String totalsName(Table t, String sheetTitle) {
        return sheetTitle.replace("建设", "") + "分类汇总";
    }

    /**
     * The table's totals by each list column, on a sheet of their own: a small table per column
     * (value | 项目数 | numeric sums), each ending with 合计.
     */
    void writeTotals(Table t, String sheetTitle) {
        Sheet sheet = b.sheet(totalsName(t, sheetTitle));
        int numeric = (int) t.columns().stream().filter(f -> f.type().isNumeric()).count();
        b.heading(sheet, sheet.getSheetName(), 2 + numeric);
        totals(sheet, 3, t, b.c.tableTotals().get(t.id()));
        Book.width(sheet, 0, 2);
        Book.width(sheet, 1, 16);
        Book.width(sheet, 2, 12);
        for (int k = 0; k < numeric; k++) {
            Book.width(sheet, 3 + k, 18);
        }
        Book.printA4(sheet, false, 1);
    }

    private int totals(Sheet sheet, int r, Table t, TableTotals totals) {
        List<Field> numeric = t.columns().stream().filter(f -> f.type().isNumeric()).toList();
        for (Map.Entry<String, Map<String, TableTotals.Category>> e
                : totals.byColumn().entrySet()) {
            Field col = t.column(e.getKey());
            Row title = Book.row(sheet, r++);
            Book.text(title, 1, "按" + col.label() + "汇总", b.styles.plainBold);
            Row h = Book.row(sheet, r++);
            h.setHeightInPoints(32);
            Book.text(h, 1, col.label(), b.styles.header);
            Book.text(h, 2, "项目数(个)", b.styles.header);
            for (int k = 0; k < numeric.size(); k++) {
                Book.text(h, 3 + k, numeric.get(k).labelWithUnit(), b.styles.header);
            }
            List<TableTotals.Category> cats = new ArrayList<>(e.getValue().values());
            cats.add(totals.all());
            List<List<BigDecimal>> shown = shown(cats, numeric);
            List<String> labels = new ArrayList<>(e.getValue().keySet());
            labels.add("合计");
            for (int i = 0; i < cats.size(); i++) {
                r = categoryRow(sheet, r, labels.get(i), cats.get(i).rows(), shown.get(i),
                        numeric);
            }
            r++;
        }
        return r;
    }

    /**
     * The figures shown per category (the last one the 合计), by numeric column: money to 2
     * decimals, the categories balanced to add up to the 合计 (舍位平衡) when their exact sums do
     * (a row without a category leaves them short, and then each is rounded half up).
     */
    static List<List<BigDecimal>> shown(List<TableTotals.Category> cats,
            List<Field> numeric) {
        List<List<BigDecimal>> out = new ArrayList<>();
        cats.forEach(c -> out.add(new ArrayList<>()));
        int n = cats.size() - 1;
        for (Field f : numeric) {
            List<BigDecimal> exact = cats.stream().map(c -> c.sums().get(Table.key(f))).toList();
            List<BigDecimal> parts = exact.subList(0, n);
            BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            List<BigDecimal> values = new ArrayList<>(exact);
            if (f.type() == FieldType.MONEY) {
                BigDecimal total = Shown.half(exact.get(n));
                values = new ArrayList<>(sum.compareTo(exact.get(n)) == 0
                        ? BalancedRounding.balance(parts, Shown.MONEY_SCALE, total).parts()
                        : parts.stream().map(Shown::half).toList());
                values.add(total);
            }
            for (int i = 0; i <= n; i++) {
                out.get(i).add(values.get(i));
            }
        }
        return out;
    }

    private int categoryRow(Sheet sheet, int r, String label, int rows, List<BigDecimal> values,
            List<Field> numeric) {
        Row x = Book.row(sheet, r);
        Book.text(x, 1, label, b.styles.text);
        Book.number(x, 2, BigDecimal.valueOf(rows), b.styles.number(Styles.COUNT));
        for (int k = 0; k < numeric.size(); k++) {
            Book.number(x, 3 + k, values.get(k),
                    b.styles.number(Styles.shown(numeric.get(k).type())));
        }
        return r + 1;
    }

    private void name(String name, Sheet sheet, int firstRow, int lastRow, int col) {
        XSSFName n = b.wb.createName();
        n.setNameName(name);
        AreaReference area = new AreaReference(new CellReference(sheet.getSheetName(), firstRow,
                col, true, true), new CellReference(sheet.getSheetName(), lastRow, col, true,
                true), SpreadsheetVersion.EXCEL2007);
        n.setRefersToFormula(area.formatAsString());
    }
}

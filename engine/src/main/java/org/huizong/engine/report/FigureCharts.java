package org.huizong.engine.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.huizong.engine.consolidate.PreviousPeriod;
import org.huizong.engine.consolidate.TableTotals;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;

/**
 * The 图表 sheet's charts of the figures a reader asks about first, each a small table and a bar
 * chart drawn from it on a printed page of its own: 主要数据同比 (the relative change of every
 * form sheet's headline figure, only when a previous period is compared, and then over the same
 * schools as 全县汇总's 增幅: 可比口径 when the periods counted different schools) and a table's
 * money by its first list column (项目建设投资 by 类别, balanced like 项目分类汇总).
 */
final class FigureCharts {
    /** Rows a chart takes, with one to spare, below its table (see {@link ChartSheet#chart}). */
    private static final int CHART_ROWS = 24;

    private final Book b;
    private final XSSFDrawing drawing;
    private final XSSFSheet sheet;

    FigureCharts(Book b, XSSFDrawing drawing) {
        this.b = b;
        this.drawing = drawing;
        this.sheet = drawing.getSheet();
    }

    /**
     * The headline figures of the collection, in form order: each form sheet's computed sums
     * (its 合计 line: 资助人次合计, 资助金额合计), else its first numeric field (在校学生数).
     */
    static List<Field> headlines(org.huizong.engine.model.Collection collection) {
        List<Field> out = new ArrayList<>();
        for (Sheet s : collection.sheets()) {
            List<Field> numeric = s.fields().stream().filter(f -> f.type().isNumeric()).toList();
            List<Field> sums = numeric.stream().filter(Field::isComputed).toList();
            if (!sums.isEmpty()) {
                out.addAll(sums);
            } else if (!numeric.isEmpty()) {
                out.add(numeric.get(0));
            }
        }
        return out;
    }

    /**
     * 主要数据同比 from row {@code top} on a new page: a headline figure with a previous figure
     * other than 0 gets a row (本期, 上年同期, 增幅) and a bar of its 增幅.
     *
     * @return the first row free after the chart; {@code top} when nothing is compared
     */
    int yearOnYear(int top) {
        Optional<PreviousPeriod> p = b.c.previous().filter(PreviousPeriod::compares);
        if (p.isEmpty()) {
            return top;
        }
        boolean comparable = p.get().isComparableBasis();
        List<Field> shownFields = headlines(b.collection).stream()
                .filter(f -> b.c.changeRatio(f.id()).isPresent()).toList();
        if (shownFields.isEmpty()) {
            return top;
        }
        Shown shown = new Shown(b.collection);
        Map<String, BigDecimal> now = shown.all(p.get().current());
        Map<String, BigDecimal> before = shown.all(p.get().sums());
        sheet.setRowBreak(top - 1);
        header(top, comparable ? new String[] {"项目", "本期可比数", "上年同期可比数", "增幅"}
                : new String[] {"项目", "本期", "上年同期", "增幅"});
        int r = top + 1;
        for (Field f : shownFields) {
            Row x = Book.row(sheet, r++);
            Book.text(x, 0, f.labelWithUnit(), b.styles.text);
            String format = Styles.shown(f.type());
            Book.number(x, 1, now.get(f.id()), b.styles.number(format));
            Book.number(x, 2, before.get(f.id()), b.styles.number(format));
            Book.number(x, 3, b.c.changeRatio(f.id()).orElseThrow(),
                    b.styles.number(Styles.signed("0.0%")));
        }
        ChartSheet.chart(drawing, b.whole() + "主要数据同比增幅"
                + (comparable ? "（按可比口径）" : ""), List.of("增幅"), top + 1, r - 1, 3,
                r + 1, new ChartSheet.Axis("0%", "+0.0%;-0.0%;0.0%"));
        return r + 1 + CHART_ROWS;
    }

    /**
     * Money by category of every repeating table with a list column and a money column, from
     * row {@code top} on new pages: 类别 | 项目数 | each money column, and 合计, the county total
     * (charted: the categories, a bar per money column).
     *
     * @return the first row free after the charts; {@code top} when there is none
     */
    int investment(int top) {
        int r = top;
        for (Sheet s : b.collection.sheets()) {
            Optional<Table> t = s.table();
            if (t.isPresent()) {
                r = investment(r, s.title(), t.get());
            }
        }
        return r;
    }

    private int investment(int top, String title, Table t) {
        Optional<Field> list = t.columns().stream().filter(f -> f.type() == FieldType.ENUM)
                .findFirst();
        List<Field> money = t.columns().stream().filter(f -> f.type() == FieldType.MONEY)
                .toList();
        TableTotals totals = b.c.tableTotals().get(t.id());
        if (list.isEmpty() || money.isEmpty() || totals == null || totals.all().rows() == 0) {
            return top;
        }
        Map<String, TableTotals.Category> byList = totals.byColumn().get(Table.key(list.get()));
        List<TableTotals.Category> cats = new ArrayList<>(byList.values());
        cats.add(totals.all());
        List<List<BigDecimal>> shown = ProjectSheet.shown(cats, money);
        sheet.setRowBreak(top - 1);
        List<String> header = new ArrayList<>(List.of(list.get().label(), "项目数(个)"));
        money.forEach(f -> header.add(f.labelWithUnit()));
        header(top, header.toArray(String[]::new));
        int r = top + 1;
        List<String> labels = new ArrayList<>(byList.keySet());
        labels.add("合计");
        for (int i = 0; i < labels.size(); i++) {
            Row x = Book.row(sheet, r++);
            Book.text(x, 0, labels.get(i), b.styles.text);
            Book.number(x, 1, BigDecimal.valueOf(cats.get(i).rows()),
                    b.styles.number(Styles.COUNT));
            for (int k = 0; k < money.size(); k++) {
                Book.number(x, 2 + k, shown.get(i).get(k),
                        b.styles.number(Styles.shown(FieldType.MONEY)));
            }
        }
        ChartSheet.chart(drawing, b.whole() + title + "投资（按" + list.get().label() + "，万元）",
                money.stream().map(Field::label).toList(), top + 1, r - 2, 2, r + 1,
                new ChartSheet.Axis("#,##0", "#,##0.00"));
        return r + 1 + CHART_ROWS;
    }

    private void header(int r, String[] labels) {
        Row h = Book.row(sheet, r);
        for (int j = 0; j < labels.length; j++) {
            Book.text(h, j, b.words(labels[j]), b.styles.header);
        }
    }
}

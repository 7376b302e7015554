package org.huizong.engine.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.huizong.engine.consolidate.PreviousPeriod;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Indicator;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Sheet;

/**
 * The county totals (全县汇总) in the school template's layout: one section per form sheet, its
 * lines in order, 序号 | 项目 | 单位 | the sheet's value columns. Each value column shows the total
 * and how many schools reported a non-zero figure, and with the same period of the year before
 * also 上年同期, 增减 and 增幅; when the two periods did not count the same schools, these compare
 * the schools counted in both (可比口径), in columns of their own beside the total. A last
 * section lists the indicators. Every form field gets a workbook-scoped {@code F_<field>} name
 * on its total cell, so the book reads back as one unit's return.
 */
final class TotalsSheet {
    private static final String[] CHINESE_ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八",
        "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
    static final int FIRST_VALUE_COL = 3;
    /** The sub-column counting schools whose figure is not 0. */
    static final String SCHOOLS = "学校数";

    private final Book b;
    /** Whether 同比 is shown: a previous book was given and can be compared with. */
    private final boolean previous;
    /** Whether it compares the schools counted in both periods only (可比口径). */
    private final boolean comparable;
    /**
     * Sub-columns of one value column: 合计, 学校数; or 本期, 上年同期, 增减, 增幅, 学校数; or
     * 本期, 本期可比数, 上年同期可比数, 增减, 增幅, 学校数.
     */
    private final List<String> sub;
    /** The figures shown, money balanced (舍位平衡): this period's, over the compared schools,
     * and the previous period's; by field id. */
    private final Map<String, BigDecimal> now;
    private final Map<String, BigDecimal> compared;
    private final Map<String, BigDecimal> before;
    /** Field id to the cell showing its total, {@code '全县汇总'!D7}. */
    private final Map<String, String> shownAt = new LinkedHashMap<>();
    private XSSFSheet sheet;

    TotalsSheet(Book b) {
        this.b = b;
        this.previous = b.c.previous().filter(PreviousPeriod::compares).isPresent();
        this.comparable = b.c.previous().filter(PreviousPeriod::isComparableBasis).isPresent();
        this.sub = comparable ? List.of("本期", "本期可比数", "上年同期可比数", "增减", "增幅", SCHOOLS)
                : previous ? List.of("本期", "上年同期", "增减", "增幅", SCHOOLS)
                : List.of("合计", SCHOOLS);
        Shown shown = new Shown(b.collection);
        this.now = shown.all(b.c.totals());
        Optional<PreviousPeriod> p = b.c.previous().filter(PreviousPeriod::compares);
        this.compared = p.map(x -> shown.all(x.current())).orElse(Map.of());
        this.before = p.map(x -> shown.all(x.sums())).orElse(Map.of());
    }

    /** Field id to the cell showing its total, after {@link #write}. */
    Map<String, String> shownAt() {
        return Collections.unmodifiableMap(shownAt);
    }

    String name() {
        return b.whole() + "汇总";
    }

    void write() {
        sheet = b.wb.createSheet(name());
        int maxColumns = 1;
        for (Sheet s : b.collection.sheets()) {
            maxColumns = Math.max(maxColumns, s.lines().isEmpty() ? 0 : s.valueColumns().size());
        }
        int lastCol = FIRST_VALUE_COL + maxColumns * sub.size() - 1;
        b.heading(sheet, name(), lastCol);
        List<String> block = b.collection.furniture().block();
        if (!block.isEmpty()) {
            // the 表号 block at the table's top right, in the spacer row above the first section
            Row x = Book.row(sheet, 2);
            Book.text(x, 0, String.join("　　", block), b.styles.furniture);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, lastCol));
        }
        int r = 3;
        int n = 0;
        List<Integer> starts = new ArrayList<>();
        for (Sheet s : b.collection.sheets()) {
            if (s.lines().stream().anyMatch(TotalsSheet::numeric)) {
                starts.add(r);
                r = section(r, s, CHINESE_ORDINALS[n++] + "、" + s.title(), lastCol) + 1;
            }
        }
        starts.add(r);
        r = indicators(r, CHINESE_ORDINALS[n] + "、主要指标", lastCol);
        starts.add(r + 1);
        Book.width(sheet, 0, 5);
        Book.width(sheet, 1, 34);
        Book.width(sheet, 2, 7);
        for (int col = FIRST_VALUE_COL; col <= lastCol; col++) {
            String what = sub.get((col - FIRST_VALUE_COL) % sub.size());
            Book.width(sheet, col, what.equals("增幅") ? 10 : what.equals(SCHOOLS) ? 7 : 14);
        }
        boolean money = b.collection.fields().stream()
                .anyMatch(f -> f.type() == org.huizong.engine.model.FieldType.MONEY);
        b.note(sheet, r + 1, b.words("注：" + (money ? "金额经舍位平衡处理：以万元为单位保留两位小数，"
                + "各分项之和等于合计，精确数随本表保存，再次汇总按精确数计算；" : "")
                + "“—”为不适用或无法计算；“" + SCHOOLS
                + "”为该项填报数不为0的学校数；" + populations() + note()), 1, lastCol);
        String signatures = b.collection.furniture().signatureLine();
        if (!signatures.isEmpty()) {
            // on two lines or more where the table is narrower (安全月报's one value column),
            // broken between signatories, never inside one
            String lines = lines(signatures, width(1, lastCol));
            b.note(sheet, r + 3, lines, 1, lastCol);
            Book.row(sheet, r + 3).setHeightInPoints(Math.max(24,
                    15f * lines.split("\n").length + 3));
        }
        Book.printA4(sheet, lastCol > 6, 1);
        PageBreaks.keepTogether(sheet, starts, lastCol > 6);
    }

    /** The width in characters of columns {@code first..last}. */
    private double width(int first, int last) {
        double w = 0;
        for (int c = first; c <= last; c++) {
            w += sheet.getColumnWidth(c) / 256.0;
        }
        return w;
    }

    /**
     * The signature line broken into lines of at most {@code chars} width units, each starting
     * with a signatory (单位负责人：　　　).
     */
    static String lines(String signatures, double chars) {
        StringBuilder out = new StringBuilder();
        double used = 0;
        for (String part : signatures.split("(?<=　)(?=[^　])")) {
            double w = 0;
            for (int i = 0; i < part.length(); i++) {
                w += part.charAt(i) < 0x2E80 ? 1.1 : 2.1;
            }
            if (used > 0 && used + w > chars - 1) {
                out.append('\n');
                used = 0;
            }
            out.append(part);
            used += w;
        }
        return out.toString();
    }

    /** Which indicators are over some school types only: 课后服务参与率按小学、初中…计算；. */
    private String populations() {
        StringBuilder sb = new StringBuilder();
        for (Indicator i : b.collection.indicators()) {
            if (!i.population().isEmpty()) {
                sb.append(i.label()).append("只计").append(String.join("、", i.population()))
                        .append("（分子、分母均同）；");
            }
        }
        return sb.toString();
    }

    /** How 同比 was computed, or why it is not shown. */
    private String note() {
        if (b.c.previous().isEmpty()) {
            return "未提供上年同期汇总表，不列同比。";
        }
        PreviousPeriod p = b.c.previous().get();
        String source = p.period().label() + "汇总表";
        if (!p.compares()) {
            return p.note() + "。";
        }
        String rates = "增幅为增减数除以上年同期数；百分比指标的增减以百分点计";
        if (!comparable) {
            return "上年同期数取自" + source + "，" + rates + "。";
        }
        String basis = p.schools() + b.measure() + "学校";
        return "本期与上年同期计入汇总的学校不同，同比按可比口径（" + basis + "）计算：本期可比数、上年同期可比数"
                + "均为两期都计入汇总的" + basis + "之和（上年同期取自" + source + "的逐校数据），增减、增幅据此"
                + "计算，“本期”仍为本期计入汇总的全部学校之和；" + rates
                + (b.collection.tables().isEmpty() ? "。" : "；由明细表计算的指标（如项目数）没有逐校的上年数，"
                + "不列同比。");
    }

    private int section(int r, Sheet s, String title, int lastCol) {
        b.title(sheet, r, title, lastCol, b.styles.section, 24);
        List<String> headers = s.valueColumns().size() == 1 ? List.of("汇总数")
                : s.valueColumns();
        header(r + 1, "项目", headers);
        int row = r + 3;
        int number = 1;
        for (Line line : s.lines()) {
            if (!numeric(line)) {
                continue;
            }
            Row x = Book.row(sheet, row);
            Book.text(x, 0, String.valueOf(number++), b.styles.textCenter);
            Book.text(x, 1, line.label(), b.styles.text);
            List<Field> fs = line.fields();
            boolean single = fs.stream().filter(f -> f != null).count() == 1;
            Book.text(x, 2, single ? fs.stream().filter(f -> f != null).findFirst().get().unit()
                    : "", b.styles.textCenter);
            for (int j = 0; j < s.valueColumns().size(); j++) {
                Field f = j < fs.size() ? fs.get(j) : null;
                int col = FIRST_VALUE_COL + j * sub.size();
                if (f == null || !f.type().isNumeric()) {
                    dashes(x, col, sub.size());
                } else {
                    field(x, col, f);
                    shownAt.put(f.id(), "'" + sheet.getSheetName() + "'!"
                            + new CellReference(row, col).formatAsString());
                }
            }
            row++;
        }
        return row;
    }

    /** Two header rows: value column names over their sub-columns. */
    private void header(int r, String what, List<String> valueColumns) {
        Row top = Book.row(sheet, r);
        Row bottom = Book.row(sheet, r + 1);
        top.setHeightInPoints(20);
        bottom.setHeightInPoints(20);
        String[] fixed = {"序号", what, "单位"};
        for (int col = 0; col < FIRST_VALUE_COL; col++) {
            Book.text(top, col, fixed[col], b.styles.header);
            Book.blank(bottom, col, b.styles.header);
            sheet.addMergedRegion(new CellRangeAddress(r, r + 1, col, col));
        }
        for (int j = 0; j < valueColumns.size(); j++) {
            int first = FIRST_VALUE_COL + j * sub.size();
            Book.text(top, first, valueColumns.get(j), b.styles.header);
            for (int k = 0; k < sub.size(); k++) {
                if (k > 0) {
                    Book.blank(top, first + k, b.styles.header);
                }
                Book.text(bottom, first + k, b.words(sub.get(k)), b.styles.header);
            }
            sheet.addMergedRegion(new CellRangeAddress(r, r, first, first + sub.size() - 1));
        }
    }

    private void field(Row x, int col, Field f) {
        String format = Styles.shown(f.type());
        String id = f.id();
        int k = col;
        Book.number(x, k++, now.get(id), b.styles.number(format));
        if (comparable) {
            Book.number(x, k++, Optional.ofNullable(compared.get(id)), b.styles.number(format));
        }
        if (previous) {
            Optional<BigDecimal> then = Optional.ofNullable(before.get(id));
            Book.number(x, k++, then, b.styles.number(format));
            // the change of the figures shown, so that the row adds up as printed
            Book.number(x, k++, Optional.ofNullable(compared.get(id)).flatMap(c ->
                    then.map(c::subtract)), b.styles.number(Styles.signed(format)));
            Book.number(x, k++, b.c.changeRatio(id), b.styles.number(Styles.signed("0.0%")));
        }
        Book.number(x, k, BigDecimal.valueOf(b.c.nonZero().get(id)),
                b.styles.number(Styles.COUNT));
    }

    private int indicators(int r, String title, int lastCol) {
        b.title(sheet, r, title, lastCol, b.styles.section, 24);
        header(r + 1, "指标", List.of("指标值"));
        int row = r + 3;
        int number = 1;
        // 项目计划总投资 and its parts by 类别 balanced (舍位平衡), in each column
        Shown shown = new Shown(b.collection);
        Map<String, Optional<BigDecimal>> values = shown.indicators(b.c.indicators());
        Map<String, Optional<BigDecimal>> sames = new LinkedHashMap<>();
        Map<String, Optional<BigDecimal>> thens = new LinkedHashMap<>();
        for (Indicator i : b.collection.indicators()) {
            sames.put(i.id(), b.c.comparedIndicator(i.id()));
            thens.put(i.id(), b.c.previousIndicator(i.id()));
        }
        sames = shown.indicators(sames);
        thens = shown.indicators(thens);
        for (Indicator i : b.collection.indicators()) {
            Row x = Book.row(sheet, row++);
            Book.text(x, 0, String.valueOf(number++), b.styles.textCenter);
            Book.text(x, 1, i.label(), b.styles.text);
            Book.text(x, 2, i.unit(), b.styles.textCenter);
            String format = Styles.format(i);
            Optional<BigDecimal> value = values.get(i.id());
            int k = FIRST_VALUE_COL;
            Book.number(x, k++, value, b.styles.number(format));
            if (previous) {
                Optional<BigDecimal> same = sames.get(i.id());
                if (comparable) {
                    Book.number(x, k++, same, b.styles.number(format));
                }
                Optional<BigDecimal> then = thens.get(i.id());
                Book.number(x, k++, then, b.styles.number(format));
                // the change of the figures as shown (72.1% - 71.3% = 0.8 个百分点): a row reads
                // consistently, and a change too small to show is 0, never +0.00
                int places = Styles.places(i) + (i.isPercent() ? 2 : 0);
                Optional<BigDecimal> diff = same.isPresent() && then.isPresent()
                        ? Optional.of(same.get().setScale(places, RoundingMode.HALF_UP)
                                .subtract(then.get().setScale(places, RoundingMode.HALF_UP)))
                        : Optional.empty();
                if (i.isPercent()) {
                    String points = "0." + "0".repeat(Math.max(1, Styles.places(i)))
                            + "\"个百分点\"";
                    Book.number(x, k++, diff.map(d -> d.movePointRight(2)),
                            b.styles.number("+" + points + ";-" + points + ";0"));
                    Book.dash(x, k++, b.styles);
                } else {
                    Book.number(x, k++, diff, b.styles.number(Styles.signed(format)));
                    Book.number(x, k++, then.filter(v -> v.signum() != 0).flatMap(v ->
                            diff.map(d -> d.divide(v, 10, RoundingMode.HALF_UP))),
                            b.styles.number(Styles.signed("0.0%")));
                }
            }
            dashes(x, k, FIRST_VALUE_COL + sub.size() - k);
        }
        return row;
    }

    private void dashes(Row x, int from, int count) {
        for (int k = 0; k < count; k++) {
            Book.dash(x, from + k, b.styles);
        }
    }

    /** Whether a line has a numeric field: text lines (学校名称) are the book's heading. */
    private static boolean numeric(Line line) {
        return line.fields().stream().anyMatch(f -> f != null && f.type().isNumeric());
    }
}

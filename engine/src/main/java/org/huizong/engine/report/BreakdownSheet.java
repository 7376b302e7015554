package org.huizong.engine.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.huizong.engine.consolidate.GroupTotals;
import org.huizong.engine.consolidate.SchoolStatus;
import org.huizong.engine.model.BalancedRounding;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Indicator;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Sheet;

/**
 * Totals by a dimension (school type, township, ownership): one row per numeric field and per
 * indicator, one column for the whole area and one per group, its header naming the group and
 * its schools (计入/应报). Wide breakdowns print several pages across, 10 columns a page.
 */
final class BreakdownSheet {
    private static final int COLUMNS_PER_PAGE = 10;

    private final Book b;

    BreakdownSheet(Book b) {
        this.b = b;
    }

    /**
     * @param key a school's group in this dimension (its type, township or ownership)
     */
    void write(String name, String dimension, Map<String, GroupTotals> groups,
            Function<School, String> key) {
        org.apache.poi.ss.usermodel.Sheet sheet = b.sheet(name);
        List<GroupTotals> columns = new ArrayList<>();
        columns.add(b.c.county());
        columns.addAll(groups.values());
        Map<String, Set<String>> types = new HashMap<>();
        for (SchoolStatus s : b.c.schools()) {
            types.computeIfAbsent(key.apply(s.school()), k -> new HashSet<>())
                    .add(s.school().type());
        }
        Shown shown = new Shown(b.collection);
        Map<String, BigDecimal> county = shown.all(b.c.totals());
        int lastCol = 2 + columns.size();
        b.heading(sheet, name, lastCol);
        Row h = Book.row(sheet, 2);
        h.setHeightInPoints(34);
        Book.text(h, 0, "序号", b.styles.header);
        Book.text(h, 1, "项目", b.styles.header);
        Book.text(h, 2, "单位", b.styles.header);
        for (int j = 0; j < columns.size(); j++) {
            GroupTotals g = columns.get(j);
            String title = j == 0 ? b.whole() : g.name();
            Book.text(h, 3 + j, title + "\n（" + g.counted() + "/" + g.expected() + b.measure()
                    + "）", b.styles.header);
        }
        int r = 3;
        int number = 1;
        for (Sheet s : b.collection.sheets()) {
            List<Field> numeric = s.fields().stream().filter(f -> f.type().isNumeric()).toList();
            if (numeric.isEmpty()) {
                continue;
            }
            r = sectionRow(sheet, r, s.title(), lastCol);
            for (Field f : numeric) {
                Row x = Book.row(sheet, r++);
                Book.text(x, 0, String.valueOf(number++), b.styles.textCenter);
                Book.text(x, 1, f.label(), b.styles.text);
                Book.text(x, 2, f.unit(), b.styles.textCenter);
                List<BigDecimal> values = values(f, columns, county.get(f.id()));
                for (int j = 0; j < columns.size(); j++) {
                    String group = columns.get(j).name();
                    boolean applies = j == 0 || types.getOrDefault(group, Set.of()).stream()
                            .anyMatch(f::appliesTo);
                    if (applies) {
                        Book.number(x, 3 + j, values.get(j),
                                b.styles.number(Styles.shown(f.type())));
                    } else {
                        Book.number(x, 3 + j, Optional.empty(),
                                b.styles.number(Styles.shown(f.type())));
                    }
                }
            }
        }
        r = sectionRow(sheet, r, "主要指标", lastCol);
        for (Indicator i : b.collection.indicators()) {
            Row x = Book.row(sheet, r++);
            Book.text(x, 0, String.valueOf(number++), b.styles.textCenter);
            Book.text(x, 1, i.label(), b.styles.text);
            Book.text(x, 2, i.unit(), b.styles.textCenter);
            for (int j = 0; j < columns.size(); j++) {
                Book.number(x, 3 + j, columns.get(j).indicator(i.id()),
                        b.styles.number(Styles.format(i)));
            }
        }
        Row x = Book.row(sheet, r + 1);
        Book.text(x, 1, note(dimension), b.styles.plain);
        sheet.createFreezePane(3, 3);
        Book.width(sheet, 0, 5);
        Book.width(sheet, 1, 30);
        Book.width(sheet, 2, 6);
        for (int j = 0; j < columns.size(); j++) {
            Book.width(sheet, 3 + j, 13);
        }
        int pages = (columns.size() + COLUMNS_PER_PAGE - 1) / COLUMNS_PER_PAGE;
        Book.printA4(sheet, true, pages);
        sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("A3:A3"));
        sheet.setRepeatingColumns(org.apache.poi.ss.util.CellRangeAddress.valueOf("A:C"));
    }

    /**
     * A field's figure for the whole area (as 全县汇总 shows it) and each group: money to 2
     * decimals, the groups balanced to add up to the whole area's figure (舍位平衡).
     */
    private static List<BigDecimal> values(Field f, List<GroupTotals> columns,
            BigDecimal whole) {
        List<BigDecimal> out = new ArrayList<>();
        out.add(whole);
        List<BigDecimal> groups = columns.subList(1, columns.size()).stream()
                .map(g -> g.sum(f.id())).toList();
        out.addAll(f.type() == FieldType.MONEY
                ? BalancedRounding.balance(groups, Shown.MONEY_SCALE, whole).parts() : groups);
        return out;
    }

    private int sectionRow(org.apache.poi.ss.usermodel.Sheet sheet, int r, String title,
            int lastCol) {
        Row x = Book.row(sheet, r);
        Book.text(x, 0, "", b.styles.plainBold);
        Book.text(x, 1, title, b.styles.plainBold);
        for (int col = 2; col <= lastCol; col++) {
            Book.blank(x, col, b.styles.plain);
        }
        return r + 1;
    }

    /** The note under the table; 舍位平衡 only when the collection has money. */
    private String note(String dimension) {
        boolean money = b.collection.fields().stream()
                .anyMatch(f -> f.type() == org.huizong.engine.model.FieldType.MONEY);
        return b.words("注：列标题括号内为计入汇总的学校数/名单内应报学校数；" + dimension
                + "以学校名单为准；“—”为该项不适用于该组学校或无法计算"
                + (money ? "；金额经舍位平衡处理，各组之和等于" + b.whole() + "数。" : "。"));
    }
}

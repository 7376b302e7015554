package org.huizong.engine.spec;

import static org.huizong.engine.spec.DefinitionLayout.NO;
import static org.huizong.engine.spec.DefinitionLayout.YES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Furniture;
import org.huizong.engine.model.Indicator;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;

/**
 * Writes a collection as the sheets of a definition workbook ({@link DefinitionLayout}), so that
 * {@link DefinitionSpecs} reads back the same collection. Rules and indicators written with
 * {@code foreach} in YAML come out one row each; narrative comments are left out.
 */
public final class DefinitionExport {
    private final Collection c;
    private final Map<List<String>, String> lists = new LinkedHashMap<>();

    private DefinitionExport(Collection c) {
        this.c = c;
    }

    /**
     * The definition's sheets.
     *
     * @param narrative the narrative template's text, empty for none
     * @param source the file name the book will have
     */
    public static DefinitionBook of(Collection collection, String narrative, String source) {
        DefinitionExport e = new DefinitionExport(collection);
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        sheets.put(DefinitionLayout.SETTINGS, e.settings());
        sheets.put(DefinitionLayout.FIELDS, e.fields());
        sheets.put(DefinitionLayout.TABLES, e.tables());
        sheets.put(DefinitionLayout.LISTS, e.lists());
        sheets.put(DefinitionLayout.RULES, e.rules());
        sheets.put(DefinitionLayout.INDICATORS, e.indicators());
        sheets.put(DefinitionLayout.NARRATIVE, narrative(narrative));
        return new DefinitionBook(source, sheets);
    }

    private static List<List<String>> start(String sheet) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(DefinitionLayout.headers(sheet));
        return rows;
    }

    private List<List<String>> settings() {
        List<List<String>> rows = start(DefinitionLayout.SETTINGS);
        rows.add(List.of(DefinitionLayout.ID, c.id(), "", ""));
        rows.add(List.of(DefinitionLayout.TITLE, c.title(), "", ""));
        rows.add(List.of(DefinitionLayout.VERSION, Integer.toString(c.version()), "", ""));
        rows.add(List.of(DefinitionLayout.PERIOD, c.periodKind().label(), "", ""));
        rows.add(List.of(DefinitionLayout.SCHOOL_TYPES, String.join("、", c.schoolTypes()), "",
                ""));
        c.groups().forEach((name, members) -> rows.add(List.of(DefinitionLayout.GROUP, name, "",
                String.join("、", members))));
        for (Sheet s : c.sheets()) {
            rows.add(List.of(DefinitionLayout.SHEET, s.id(), s.title(),
                    String.join("、", s.valueColumns())));
        }
        Furniture f = c.furniture();
        String[][] items = {{"表号", f.formNumber()}, {"制表机关", f.compiledBy()},
            {"批准机关", f.approvedBy()}, {"批准文号", f.approvalNumber()},
            {"有效期至", f.validUntil()}};
        for (String[] item : items) {
            if (!item[1].isEmpty()) {
                rows.add(List.of(item[0], item[1], "", ""));
            }
        }
        rows.add(List.of(DefinitionLayout.SIGNATORIES, String.join("、", f.signatories()), "",
                ""));
        return rows;
    }

    private List<List<String>> fields() {
        List<List<String>> rows = start(DefinitionLayout.FIELDS);
        for (Sheet s : c.sheets()) {
            for (Line l : s.lines()) {
                boolean plain = l.fields().size() == 1 && l.fields().get(0).label()
                        .equals(l.label()) && plainSheet(s);
                for (Field f : l.fields()) {
                    List<String> row = new ArrayList<>(List.of(s.id(), plain ? "" : l.label(),
                            f.id()));
                    row.addAll(tail(f));
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Whether every line is one field under its own label (YAML {@code fields:}). */
    private static boolean plainSheet(Sheet s) {
        return s.lines().stream().allMatch(l -> l.fields().size() == 1
                && l.fields().get(0).label().equals(l.label()));
    }

    private List<List<String>> tables() {
        List<List<String>> rows = start(DefinitionLayout.TABLES);
        for (Sheet s : c.sheets()) {
            if (s.table().isEmpty()) {
                continue;
            }
            Table t = s.table().get();
            for (Field f : t.columns()) {
                String key = Table.key(f);
                List<String> row = new ArrayList<>(List.of(s.id(), t.id(),
                        Integer.toString(t.rows()), t.requiredWhenUsed().contains(key) ? YES : NO,
                        key));
                row.addAll(tail(f));
                rows.add(row);
            }
        }
        return rows;
    }

    /** 名称 类型 单位 小数位 必填 适用学校 选项 预填 公式 提示 上限. */
    private List<String> tail(Field f) {
        List<String> applies = c.schoolTypes().stream().filter(f.appliesTo()::contains).toList();
        return List.of(f.label(), DefinitionLayout.typeName(f.type()), f.unit(),
                f.decimals() == f.type().defaultDecimals() ? "" : Integer.toString(f.decimals()),
                f.required() ? YES : "", String.join("、", applies), listName(f),
                f.prefilled() ? YES : "", f.formula().orElse(""), f.hint(),
                f.max().map(java.math.BigDecimal::toPlainString).orElse(""));
    }

    private String listName(Field f) {
        if (f.values().isEmpty()) {
            return "";
        }
        String known = lists.get(f.values());
        if (known != null) {
            return known;
        }
        String name = lists.containsValue(f.label()) ? f.id() : f.label();
        lists.put(f.values(), name);
        return name;
    }

    private List<List<String>> lists() {
        List<List<String>> rows = start(DefinitionLayout.LISTS);
        lists.forEach((values, name) -> values.forEach(v -> rows.add(List.of(name, v))));
        return rows;
    }

    private List<List<String>> rules() {
        List<List<String>> rows = start(DefinitionLayout.RULES);
        for (Rule r : c.rules()) {
            rows.add(List.of(r.id(), r.severity() == Severity.ERROR ? DefinitionLayout.ERROR
                    : DefinitionLayout.WARNING, r.when().equals("true") ? "" : r.when(),
                    r.expression(), r.message(), r.table().orElse("")));
        }
        return rows;
    }

    private List<List<String>> indicators() {
        List<List<String>> rows = start(DefinitionLayout.INDICATORS);
        for (Indicator i : c.indicators()) {
            rows.add(List.of(i.id(), i.label(), i.expression(), i.unit(),
                    Integer.toString(i.decimals()), String.join("、", i.population())));
        }
        return rows;
    }

    /** One row a section: the {@code ##} title and the body lines, comments left out. */
    private static List<List<String>> narrative(String text) {
        List<List<String>> rows = start(DefinitionLayout.NARRATIVE);
        String title = null;
        List<String> body = new ArrayList<>();
        for (String line : (text + "\n## ").split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (title != null) {
                    rows.add(List.of(title, String.join("\n", body)));
                }
                title = line.substring(3).trim();
                body.clear();
            } else if (title != null && !line.startsWith("#") && !line.isBlank()) {
                body.add(line);
            }
        }
        return rows;
    }
}

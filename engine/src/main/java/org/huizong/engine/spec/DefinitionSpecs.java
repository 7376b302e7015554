package org.huizong.engine.spec;

import static org.huizong.engine.spec.DefinitionLayout.FIELDS;
import static org.huizong.engine.spec.DefinitionLayout.INDICATORS;
import static org.huizong.engine.spec.DefinitionLayout.LISTS;
import static org.huizong.engine.spec.DefinitionLayout.NARRATIVE;
import static org.huizong.engine.spec.DefinitionLayout.RULES;
import static org.huizong.engine.spec.DefinitionLayout.SETTINGS;
import static org.huizong.engine.spec.DefinitionLayout.SHEET;
import static org.huizong.engine.spec.DefinitionLayout.TABLES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.narrative.NarrativeTemplate;

/**
 * Reads a collection definition workbook ({@link DefinitionLayout}) into the same checked
 * {@link Collection} a YAML spec gives: the sheets become the spec's tree, every node carrying
 * its cell, and {@link CollectionSpecs} checks and builds it. Every problem is collected, each
 * named by file, sheet and cell ({@code 安全月报.xlsx 字段!E7}).
 */
public final class DefinitionSpecs {
    private final DefinitionBook book;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Map<String, Map<String, YamlNode>> sheets = new LinkedHashMap<>();

    private DefinitionSpecs(DefinitionBook book) {
        this.book = book;
    }

    /** Reads and checks a definition; never throws for a problem of the workbook's content. */
    public static DefinitionCheck check(DefinitionBook book) {
        return new DefinitionSpecs(book).read();
    }

    private DefinitionCheck read() {
        Map<String, YamlNode> top = new LinkedHashMap<>();
        settings(DefinitionGrid.of(book, SETTINGS, true, problems), top);
        lists(DefinitionGrid.of(book, LISTS, false, problems));
        fields(DefinitionGrid.of(book, FIELDS, true, problems));
        tables(DefinitionGrid.of(book, TABLES, false, problems));
        List<YamlNode> sheetNodes = new ArrayList<>();
        sheets.values().forEach(s -> sheetNodes.add(node(book.source() + " " + SETTINGS, s)));
        top.put("sheets", list(book.source() + " " + SETTINGS, sheetNodes));
        top.put("rules", rules(DefinitionGrid.of(book, RULES, false, problems)));
        top.put("indicators", indicators(DefinitionGrid.of(book, INDICATORS, false, problems)));
        YamlNode root = node(book.source(), top);
        problems.addAll(SpecProblems.of(root, book.source()));
        DefinitionGrid narrative = DefinitionGrid.of(book, NARRATIVE, false, problems);
        if (!problems.isEmpty()) {
            return failed();
        }
        Collection c = new CollectionSpecs(book.source()).collection(root);
        String text = narrative(narrative, c);
        return problems.isEmpty() ? new DefinitionCheck(Optional.of(c), text, List.of())
                : failed();
    }

    private DefinitionCheck failed() {
        return new DefinitionCheck(Optional.empty(), "",
                List.copyOf(new LinkedHashSet<>(problems)));
    }

    private void settings(DefinitionGrid g, Map<String, YamlNode> top) {
        Map<String, YamlNode> groups = new LinkedHashMap<>();
        Map<String, YamlNode> furniture = new LinkedHashMap<>();
        for (int r = 1; r < g.size(); r++) {
            if (g.blank(r)) {
                continue;
            }
            String key = g.text(r, "项目");
            String value = g.text(r, "内容");
            switch (key) {
                case DefinitionLayout.ID -> once(top, "id", g.node(r, "内容"), g, r);
                case DefinitionLayout.TITLE -> once(top, "title", g.node(r, "内容"), g, r);
                case DefinitionLayout.VERSION -> {
                    if (!value.matches("[1-9][0-9]{0,8}")) {
                        problems.add(g.where(r, "内容") + ": 版本应为正整数，而不是“" + value + "”");
                    }
                    once(top, "version", g.node(r, "内容"), g, r);
                }
                case DefinitionLayout.PERIOD -> {
                    if (!DefinitionLayout.periodNames().contains(value)) {
                        problems.add(g.where(r, "内容") + ": 报告期类型应为 "
                                + String.join("、", DefinitionLayout.periodNames()) + " 之一，而不是“"
                                + value + "”");
                    }
                    once(top, "period", g.node(r, "内容"), g, r);
                }
                case DefinitionLayout.SCHOOL_TYPES ->
                        once(top, "schoolTypes", split(g, r, "内容"), g, r);
                case DefinitionLayout.GROUP -> {
                    if (value.isEmpty() || groups.put(value, split(g, r, "列标题或成员")) != null) {
                        problems.add(g.where(r, "内容") + ": 分组名称为空或重复：'" + value + "'");
                    }
                }
                case SHEET -> sheetRow(g, r, value);
                case DefinitionLayout.SIGNATORIES ->
                        furniture.put("signatories", split(g, r, "内容"));
                default -> {
                    String item = DefinitionLayout.FURNITURE.get(key);
                    if (item != null) {
                        furniture.put(item, g.node(r, "内容"));
                    } else {
                        problems.add(g.where(r, "项目") + ": 未知的项目“" + key + "”（可用: "
                                + "报表编号、报表名称、版本、报告期类型、学校类型、分组、工作表、表号、制表机关、"
                                + "批准机关、批准文号、有效期至、签字栏）");
                    }
                }
            }
        }
        for (String k : List.of("id", "title", "schoolTypes")) {
            if (!top.containsKey(k) || top.get(k).isScalar() && top.get(k).text().isEmpty()) {
                problems.add(book.source() + " " + SETTINGS + ": 缺少“" + switch (k) {
                    case "id" -> DefinitionLayout.ID;
                    case "title" -> DefinitionLayout.TITLE;
                    default -> DefinitionLayout.SCHOOL_TYPES;
                } + "”一行");
                top.putIfAbsent(k, k.equals("schoolTypes") ? list(book.source(), List.of())
                        : new YamlNode(book.source(), 0, "?"));
            }
        }
        top.put("groups", node(book.source() + " " + SETTINGS, groups));
        if (!furniture.isEmpty()) {
            top.put("furniture", node(book.source() + " " + SETTINGS, furniture));
        }
    }

    private void once(Map<String, YamlNode> top, String key, YamlNode value, DefinitionGrid g,
            int r) {
        if (top.put(key, value) != null) {
            problems.add(g.where(r, "项目") + ": “" + g.text(r, "项目") + "”重复");
        }
    }

    private void sheetRow(DefinitionGrid g, int r, String id) {
        if (id.isEmpty() || sheets.containsKey(id)) {
            problems.add(g.where(r, "内容") + ": 工作表编号为空或重复：'" + id + "'");
            return;
        }
        if (g.text(r, "名称").isEmpty()) {
            problems.add(g.where(r, "名称") + ": 工作表 " + id + " 须有名称（工作表标签名）");
        }
        Map<String, YamlNode> s = new LinkedHashMap<>();
        s.put("id", g.node(r, "内容"));
        s.put("title", g.node(r, "名称"));
        if (!g.text(r, "列标题或成员").isEmpty()) {
            s.put("columns", split(g, r, "列标题或成员"));
        }
        sheets.put(id, s);
    }

    private void lists(DefinitionGrid g) {
        for (int r = 1; r < g.size(); r++) {
            if (!g.blank(r) && required(g, r)) {
                lists.computeIfAbsent(g.text(r, "选项表"), k -> new ArrayList<>())
                        .add(g.text(r, "值"));
            }
        }
    }

    private void fields(DefinitionGrid g) {
        String lastSheet = null;
        String lastLine = null;
        List<YamlNode> lineFields = null;
        for (int r = 1; r < g.size(); r++) {
            if (g.blank(r) || !required(g, r)) {
                continue;
            }
            Optional<Map<String, YamlNode>> sheet = sheetOf(g, r);
            Optional<YamlNode> field = field(g, r, "id", "字段编号");
            if (sheet.isEmpty() || field.isEmpty()) {
                continue;
            }
            String sheetId = g.text(r, SHEET);
            String line = g.text(r, "行标题");
            if (line.isEmpty()) {
                listOf(sheet.get(), "fields", g, r).add(field.get());
                lastLine = null;
                continue;
            }
            if (!sheetId.equals(lastSheet) || !line.equals(lastLine)) {
                lineFields = new ArrayList<>();
                Map<String, YamlNode> l = new LinkedHashMap<>();
                l.put("label", g.node(r, "行标题"));
                l.put("fields", new YamlNode(g.whereRow(r), 0, lineFields));
                listOf(sheet.get(), "lines", g, r).add(node(g.whereRow(r), l));
            }
            lineFields.add(field.get());
            lastSheet = sheetId;
            lastLine = line;
        }
    }

    private void tables(DefinitionGrid g) {
        for (int r = 1; r < g.size(); r++) {
            if (g.blank(r) || !required(g, r)) {
                continue;
            }
            Optional<Map<String, YamlNode>> sheet = sheetOf(g, r);
            Optional<YamlNode> column = field(g, r, "key", "列键");
            if (sheet.isEmpty() || column.isEmpty()) {
                continue;
            }
            YamlNode table = sheet.get().get("table");
            if (table == null) {
                table = newTable(g, r);
                sheet.get().put("table", table);
            }
            if (!table.map().get("id").text().equals(g.text(r, "表格编号"))) {
                problems.add(g.where(r, "表格编号") + ": 工作表 " + g.text(r, SHEET)
                        + " 已有表格 " + table.map().get("id").text() + "，一个工作表只能有一个表格");
                continue;
            }
            if (flag(g, r, "使用时必填")) {
                mutable(table.map().get("requiredWhenUsed")).add(g.node(r, "列键"));
            }
            mutable(table.map().get("columns")).add(column.get());
        }
    }

    private static YamlNode newTable(DefinitionGrid g, int r) {
        Map<String, YamlNode> t = new LinkedHashMap<>();
        t.put("id", g.node(r, "表格编号"));
        if (!g.text(r, "行数").isEmpty()) {
            t.put("rows", g.node(r, "行数"));
        }
        t.put("requiredWhenUsed", new YamlNode(g.whereRow(r), 0, new ArrayList<YamlNode>()));
        t.put("columns", new YamlNode(g.whereRow(r), 0, new ArrayList<YamlNode>()));
        return node(g.whereRow(r), t);
    }

    /** A field row as the spec's field mapping; empty (and reported) when a cell is bad. */
    private Optional<YamlNode> field(DefinitionGrid g, int r, String idKey, String idHeader) {
        int before = problems.size();
        Map<String, YamlNode> f = new LinkedHashMap<>();
        f.put(idKey, g.node(r, idHeader));
        f.put("label", g.node(r, "名称"));
        Optional<FieldType> type = DefinitionLayout.findType(g.text(r, "类型"));
        if (type.isEmpty()) {
            problems.add(g.where(r, "类型") + ": 未知的类型“" + g.text(r, "类型") + "”（可用: "
                    + String.join("、", DefinitionLayout.typeNames()) + "）");
        } else {
            f.put("type", g.node(r, "类型", type.get().specName()));
        }
        optional(g, r, "单位", "unit", f);
        optional(g, r, "小数位", "decimals", f);
        f.put("required", g.node(r, "必填", Boolean.toString(flag(g, r, "必填"))));
        if (!g.text(r, "适用学校").isEmpty()) {
            f.put("appliesTo", split(g, r, "适用学校"));
        }
        String list = g.text(r, "选项");
        if (!list.isEmpty()) {
            if (!lists.containsKey(list)) {
                problems.add(g.where(r, "选项") + ": “选项”表中没有名为“" + list + "”的选项表");
            } else {
                List<YamlNode> values = new ArrayList<>();
                lists.get(list).forEach(v -> values.add(g.node(r, "选项", v)));
                f.put("values", list(g.where(r, "选项"), values));
            }
        } else if (type.isPresent() && type.get() == FieldType.ENUM) {
            problems.add(g.where(r, "选项") + ": 类型为选项的字段须填写选项表名称");
        }
        f.put("prefilled", g.node(r, "预填", Boolean.toString(flag(g, r, "预填"))));
        optional(g, r, "公式", "formula", f);
        optional(g, r, "提示", "hint", f);
        optional(g, r, "上限", "max", f);
        return problems.size() > before ? Optional.empty() : Optional.of(node(g.whereRow(r), f));
    }

    private Optional<Map<String, YamlNode>> sheetOf(DefinitionGrid g, int r) {
        Map<String, YamlNode> s = sheets.get(g.text(r, SHEET));
        if (s == null) {
            problems.add(g.where(r, SHEET) + ": 没有编号为“" + g.text(r, SHEET) + "”的工作表（在“"
                    + SETTINGS + "”表加一行 工作表 | 编号 | 名称；已有: "
                    + String.join("、", sheets.keySet()) + "）");
        }
        return Optional.ofNullable(s);
    }

    private YamlNode rules(DefinitionGrid g) {
        List<YamlNode> out = new ArrayList<>();
        for (int r = 1; r < g.size(); r++) {
            if (g.blank(r) || !required(g, r)) {
                continue;
            }
            Map<String, YamlNode> m = new LinkedHashMap<>();
            m.put("id", g.node(r, "编号"));
            String level = g.text(r, "级别");
            switch (level) {
                case DefinitionLayout.ERROR, "error" -> m.put("severity",
                        g.node(r, "级别", "error"));
                case DefinitionLayout.WARNING, "warning" -> m.put("severity",
                        g.node(r, "级别", "warning"));
                default -> {
                    problems.add(g.where(r, "级别") + ": 级别应为 错误 或 警告，而不是“" + level + "”");
                    continue;
                }
            }
            optional(g, r, "条件", "when", m);
            m.put("check", g.node(r, "校验式"));
            m.put("message", g.node(r, "提示信息"));
            optional(g, r, "表格", "table", m);
            out.add(node(g.whereRow(r), m));
        }
        return list(book.source() + " " + RULES, out);
    }

    private YamlNode indicators(DefinitionGrid g) {
        List<YamlNode> out = new ArrayList<>();
        for (int r = 1; r < g.size(); r++) {
            if (g.blank(r) || !required(g, r)) {
                continue;
            }
            Map<String, YamlNode> m = new LinkedHashMap<>();
            m.put("id", g.node(r, "编号"));
            m.put("label", g.node(r, "名称"));
            m.put("expression", g.node(r, "表达式"));
            optional(g, r, "单位", "unit", m);
            optional(g, r, "小数位", "decimals", m);
            if (!g.text(r, "适用学校").isEmpty()) {
                m.put("population", split(g, r, "适用学校"));
            }
            out.add(node(g.whereRow(r), m));
        }
        return list(book.source() + " " + INDICATORS, out);
    }

    /** The narrative's text, each row a section; each section is checked alone, at its cell. */
    private String narrative(DefinitionGrid g, Collection c) {
        StringBuilder all = new StringBuilder();
        for (int r = 1; r < g.size(); r++) {
            if (g.blank(r) || !required(g, r)) {
                continue;
            }
            String section = "## " + g.text(r, "段落标题") + "\n" + g.text(r, "内容") + "\n";
            try {
                NarrativeTemplate.parse(section, g.where(r, "内容"), c);
            } catch (HuizongException e) {
                problems.add(e.getMessage());
            }
            all.append(section).append('\n');
        }
        return all.toString();
    }

    /** Reports the row's blank required cells; whether there were none. */
    private boolean required(DefinitionGrid g, int r) {
        boolean ok = true;
        for (DefinitionLayout.Column c : DefinitionLayout.columns(g.sheet())) {
            if (c.required() && g.has(c.header()) && g.text(r, c.header()).isEmpty()) {
                problems.add(g.where(r, c.header()) + ": “" + c.header() + "”不能为空");
                ok = false;
            }
        }
        return ok;
    }

    private boolean flag(DefinitionGrid g, int r, String header) {
        String t = g.text(r, header);
        if (t.isEmpty() || t.equals(DefinitionLayout.NO) || t.equalsIgnoreCase("false")) {
            return false;
        }
        if (t.equals(DefinitionLayout.YES) || t.equalsIgnoreCase("true")) {
            return true;
        }
        problems.add(g.where(r, header) + ": 应填 是 或 否，而不是“" + t + "”");
        return false;
    }

    private static void optional(DefinitionGrid g, int r, String header, String key,
            Map<String, YamlNode> into) {
        if (!g.text(r, header).isEmpty()) {
            into.put(key, g.node(r, header));
        }
    }

    private static YamlNode split(DefinitionGrid g, int r, String header) {
        List<YamlNode> items = new ArrayList<>();
        for (String s : g.text(r, header).split(DefinitionLayout.LIST_SEPARATORS)) {
            if (!s.isBlank()) {
                items.add(g.node(r, header, s.trim()));
            }
        }
        return list(g.where(r, header), items);
    }

    private List<YamlNode> listOf(Map<String, YamlNode> sheet, String key, DefinitionGrid g,
            int r) {
        return mutable(sheet.computeIfAbsent(key,
                k -> new YamlNode(g.whereRow(r), 0, new ArrayList<YamlNode>())));
    }

    @SuppressWarnings("unchecked")
    private static List<YamlNode> mutable(YamlNode list) {
        return (List<YamlNode>) list.value();
    }

    private static YamlNode node(String where, Map<String, YamlNode> map) {
        return new YamlNode(where, 0, map);
    }

    private static YamlNode list(String where, List<YamlNode> items) {
        return new YamlNode(where, 0, items);
    }
}

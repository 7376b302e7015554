package org.huizong.engine.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Furniture;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Indicator;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;
import org.huizong.engine.rules.Expr;
import org.huizong.engine.rules.RuleParser;

/**
 * Reads a collection spec (format: {@code docs/spec-format.md}). Everything is checked at load
 * time — unknown keys, duplicate ids, bad types, unknown groups, and every field a rule, formula,
 * indicator or message refers to — so a spec that loads can be trusted by every later stage.
 */
public final class CollectionSpecs {
    static final Set<String> TOP = Set.of("id", "title", "version", "schoolTypes",
            "groups", "sheets", "rules", "indicators", "period", "furniture");
    static final Set<String> FURNITURE = Set.of("formNumber", "compiledBy",
            "approvedBy", "approvalNumber", "validUntil", "signatories");
    static final Set<String> SHEET = Set.of("id", "title", "columns", "fields", "lines",
            "table");
    private static final Set<String> FIELD = Set.of("id", "key", "label", "type", "unit",
            "decimals", "appliesTo", "required", "values", "prefilled", "formula", "hint", "max");
    static final Set<String> LINE = Set.of("label", "fields");
    static final Set<String> TABLE = Set.of("id", "rows", "requiredWhenUsed", "columns");
    static final Set<String> RULE = Set.of("id", "severity", "when", "check", "message",
            "table", "foreach", "labels");
    static final Set<String> INDICATOR = Set.of("id", "label", "expression", "unit",
            "decimals", "foreach", "labels", "population");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(=?)([^{}]+)}");

    private final String source;
    List<String> schoolTypes = List.of();
    Map<String, List<String>> groups = Map.of();

    CollectionSpecs(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** Loads a spec file; messages name the file by its file name. */
    public static Collection load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8),
                    file.getFileName().toString());
        } catch (IOException e) {
            throw new SpecException(file + ": 无法读取: " + e.getMessage(), e);
        }
    }

    /** Parses spec text; {@code sourceName} prefixes every message ({@code edu-halfyear.yaml}). */
    public static Collection parse(String yaml, String sourceName) {
        return new CollectionSpecs(sourceName).collection(YamlNode.parse(yaml, sourceName));
    }

    /**
     * Every problem of spec text, not only the first: each field, rule and indicator is checked
     * alone ({@code huizong collection check}). Empty when {@link #parse} would succeed.
     */
    public static List<String> problems(String yaml, String sourceName) {
        try {
            return SpecProblems.of(YamlNode.parse(yaml, sourceName), sourceName);
        } catch (SpecException e) {
            return List.of(e.getMessage());
        }
    }

    Collection collection(YamlNode root) {
        YamlMapping top = new YamlMapping(root, "collection", TOP);
        String id = top.text("id");
        schoolTypes = top.texts("schoolTypes");
        if (schoolTypes.isEmpty()) {
            throw top.error("缺少 schoolTypes");
        }
        groups = groups(top.find("groups"));
        List<Sheet> sheets = new ArrayList<>();
        for (YamlNode s : top.get("sheets").list()) {
            sheets.add(sheet(s));
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Sheet s : sheets) {
            for (Field f : s.fields()) {
                putUnique(fields, f, s.id());
            }
            s.table().ifPresent(t -> t.columns().forEach(c -> putUnique(fields, c, s.id())));
        }
        checkFormulas(sheets, fields.keySet());
        List<Rule> rules = new ArrayList<>();
        for (YamlNode n : expand(top.find("rules"), RULE)) {
            rules.add(rule(n, fields));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (YamlNode n : expand(top.find("indicators"), INDICATOR)) {
            indicators.add(indicator(n, fields.keySet()));
        }
        try {
            return new Collection(id, top.text("title"), top.integer("version", 1), schoolTypes,
                    groups, sheets, rules, indicators).withPeriodKind(periodKind(top))
                    .withFurniture(furniture(top));
        } catch (IllegalArgumentException e) {
            throw top.error(e.getMessage());
        }
    }

    /** {@code furniture:} the 表号 block and signatures; absent, none and the standard ones. */
    private static Furniture furniture(YamlMapping top) {
        Optional<YamlNode> node = top.find("furniture");
        if (node.isEmpty()) {
            return Furniture.NONE;
        }
        YamlMapping f = new YamlMapping(node.get(), "furniture", FURNITURE);
        List<String> signatories = f.find("signatories").isPresent() ? f.texts("signatories")
                : Furniture.STANDARD_SIGNATORIES;
        return new Furniture(f.text("formNumber", ""), f.text("compiledBy", ""),
                f.text("approvedBy", ""), f.text("approvalNumber", ""), f.text("validUntil", ""),
                signatories);
    }

    /** {@code period:} as the kind's word (月报, 半年报, ...) or English (month, half-year, ...). */
    private static Period.Kind periodKind(YamlMapping top) {
        String word = top.text("period", Period.Kind.HALF_YEAR.label());
        for (Period.Kind k : Period.Kind.values()) {
            if (k.label().equals(word) || k.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-').equals(word)) {
                return k;
            }
        }
        throw top.error("period: '" + word + "' 应为 月报、季报、半年报、年报 或 学年报"
                + "（month、quarter、half-year、year、school-year）");
    }

    private void putUnique(Map<String, Field> fields, Field f, String sheet) {
        if (fields.put(f.id(), f) != null) {
            throw new SpecException(source + ": 字段编号 " + f.id() + " 重复（表 " + sheet + "）");
        }
    }

    Map<String, List<String>> groups(Optional<YamlNode> node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node.isEmpty()) {
            return out;
        }
        node.get().map().forEach((name, members) -> {
            for (String t : members.texts()) {
                if (!schoolTypes.contains(t)) {
                    throw members.error("分组 " + name + " 含未知学校类型 '" + t + "'");
                }
            }
            out.put(name, members.texts());
        });
        return out;
    }

    private Sheet sheet(YamlNode node) {
        YamlMapping e = new YamlMapping(node, "sheet", SHEET);
        String id = e.text("id");
        List<String> columns = e.find("columns").map(YamlNode::texts).orElse(List.of("填报数"));
        List<Line> lines = new ArrayList<>();
        e.find("fields").ifPresent(list -> {
            for (YamlNode f : list.list()) {
                Field field = field(f, null);
                lines.add(new Line(field.label(), List.of(field)));
            }
        });
        e.find("lines").ifPresent(list -> {
            for (YamlNode l : list.list()) {
                YamlMapping le = new YamlMapping(l, "sheet " + id + " line", LINE);
                List<Field> fs = new ArrayList<>();
                for (YamlNode f : le.get("fields").list()) {
                    fs.add(field(f, null));
                }
                lines.add(new Line(le.text("label"), fs));
            }
        });
        Optional<Table> table = e.find("table").map(this::table);
        if (lines.isEmpty() && table.isEmpty()) {
            throw e.error("表 " + id + " 既没有 fields/lines 也没有 table");
        }
        try {
            return new Sheet(id, e.text("title"), table.isPresent() && lines.isEmpty()
                    ? List.of() : columns, lines, table);
        } catch (IllegalArgumentException ex) {
            throw e.error(ex.getMessage());
        }
    }

    private Table table(YamlNode node) {
        YamlMapping e = new YamlMapping(node, "table", TABLE);
        String id = e.text("id");
        List<Field> columns = new ArrayList<>();
        for (YamlNode c : e.get("columns").list()) {
            columns.add(field(c, id));
        }
        List<String> required = e.texts("requiredWhenUsed");
        for (String key : required) {
            if (columns.stream().noneMatch(c -> Table.key(c).equals(key))) {
                throw e.error("requiredWhenUsed 中的列 '" + key + "' 不存在");
            }
        }
        return new Table(id, columns, e.integer("rows", 20), required);
    }

    /** A form field, or a table column when {@code tableId} is given (its id is built). */
    Field field(YamlNode node, String tableId) {
        YamlMapping e = new YamlMapping(node, "field", FIELD);
        String id = tableId == null ? e.text("id") : tableId + "." + e.text("key");
        FieldType type;
        try {
            type = FieldType.parse(e.text("type"));
        } catch (IllegalArgumentException ex) {
            throw e.get("type").error("字段 " + id + ": " + ex.getMessage());
        }
        Set<String> applies = new LinkedHashSet<>();
        for (YamlNode a : e.find("appliesTo").map(YamlNode::list).orElse(List.of())) {
            String name = a.text();
            if (groups.containsKey(name)) {
                applies.addAll(groups.get(name));
            } else if (schoolTypes.contains(name)) {
                applies.add(name);
            } else {
                throw a.error("字段 " + id + ": appliesTo 中 '" + name + "' 既不是学校类型也不是分组");
            }
        }
        try {
            return new Field(id, e.text("label"), type, e.text("unit", ""),
                    e.integer("decimals", type.defaultDecimals()), applies, e.flag("required"),
                    e.texts("values"), e.flag("prefilled"),
                    e.find("formula").map(YamlNode::text), e.text("hint", ""), e.positive("max"));
        } catch (IllegalArgumentException ex) {
            throw e.error(ex.getMessage());
        }
    }

    void checkFormulas(List<Sheet> sheets, Set<String> known) {
        for (Sheet s : sheets) {
            for (Field f : s.fields()) {
                if (f.formula().isPresent()) {
                    Expr x = parseExpr(f.formula().get(), "字段 " + f.id() + " 的 formula", null);
                    checkRefs(x, known, "字段 " + f.id() + " 的 formula", null);
                }
            }
        }
    }

    /** Expands entries with {@code foreach} into one entry per value. */
    List<YamlNode> expand(Optional<YamlNode> list, Set<String> allowed) {
        List<YamlNode> out = new ArrayList<>();
        if (list.isEmpty()) {
            return out;
        }
        for (YamlNode n : list.get().list()) {
            YamlMapping e = new YamlMapping(n, "entry", allowed);
            if (e.find("foreach").isEmpty()) {
                if (e.find("labels").isPresent()) {
                    throw e.error("labels 只能与 foreach 一起使用");
                }
                out.add(n);
                continue;
            }
            out.addAll(expandOne(e));
        }
        return out;
    }

    private List<YamlNode> expandOne(YamlMapping e) {
        Map<String, List<String>> vars = new LinkedHashMap<>();
        e.get("foreach").map().forEach((k, v) -> vars.put(k, v.texts()));
        int n = vars.values().iterator().next().size();
        for (Map.Entry<String, List<String>> v : vars.entrySet()) {
            if (v.getValue().size() != n) {
                throw e.error("foreach 的各列表长度不同（" + v.getKey() + " 有 "
                        + v.getValue().size() + " 项，应为 " + n + " 项）");
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        e.find("labels").ifPresent(l -> l.map().forEach((k, v) -> labels.put(k, v.text())));
        String first = vars.keySet().iterator().next();
        Map<String, YamlNode> body = new LinkedHashMap<>(e.node().map());
        body.remove("foreach");
        body.remove("labels");
        YamlNode template = new YamlNode(e.node().source(), e.node().line(), body);
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> binding = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> v : vars.entrySet()) {
                binding.put(v.getKey(), v.getValue().get(i));
            }
            String key = binding.get(first);
            if (!labels.isEmpty()) {
                if (!labels.containsKey(key)) {
                    throw e.error("labels 缺少 '" + key + "'");
                }
                binding.put("label", labels.get(key));
            }
            out.add(template.mapScalars(s -> substitute(s, binding, e)));
        }
        return out;
    }

    private static String substitute(String s, Map<String, String> binding, YamlMapping e) {
        Matcher m = VAR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = binding.get(m.group(1));
            if (v == null) {
                throw e.error("未定义的变量 ${" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        return m.appendTail(sb).toString();
    }

    Rule rule(YamlNode node, Map<String, Field> fields) {
        YamlMapping e = new YamlMapping(node, "rule", RULE);
        String id = e.text("id");
        String what = "规则 " + id;
        Severity severity = switch (e.text("severity")) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw e.get("severity").error(what + ": severity 应为 error 或 warning");
        };
        Optional<String> table = e.find("table").map(YamlNode::text);
        if (table.isPresent() && fields.keySet().stream()
                .noneMatch(f -> f.startsWith(table.get() + "."))) {
            throw e.get("table").error(what + ": 没有名为 '" + table.get() + "' 的表格");
        }
        String when = e.text("when", "true");
        Expr whenExpr = parseExpr(when, what + " 的 when", e.find("when").orElse(node));
        checkRefs(whenExpr, fields.keySet(), what + " 的 when", e.find("when").orElse(node));
        Expr check = parseExpr(e.text("check"), what + " 的 check", e.get("check"));
        checkRefs(check, fields.keySet(), what + " 的 check", e.get("check"));
        String message = e.text("message");
        checkMessage(message, fields.keySet(), what, e.get("message"));
        Rule.Scope scope = check.usesOutlier() ? Rule.Scope.CONSOLIDATION
                : check.usesPrev() || whenExpr.usesPrev() ? Rule.Scope.PREVIOUS
                : Rule.Scope.RETURN;
        return new Rule(id, severity, when, e.text("check"), message, scope, table,
                node.where());
    }

    private void checkMessage(String message, Set<String> known, String what, YamlNode at) {
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            String body = m.group(2).trim();
            if (m.group(1).isEmpty()) {
                if (!known.contains(body)) {
                    throw at.error(what + " 的 message 引用了未知字段 {" + body + "}");
                }
            } else {
                checkRefs(parseExpr(body, what + " 的 message", at), known,
                        what + " 的 message", at);
            }
        }
    }

    Indicator indicator(YamlNode node, Set<String> known) {
        YamlMapping e = new YamlMapping(node, "indicator", INDICATOR);
        String id = e.text("id");
        Expr x = parseExpr(e.text("expression"), "指标 " + id, e.get("expression"));
        checkRefs(x, known, "指标 " + id, e.get("expression"));
        List<String> population = population(e, id);
        try {
            return new Indicator(id, e.text("label"), e.text("expression"), e.text("unit", ""),
                    e.integer("decimals", 0), population);
        } catch (IllegalArgumentException ex) {
            throw e.error(ex.getMessage());
        }
    }

    /**
     * The school types an indicator is computed over: {@code population: [义务]} names groups or
     * types, as {@code appliesTo} does; none given, every school.
     */
    private List<String> population(YamlMapping e, String id) {
        Set<String> types = new LinkedHashSet<>();
        for (YamlNode a : e.find("population").map(YamlNode::list).orElse(List.of())) {
            String name = a.text();
            if (groups.containsKey(name)) {
                types.addAll(groups.get(name));
            } else if (schoolTypes.contains(name)) {
                types.add(name);
            } else {
                throw a.error("指标 " + id + ": population 中 '" + name + "' 既不是学校类型也不是分组");
            }
        }
        return List.copyOf(types);
    }

    private Expr parseExpr(String text, String what, YamlNode at) {
        try {
            return RuleParser.parse(text);
        } catch (HuizongException ex) {
            String where = at == null ? source : at.where();
            throw new SpecException(where + ": " + what + ": " + ex.getMessage(), ex);
        }
    }

    private void checkRefs(Expr x, Set<String> known, String what, YamlNode at) {
        for (String ref : x.fieldRefs()) {
            if (!known.contains(ref)) {
                String where = at == null ? source : at.where();
                throw new SpecException(where + ": " + what + " 引用了未知字段 '" + ref + "'");
            }
        }
    }
}

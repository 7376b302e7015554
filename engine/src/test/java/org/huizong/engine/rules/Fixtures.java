package org.huizong.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.spec.CollectionSpecs;

/** A small collection with every feature the rule language touches, and a return builder. */
final class Fixtures {
    static final String YAML = """
            id: mini
            title: 测试报表
            version: 1
            schoolTypes: [幼儿园, 小学, 初中, 普通高中]
            groups:
              学前: [幼儿园]
              义务: [小学, 初中]
            sheets:
              - id: info
                title: 学校基本情况
                fields:
                  - {id: info.code, label: 学校标识码, type: text, prefilled: true}
                  - {id: info.type, label: 学校类型, type: enum, prefilled: true,
                     values: [幼儿园, 小学, 初中, 普通高中]}
                  - {id: info.head, label: 学校负责人, type: text, required: true}
                  - {id: info.phone, label: 联系电话, type: phone, required: true}
                  - {id: info.students, label: 在校学生数, type: count, unit: 人, required: true}
                  - {id: info.staff, label: 教职工数, type: count, unit: 人}
                  - {id: info.teachers, label: 专任教师数, type: count, unit: 人}
                  - {id: info.provided, label: 是否开展课后服务, type: enum, values: [是, 否],
                     appliesTo: [义务]}
                  - {id: info.area, label: 校舍面积, type: area, unit: 平方米}
              - id: aid
                title: 学生资助
                columns: [资助人数(人), 资助金额(万元)]
                lines:
                  - label: 学前教育幼儿资助
                    fields:
                      - {id: aid.pre.persons, label: 学前资助人数, type: count, unit: 人,
                         appliesTo: [学前]}
                      - {id: aid.pre.amount, label: 学前资助金额, type: money, unit: 万元,
                         appliesTo: [学前]}
                  - label: 其他资助
                    fields:
                      - {id: aid.other.persons, label: 其他资助人数, type: count, unit: 人}
                      - {id: aid.other.amount, label: 其他资助金额, type: money, unit: 万元}
                  - label: 合计
                    fields:
                      - {id: aid.total.persons, label: 资助人次合计, type: count, unit: 人次,
                         formula: "aid.pre.persons + aid.other.persons"}
                      - {id: aid.total.amount, label: 资助金额合计, type: money, unit: 万元,
                         formula: "aid.pre.amount + aid.other.amount"}
              - id: projects
                title: 项目建设
                table:
                  id: projects
                  rows: 5
                  requiredWhenUsed: [name, category]
                  columns:
                    - {key: name, label: 项目名称, type: text}
                    - {key: category, label: 类别, type: enum, values: [新建, 维修改造]}
                    - {key: area, label: 建筑面积, type: area, unit: 平方米}
                    - {key: budget, label: 计划总投资, type: money, unit: 万元}
                    - {key: invested, label: 本期完成投资, type: money, unit: 万元}
            rules:
              - id: info.teachers_le_staff
                severity: error
                check: info.teachers <= info.staff
                message: 专任教师数({info.teachers})不能大于教职工数({info.staff})
              - id: aid.pre.per_person
                severity: warning
                when: type_is("学前")
                check: aid.pre.persons = 0 or (aid.pre.amount / aid.pre.persons >= 0.03
                  and aid.pre.amount / aid.pre.persons <= 0.10)
                message: 学前资助人均{=aid.pre.amount / aid.pre.persons}万元，超出常见范围，请核对或说明
              - id: projects.invested_le_budget
                severity: error
                table: projects
                check: blank(projects.budget) or projects.invested <= projects.budget
                message: 项目“{projects.name}”本期完成投资({projects.invested}万元)\
            不能大于计划总投资({projects.budget}万元)
              - id: change.students
                severity: warning
                check: prev(info.students) = 0
                  or abs(info.students - prev(info.students)) <= 0.5 * prev(info.students)
                message: 在校学生数本期{info.students}，上期{=prev(info.students)}，变化超过50%，请核对或说明
              - id: outlier.aid_per_student
                severity: warning
                check: not outlier(aid.total.amount / info.students)
                message: 生均资助金额{=aid.total.amount / info.students}万元，明显偏离同类学校，请核对或说明
            indicators:
              - {id: projects.count, label: 项目数, expression: count(projects.name), unit: 个}
              - {id: projects.new.budget, label: 新建项目计划总投资,
                 expression: "sumif(projects.budget, projects.category, \\"新建\\")", unit: 万元,
                 decimals: 4}
            """;

    private static final Collection MINI = CollectionSpecs.parse(YAML, "mini.yaml");

    private Fixtures() {
    }

    static Collection mini() {
        return MINI;
    }

    /** The mini collection with other rules (bypassing the loader's own checks). */
    static Collection withRules(Rule... rules) {
        Collection c = MINI;
        return new Collection(c.id(), c.title(), c.version(), c.schoolTypes(), c.groups(),
                c.sheets(), List.of(rules), List.of());
    }

    /** The mini collection with one extra computed field on the info sheet. */
    static Collection withFormula(String id, String formula) {
        Collection c = MINI;
        List<Sheet> sheets = new ArrayList<>(c.sheets());
        Sheet info = sheets.get(0);
        List<Line> lines = new ArrayList<>(info.lines());
        lines.add(new Line("x", List.of(new Field(id, "计算", org.huizong.engine.model.FieldType
                .COUNT, "", 0, java.util.Set.of(), false, List.of(), false,
                java.util.Optional.of(formula), ""))));
        sheets.set(0, new Sheet(info.id(), info.title(), info.valueColumns(), lines,
                info.table()));
        return new Collection(c.id(), c.title(), c.version(), c.schoolTypes(), c.groups(),
                sheets, List.of(), List.of());
    }

    static ReturnBuilder school(String type) {
        return new ReturnBuilder(type);
    }

    /** Builds a return as the reader would; cells are column D (second value column E). */
    static final class ReturnBuilder {
        private String file = "测试学校.xlsx";
        private String code = "3412000001";
        private final Map<String, Value> values = new LinkedHashMap<>();
        private final Map<String, List<TableRow>> tables = new LinkedHashMap<>();
        private final Map<String, String> explanations = new LinkedHashMap<>();
        private final List<Finding> read = new ArrayList<>();

        ReturnBuilder(String type) {
            values.put("info.code", Value.of(code));
            if (type != null) {
                values.put("info.type", Value.of(type));
            }
        }

        ReturnBuilder file(String name, String schoolCode) {
            this.file = name;
            this.code = schoolCode;
            values.put("info.code", Value.of(schoolCode));
            return this;
        }

        ReturnBuilder set(String field, long n) {
            values.put(field, Value.of(n));
            return this;
        }

        ReturnBuilder set(String field, String decimal) {
            values.put(field, Value.of(new java.math.BigDecimal(decimal)));
            return this;
        }

        ReturnBuilder text(String field, String text) {
            values.put(field, Value.of(text));
            return this;
        }

        /** A filled-in base: everything required present and consistent. */
        ReturnBuilder valid() {
            text("info.head", "张三");
            text("info.phone", "13800138000");
            set("info.students", 300);
            set("info.staff", 30);
            set("info.teachers", 25);
            return this;
        }

        /** A used row: numbers as numbers, other text as text; row n's cells are B..F of n + 3. */
        ReturnBuilder row(String table, Object... keyValues) {
            List<TableRow> rows = tables.computeIfAbsent(table, k -> new ArrayList<>());
            int index = rows.size() + 1;
            Map<String, Value> v = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                Object x = keyValues[i + 1];
                String text = x.toString();
                v.put((String) keyValues[i], text.matches("-?\\d+(\\.\\d+)?")
                        ? Value.of(new java.math.BigDecimal(text)) : Value.of(text));
            }
            Map<String, CellRef> cells = new LinkedHashMap<>();
            Table t = MINI.tables().stream().filter(x -> x.id().equals(table)).findFirst()
                    .orElseThrow();
            String title = MINI.sheetOf(t.columns().get(0)).title();
            for (int c = 0; c < t.columns().size(); c++) {
                cells.put(Table.key(t.columns().get(c)), CellRef.of(title, index + 2, c + 1));
            }
            rows.add(new TableRow(index, v, cells));
            return this;
        }

        ReturnBuilder explain(String rule, String text) {
            explanations.put(rule, text);
            return this;
        }

        ReturnBuilder readFinding(Finding f) {
            read.add(f);
            return this;
        }

        Return build() {
            return build(MINI);
        }

        Return build(Collection c) {
            Map<String, CellRef> cells = new LinkedHashMap<>();
            for (Sheet s : c.sheets()) {
                for (int i = 0; i < s.lines().size(); i++) {
                    List<Field> fs = s.lines().get(i).fields();
                    for (int j = 0; j < fs.size(); j++) {
                        if (fs.get(j) != null) {
                            cells.put(fs.get(j).id(), CellRef.of(s.title(), i + 2, 3 + j));
                        }
                    }
                }
            }
            return new Return(file, new ReturnMeta(c.id(), c.version(), Period.parse("2024H1"),
                    code, c.structureHash(), ReturnMeta.KIND_RETURN), values, cells, tables,
                    explanations, read);
        }
    }
}

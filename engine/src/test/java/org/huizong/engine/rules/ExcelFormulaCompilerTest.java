package org.huizong.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExcelFormulaCompilerTest {
    private static final Validator MINI = Validator.of(Fixtures.mini());
    private static final ExcelFormulaCompiler COMPILER = ExcelFormulaCompiler.of(MINI);
    private static final ExcelFormulaCompiler.Resolver NAMES =
            ExcelFormulaCompiler.Resolver.definedNames();

    private static String cond(String source) {
        return COMPILER.condition(RuleParser.parse(source), NAMES);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "info.teachers <= info.staff | `IF(OR(NOT(OR(ISBLANK(F_info_teachers),ISNUMBER("
                + "F_info_teachers))),NOT(OR(ISBLANK(F_info_staff),ISNUMBER(F_info_staff)))),"
                + "TRUE,ROUND(F_info_teachers-F_info_staff,9)<=0)`",
        "true and (false or not false) | AND(TRUE,OR(FALSE,NOT(FALSE)))",
        "1 < 2 and 2 < 3 and 3 < 4 | AND(ROUND(1-2,9)<0,ROUND(2-3,9)<0,ROUND(3-4,9)<0)",
        "1 / 0 > 1 | `IF(0=0,TRUE,ROUND((1/0)-1,9)>0)`",
        "info.provided = \"否\" | F_info_provided=\"否\"",
        "\"a\\\"b\" = \"c\" | \"a\"\"b\"=\"c\"",
        "type_is(\"义务\", \"幼儿园\") | `OR(F_info_type=\"小学\",F_info_type=\"初中\","
                + "F_info_type=\"幼儿园\")`",
        "blank(info.head) or present(info.phone) "
                + "| OR(ISBLANK(F_info_head),NOT(ISBLANK(F_info_phone)))",
        "countif(projects.category, \"新建\") >= 1 "
                + "| `ROUND(COUNTIF(T_projects_category,\"=新建\")-1,9)>=0`",
        "sumif(projects.budget, projects.category, \"新建\") <= sum(projects.budget) "
                + "| `ROUND(SUMIF(T_projects_category,\"=新建\",T_projects_budget)"
                + "-SUM(T_projects_budget),9)<=0`",
        "count(projects.name) = 0 | ROUND(COUNTA(T_projects_name)-0,9)=0",
        "(1 = 0) = (2 = 0) | (ROUND(1-0,9)=0=ROUND(2-0,9)=0)",
        "approx(0.1 + 0.2, 0.3) | ROUND(ABS((0.1+0.2)-0.3)-0.00005,9)<=0",
        "round(-2.5, 0) = -3 | ROUND(ROUND(-2.5,0)-(-3),9)=0",
    })
    void conditionsCompileToGuardedFormulas(String source, String formula) {
        assertThat(cond(source)).isEqualTo(formula);
    }

    @Test
    void computedFieldsAreUnknownWhenTheirCellIsNotANumber() {
        assertThat(cond("aid.total.amount > 1")).isEqualTo(
                "IF(NOT(ISNUMBER(F_aid_total_amount)),TRUE,ROUND(F_aid_total_amount-1,9)>0)");
        assertThat(COMPILER.value(MINI.formula("aid.total.amount"), NAMES)).isEqualTo(
                "IF(OR(NOT(OR(ISBLANK(F_aid_pre_amount),ISNUMBER(F_aid_pre_amount))),"
                        + "NOT(OR(ISBLANK(F_aid_other_amount),ISNUMBER(F_aid_other_amount)))),"
                        + "\"\",(F_aid_pre_amount+F_aid_other_amount))");
    }

    @Test
    void rulesCombineWhenAndCheckAndRowRulesUseTheRowsCells() {
        assertThat(COMPILER.rule("aid.pre.per_person", NAMES)).startsWith(
                "OR(NOT(F_info_type=\"幼儿园\"),OR(");
        String row = COMPILER.rule("projects.invested_le_budget", NAMES.inRow(
                id -> id.startsWith("projects.") ? "'项目建设'!$" + (char) ('B'
                        + List.of("name", "category", "area", "budget", "invested")
                        .indexOf(id.substring(9))) + "$5" : null));
        assertThat(row).isEqualTo("OR(ISBLANK('项目建设'!$E$5),IF(OR(NOT(OR(ISBLANK("
                + "'项目建设'!$F$5),ISNUMBER('项目建设'!$F$5))),NOT(OR(ISBLANK('项目建设'!$E$5),"
                + "ISNUMBER('项目建设'!$E$5)))),TRUE,ROUND('项目建设'!$F$5-'项目建设'!$E$5,9)<=0))");
        assertThat(COMPILER.message("info.teachers_le_staff", NAMES)).isEqualTo(
                "\"专任教师数(\"&IF(ISBLANK(F_info_teachers),\"空\",F_info_teachers)"
                        + "&\")不能大于教职工数(\"&IF(ISBLANK(F_info_staff),\"空\",F_info_staff)"
                        + "&\")\"");
    }

    @Test
    void prevAndOutlierAreNotCompilable() {
        assertThat(COMPILER.isCompilable("change.students")).isFalse();
        assertThat(COMPILER.isCompilable("outlier.aid_per_student")).isFalse();
        assertThat(COMPILER.isCompilable("info.teachers_le_staff")).isTrue();
        assertThat(ExcelFormulaCompiler.isCompilable(RuleParser.parse("prev(a) > 1"))).isFalse();
        assertThatThrownBy(() -> COMPILER.rule("change.students", NAMES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prev(info.students)");
    }

    @Test
    void longTextIsSplitIntoPiecesExcelAccepts() {
        String s = "字".repeat(450);
        assertThat(ExcelFormulaCompiler.text(s)).isEqualTo("\"" + "字".repeat(200) + "\"&\""
                + "字".repeat(200) + "\"&\"" + "字".repeat(50) + "\"");
    }

    /** Conditions over the mini collection, beyond its spec rules, for the differential test. */
    private static final List<String> BATTERY = List.of(
            "info.students / info.staff >= 10",
            "info.teachers / info.staff <= 0.9 or info.staff = 0",
            "(aid.pre.persons = 0) = (aid.pre.amount = 0)",
            "info.provided = \"否\"",
            "not (info.provided = \"否\") or (info.students = 0 and info.teachers = 0)",
            "info.students = info.staff",
            "info.students <> info.staff + info.teachers",
            "info.students = \"\"",
            "info.head = \"张三\"",
            "approx(aid.total.amount, aid.pre.amount + aid.other.amount)",
            "approx(info.area / 3, 1, 0.5)",
            "aid.total.persons >= max(aid.pre.persons, aid.other.persons)",
            "min(info.students, info.staff, info.teachers) >= 0",
            "max(info.area, -1) > -1",
            "sum(projects.budget) >= sum(projects.invested)",
            "count(projects.name) <= countif(projects.category, \"新建\")"
                    + " + countif(projects.category, \"维修改造\")",
            "sumif(projects.budget, projects.category, \"新建\") * 2 <= sum(projects.budget)",
            "round(info.area / 7, 2) * 7 <= info.area + 0.05",
            "if(info.students > 100, info.staff, info.teachers) >= 20",
            "abs(info.students - info.staff * 10) <= 50",
            "-info.students < 0",
            "type_is(\"义务\") or info.students > 0",
            "blank(info.head) or present(info.phone)",
            "max(projects.area) / sum(projects.area) <= 0.8",
            "info.area / (info.students - info.staff) > 1",
            "sum(info.students / info.staff, 1) > 10",
            "aid.pre.amount / aid.pre.persons >= 0.03",
            "aid.total.amount / aid.total.persons <= 0.1",
            "info.area * 3 / 3 = info.area");

    @Test
    void compiledConditionsAgreeWithTheJavaEvaluatorOnRandomReturns() throws Exception {
        Random random = new Random(20240701L);
        List<Expr> battery = BATTERY.stream().map(RuleParser::parse).toList();
        for (int round = 0; round < 150; round++) {
            Return r = randomReturn(random);
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                Workbook book = new Workbook(wb, r);
                Evaluator java = MINI.evaluator(Evaluator.Source.of(r));
                List<String> formulas = new ArrayList<>();
                List<Boolean> expected = new ArrayList<>();
                for (Expr e : battery) {
                    formulas.add(COMPILER.condition(e, NAMES));
                    expected.add(java.test(e));
                }
                for (String id : List.of("info.teachers_le_staff", "aid.pre.per_person")) {
                    formulas.add(COMPILER.rule(id, NAMES));
                    Expr when = MINI.when(id);
                    expected.add(!java.test(when) || java.test(MINI.check(id)));
                }
                for (TableRow row : r.rows("projects")) {
                    formulas.add(COMPILER.rule("projects.invested_le_budget",
                            NAMES.inRow(id -> book.rowCell(id, row.index()))));
                    expected.add(java.withRow("projects", row)
                            .test(MINI.check("projects.invested_le_budget")));
                }
                List<Boolean> excel = book.evaluateBooleans(formulas);
                for (int i = 0; i < formulas.size(); i++) {
                    assertThat(excel.get(i)).as("round %d: %s%n%s%nvalues %s rows %s", round,
                            i < BATTERY.size() ? BATTERY.get(i) : "rule", formulas.get(i),
                            r.values(), r.rows("projects")).isEqualTo(expected.get(i));
                }
            }
        }
    }

    @Test
    void compiledValuesAndMessagesAgreeWithJava() throws Exception {
        Random random = new Random(99L);
        List<Expr> values = List.of(MINI.indicator("projects.count"),
                MINI.indicator("projects.new.budget"), MINI.formula("aid.total.amount"),
                RuleParser.parse("info.area / info.staff"),
                RuleParser.parse("round(info.students / 7, 3)"));
        for (int round = 0; round < 60; round++) {
            Return r = randomReturn(random);
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                Workbook book = new Workbook(wb, r);
                Evaluator java = MINI.evaluator(Evaluator.Source.of(r));
                for (Expr e : values) {
                    CellValue v = book.evaluate(COMPILER.value(e, NAMES));
                    Optional<BigDecimal> want = java.number(e);
                    if (want.isEmpty()) {
                        assertThat(v.getStringValue()).as(e.toSource()).isEmpty();
                    } else {
                        assertThat(v.getNumberValue()).as(e.toSource() + " " + r.values())
                                .isCloseTo(want.get().doubleValue(),
                                        org.assertj.core.data.Offset.offset(1e-9));
                    }
                }
                for (String id : List.of("info.teachers_le_staff", "aid.pre.per_person")) {
                    String want = MINI.messageOf(id).render(java);
                    assertThat(book.evaluate(COMPILER.message(id, NAMES)).getStringValue())
                            .as(id + " " + r.values()).isEqualTo(want);
                }
            }
        }
    }

    @Test
    void decimalBoundariesComeOutAsInJava() throws Exception {
        Return r = Fixtures.school("小学").set("aid.pre.amount", "0.9").set("aid.pre.persons", 30)
                .set("info.area", "0.3").build();
        List<String> holding = List.of("aid.pre.amount / aid.pre.persons >= 0.03",
                "aid.pre.amount / aid.pre.persons <= 0.03", "0.1 + 0.2 = 0.3",
                "info.area - 0.1 - 0.2 = 0", "info.area * 3 = 0.9", "max(info.head, -1) = 0",
                "approx(info.area, 0.30005)", "not approx(info.area, 0.30006)");
        Evaluator java = MINI.evaluator(Evaluator.Source.of(r));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Workbook book = new Workbook(wb, r);
            List<String> formulas = holding.stream().map(ExcelFormulaCompilerTest::cond)
                    .toList();
            assertThat(book.evaluateBooleans(formulas)).containsOnly(true);
        }
        assertThat(holding).allSatisfy(c -> assertThat(java.test(RuleParser.parse(c))).isTrue());
    }

    private static Return randomReturn(Random random) {
        String[] types = {"幼儿园", "小学", "初中", "普通高中"};
        Fixtures.ReturnBuilder b = Fixtures.school(random.nextInt(12) == 0 ? null
                : types[random.nextInt(types.length)]);
        for (String id : List.of("info.students", "info.staff", "info.teachers", "info.area",
                "aid.pre.persons", "aid.pre.amount", "aid.other.persons", "aid.other.amount")) {
            randomNumber(random, b, id);
        }
        pick(random, b, "info.provided", "是", "否");
        pick(random, b, "info.head", "张三", "李四");
        pick(random, b, "info.phone", "13800138000", "0555-1234567");
        int rows = random.nextInt(5);
        for (int i = 0; i < rows; i++) {
            List<Object> kv = new ArrayList<>();
            if (random.nextInt(4) > 0) {
                kv.addAll(List.of("name", "项目" + i));
            }
            if (random.nextInt(4) > 0) {
                kv.addAll(List.of("category", random.nextBoolean() ? "新建" : "维修改造"));
            }
            for (String key : List.of("area", "budget", "invested")) {
                if (random.nextInt(3) > 0) {
                    kv.addAll(List.of(key, decimal(random).toPlainString()));
                }
            }
            if (kv.isEmpty()) {
                kv.addAll(List.of("area", "1"));
            }
            b.row("projects", kv.toArray());
        }
        return b.build();
    }

    private static void randomNumber(Random random, Fixtures.ReturnBuilder b, String id) {
        int k = random.nextInt(20);
        if (k < 4) {
            return;
        } else if (k < 7) {
            b.set(id, 0);
        } else if (k == 7) {
            b.text(id, "约300");
        } else if (k == 8) {
            b.set(id, -random.nextInt(5) - 1);
        } else {
            b.set(id, decimal(random).toPlainString());
        }
    }

    private static BigDecimal decimal(Random random) {
        int scale = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
        return BigDecimal.valueOf(random.nextInt(600), scale);
    }

    private static void pick(Random random, Fixtures.ReturnBuilder b, String id, String... v) {
        int k = random.nextInt(v.length + 1);
        if (k < v.length) {
            b.text(id, v[k]);
        }
    }

    /**
     * A workbook holding a return: form fields in column D of sheet 表, one row each, named
     * F_*; the projects table on sheet 项目建设 rows 3..7, columns B..F, named T_projects_*;
     * computed fields as compiled formulas; a scratch column H for formulas under test.
     */
    static final class Workbook {
        private final XSSFWorkbook wb;
        private final Sheet form;
        private final Map<String, String> tableColumns = new LinkedHashMap<>();
        private int scratch;

        Workbook(XSSFWorkbook wb, Return r) {
            this(wb, r, MINI);
        }

        Workbook(XSSFWorkbook wb, Return r, Validator validator) {
            this.wb = wb;
            this.form = wb.createSheet("表");
            Sheet projects = wb.createSheet("项目建设");
            ExcelFormulaCompiler compiler = ExcelFormulaCompiler.of(validator);
            int row = 0;
            for (Field f : validator.collection().fields()) {
                Cell c = form.createRow(row).createCell(3);
                name(f.definedName(), "'表'!$D$" + (row + 1));
                if (f.isComputed()) {
                    c.setCellFormula(compiler.value(validator.formula(f.id()), NAMES));
                } else {
                    r.find(f.id()).ifPresent(v -> set(c, v));
                }
                row++;
            }
            Table t = validator.collection().tables().get(0);
            for (int col = 0; col < t.columns().size(); col++) {
                Field f = t.columns().get(col);
                String letter = String.valueOf((char) ('B' + col));
                tableColumns.put(f.id(), letter);
                name(t.columnName(f), "'项目建设'!$" + letter + "$3:$" + letter + "$7");
            }
            for (TableRow tr : r.rows("projects")) {
                Row x = projects.createRow(tr.index() + 1);
                for (int col = 0; col < t.columns().size(); col++) {
                    Cell c = x.createCell(col + 1);
                    tr.find(Table.key(t.columns().get(col))).ifPresent(v -> set(c, v));
                    if (c.getCellType() == CellType.BLANK) {
                        x.removeCell(c);
                    }
                }
            }
        }

        String rowCell(String fieldId, int index) {
            String letter = tableColumns.get(fieldId);
            return letter == null ? null : "'项目建设'!$" + letter + "$" + (index + 2);
        }

        private void name(String name, String ref) {
            Name n = wb.createName();
            n.setNameName(name);
            n.setRefersToFormula(ref);
        }

        private static void set(Cell c, Value v) {
            if (v instanceof Value.Num n) {
                c.setCellValue(n.value().doubleValue());
            } else {
                c.setCellValue(v.display());
            }
        }

        List<Boolean> evaluateBooleans(List<String> formulas) {
            List<Boolean> out = new ArrayList<>();
            for (String f : formulas) {
                CellValue v = evaluate(f);
                assertThat(v.getCellType()).as(f).isEqualTo(CellType.BOOLEAN);
                out.add(v.getBooleanValue());
            }
            return out;
        }

        CellValue evaluate(String formula) {
            Row row = form.getRow(scratch) != null ? form.getRow(scratch)
                    : form.createRow(scratch);
            scratch++;
            Cell c = row.createCell(7);
            c.setCellFormula(formula);
            return new XSSFFormulaEvaluator(wb).evaluate(c);
        }
    }
}

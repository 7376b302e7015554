package org.huizong.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.spec.CollectionSpecs;
import org.junit.jupiter.api.Test;

/** The standard half-year spec's rules, through the validator and the formula compiler. */
class StandardSpecTest {
    private static final Collection EDU = CollectionSpecs.load(Path.of("..", "templates", "src",
            "main", "resources", "org", "huizong", "templates", "edu-halfyear.yaml"));
    private static final Validator VALIDATOR = Validator.of(EDU);

    /** A plausible primary school that breaks no rule. */
    private static Map<String, Value> primary() {
        Map<String, Value> v = new LinkedHashMap<>();
        v.put("info.code", Value.of("3412000001"));
        v.put("info.name", Value.of("城关小学"));
        v.put("info.type", Value.of("小学"));
        v.put("info.township", Value.of("城关镇"));
        v.put("info.ownership", Value.of("公办"));
        v.put("info.head", Value.of("王校长"));
        v.put("info.filler", Value.of("李老师"));
        v.put("info.phone", Value.of("0555-1234567"));
        v.put("info.students", Value.of(820));
        v.put("info.classes", Value.of(18));
        v.put("info.staff", Value.of(52));
        v.put("info.teachers", Value.of(48));
        v.put("info.boarders", Value.of(0));
        v.put("info.leftbehind", Value.of(96));
        v.put("enrol.dropouts", Value.of(1));
        v.put("enrol.returned", Value.of(1));
        v.put("aid.compulsory.persons", Value.of(40));
        v.put("aid.compulsory.amount", Value.of(new BigDecimal("2.5")));
        v.put("aid.other.persons", Value.of(5));
        v.put("aid.other.amount", Value.of(new BigDecimal("0.5")));
        v.put("aid.unique", Value.of(42));
        v.put("afterschool.provided", Value.of("是"));
        v.put("afterschool.students", Value.of(700));
        v.put("afterschool.teachers", Value.of(40));
        v.put("safety.hazards.found", Value.of(6));
        v.put("safety.hazards.fixed", Value.of(5));
        v.put("safety.hazards.reported", Value.of(1));
        return v;
    }

    private static Return build(Map<String, Value> values) {
        TableRow project = new TableRow(1, Map.of("name", Value.of("教学楼维修"),
                "category", Value.of("维修改造"), "budget", Value.of(new BigDecimal("30")),
                "invested", Value.of(new BigDecimal("12.5")), "status", Value.of("在建")),
                Map.of());
        return new Return("城关小学.xlsx", new ReturnMeta(EDU.id(), EDU.version(),
                Period.parse("2024H1"), "3412000001", EDU.structureHash(),
                ReturnMeta.KIND_RETURN), values, Map.of(), Map.of("projects", List.of(project)),
                Map.of(), List.of());
    }

    @Test
    void aPlausibleSchoolPassesEveryRule() {
        assertThat(VALIDATOR.validate(build(primary())).findings()).isEmpty();
    }

    @Test
    void typicalMistakesAreFoundBuiltInsFirstThenInSpecOrder() {
        Map<String, Value> v = primary();
        v.put("info.teachers", Value.of(60));
        v.put("aid.compulsory.amount", Value.of(0));
        v.put("safety.hazards.fixed", Value.of(3));
        v.put("enrol.gaokao.sat", Value.of(5));
        assertThat(VALIDATOR.validate(build(v)).findings()).extracting(Finding::ruleId)
                .containsExactly("applies", "info.teachers_le_staff",
                        "enrol.gaokao_le_registered", "aid.compulsory.persons_iff_amount",
                        "aid.compulsory.per_person", "safety.hazards_unhandled");
    }

    @Test
    void everyCompilableFormRuleAgreesWithJavaInPoi() throws Exception {
        ExcelFormulaCompiler compiler = ExcelFormulaCompiler.of(VALIDATOR);
        Map<String, Value> highSchool = new LinkedHashMap<>();
        highSchool.put("info.type", Value.of("普通高中"));
        highSchool.put("enrol.gaokao.registered", Value.of(300));
        highSchool.put("enrol.gaokao.sat", Value.of(320));
        highSchool.put("aid.hs_grant.persons", Value.of(100));
        highSchool.put("aid.hs_grant.amount", Value.of(new BigDecimal("25")));
        Map<String, Value> broken = primary();
        broken.put("aid.compulsory.persons", Value.of(0));
        broken.put("info.students", Value.of(0));
        broken.put("afterschool.provided", Value.of("否"));
        broken.put("aid.unique", Value.of("四十"));
        int compared = 0;
        List<Boolean> outcomes = new ArrayList<>();
        for (Map<String, Value> values : List.of(primary(), highSchool, broken)) {
            Return r = build(values);
            Evaluator java = VALIDATOR.evaluator(Evaluator.Source.of(r));
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                ExcelFormulaCompilerTest.Workbook book =
                        new ExcelFormulaCompilerTest.Workbook(wb, r, VALIDATOR);
                for (Rule rule : EDU.rules()) {
                    if (!compiler.isCompilable(rule.id()) || rule.table().isPresent()) {
                        continue;
                    }
                    String f = compiler.rule(rule.id(),
                            ExcelFormulaCompiler.Resolver.definedNames());
                    boolean want = !java.test(VALIDATOR.when(rule.id()))
                            || java.test(VALIDATOR.check(rule.id()));
                    assertThat(book.evaluateBooleans(List.of(f))).as(rule.id() + ": " + f)
                            .containsExactly(want);
                    outcomes.add(want);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(60);
        assertThat(outcomes).contains(true, false);
    }
}

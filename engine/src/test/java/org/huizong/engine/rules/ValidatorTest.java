package org.huizong.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Severity;
import org.huizong.engine.spec.CollectionSpecs;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static final Validator MINI = Validator.of(Fixtures.mini());

    private static List<String> lines(Validation v) {
        return v.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " "
                + f.cell().map(CellRef::toString).orElse("-") + " " + f.fieldIds() + " "
                + f.message()).toList();
    }

    @Test
    void theStandardHalfYearSpecLoads() {
        Path spec = Path.of("..", "templates", "src", "main", "resources", "org", "huizong",
                "templates", "edu-halfyear.yaml");
        Collection c = CollectionSpecs.load(spec);
        Validator v = Validator.of(c);
        assertThat(v.check("aid.preschool.persons_iff_amount").toSource())
                .isEqualTo("((aid.preschool.persons = 0) = (aid.preschool.amount = 0))");
        assertThat(v.indicator("projects.count").toSource()).isEqualTo("count(projects.name)");
        assertThat(v.formula("aid.total.persons").fieldRefs()).hasSize(8);
    }

    @Test
    void aCompleteConsistentReturnHasNoFindings() {
        Validation v = MINI.validate(Fixtures.school("小学").valid().build());
        assertThat(v.findings()).isEmpty();
        assertThat(v.isAcceptable()).isTrue();
        assertThat(v.file()).isEqualTo("测试学校.xlsx");
        assertThat(v.schoolCode()).isEqualTo("3412000001");
        assertThat(v.period().orElseThrow()).hasToString("2024H1");
    }

    @Test
    void builtInChecksFollowFieldMetadataInSheetOrder() {
        Return r = Fixtures.school("小学")
                .text("info.phone", "5551234")
                .set("info.students", "300.5")
                .set("info.staff", -2)
                .set("info.area", "12.345")
                .text("info.provided", "不知道")
                .set("aid.pre.persons", -3)
                .set("aid.other.amount", "1.23456")
                .build();
        assertThat(lines(MINI.validate(r))).containsExactly(
                "required ERROR 学校基本情况!D5 [info.head] 学校负责人未填写（必填）",
                "phone ERROR 学校基本情况!D6 [info.phone] 联系电话应为11位手机号或带区号的固定电话"
                        + "（如0555-1234567），填的是“5551234”",
                "integer ERROR 学校基本情况!D7 [info.students] 在校学生数应为整数，填的是 300.5",
                "negative ERROR 学校基本情况!D8 [info.staff] 教职工数不能为负数，填的是 -2",
                "enum ERROR 学校基本情况!D10 [info.provided] 是否开展课后服务只能填：是、否，填的是“不知道”",
                "decimals ERROR 学校基本情况!D11 [info.area] 校舍面积(平方米)最多保留 2 位小数，"
                        + "填的是 12.345",
                "applies ERROR 学生资助!D3 [aid.pre.persons] 学前资助人数不适用于小学，应为空，填的是“-3”",
                "decimals ERROR 学生资助!E4 [aid.other.amount] 其他资助金额(万元)最多保留 4 位小数，"
                        + "填的是 1.23456",
                "info.teachers_le_staff ERROR 学校基本情况!D9 [info.teachers, info.staff] "
                        + "专任教师数(空)不能大于教职工数(-2)");
    }

    @Test
    void figuresAboveTheirTypesPlausibleMaximumAreErrorsUnlessTheSpecSaysOtherwise() {
        Return r = Fixtures.school("小学").valid()
                .set("info.students", 10_000_001)
                .set("info.staff", 10_000_000)
                .set("info.teachers", 25)
                .set("info.area", "20000.5")
                .set("aid.other.amount", "100000000.0001")
                .build();
        Validator capped = Validator.of(CollectionSpecs.parse(Fixtures.YAML.replace(
                "{id: info.area, label: 校舍面积, type: area, unit: 平方米}",
                "{id: info.area, label: 校舍面积, type: area, unit: 平方米, max: 20000}"),
                "mini.yaml"));

        assertThat(lines(MINI.validate(r))).filteredOn(x -> x.startsWith("bound ")).containsExactly(
                "bound ERROR 学校基本情况!D7 [info.students] 在校学生数超过合理上限 10000000人，"
                        + "填的是 10000001，请核实",
                "bound ERROR 学生资助!E4 [aid.other.amount] 其他资助金额超过合理上限 100000000万元，"
                        + "填的是 100000000.0001，请核实");
        assertThat(lines(capped.validate(r))).filteredOn(x -> x.startsWith("bound "))
                .contains("bound ERROR 学校基本情况!D11 [info.area] 校舍面积超过合理上限 20000平方米，"
                        + "填的是 20000.5，请核实");
    }

    @Test
    void aFieldThatDoesNotApplyIsNotRequiredAndAnEmptyOneIsFine() {
        Return kindergarten = Fixtures.school("幼儿园").valid().build();
        assertThat(MINI.validate(kindergarten).findings()).isEmpty();
        Return filled = Fixtures.school("幼儿园").valid().text("info.provided", "是").build();
        assertThat(lines(MINI.validate(filled))).containsExactly("applies ERROR 学校基本情况!D10 "
                + "[info.provided] 是否开展课后服务不适用于幼儿园，应为空，填的是“是”");
    }

    @Test
    void phoneAcceptsMobilesAndLandlinesWithAreaCode() {
        for (String ok : List.of("13800138000", "0555-1234567", "05551234567", "010-12345678",
                "0555-1234567-801")) {
            Return r = Fixtures.school("小学").valid().text("info.phone", ok).build();
            assertThat(MINI.validate(r).findings()).as(ok).isEmpty();
        }
        for (String bad : List.of("1380013800", "23800138000", "555-1234567", "0555-12345",
                "138 0013 8000")) {
            Return r = Fixtures.school("小学").valid().text("info.phone", bad).build();
            assertThat(MINI.validate(r).findings()).as(bad).extracting(Finding::ruleId)
                    .containsExactly("phone");
        }
    }

    @Test
    void readFindingsComeFirstAndTextInANumberIsReportedOnce() {
        Finding told = Finding.of("number", Severity.ERROR, "在校学生数应填数字，填的是“约300”",
                "info.students", new CellRef("学校基本情况", "D7"));
        Finding dash = Finding.of("read.dash", Severity.NOTICE, "教职工数填的“-”按0计",
                "info.staff", new CellRef("学校基本情况", "D8"));
        Return r = Fixtures.school("小学").valid().text("info.students", "约300")
                .readFinding(dash).readFinding(told).build();
        assertThat(MINI.validate(r).findings()).containsExactly(dash, told);
        Return untold = Fixtures.school("小学").valid().text("info.students", "约300").build();
        assertThat(lines(MINI.validate(untold))).containsExactly(
                "number ERROR 学校基本情况!D7 [info.students] 在校学生数应填数字，填的是“约300”");
    }

    @Test
    void usedTableRowsAreCheckedColumnByColumnAndRowRulesPerRow() {
        Return r = Fixtures.school("小学").valid()
                .row("projects", "name", "教学楼", "category", "新建", "budget", "300",
                        "invested", "120")
                .row("projects", "name", "操场", "category", "扩建", "budget", "80",
                        "invested", "95.5", "area", "-1")
                .row("projects", "budget", "10", "invested", "12")
                .build();
        assertThat(lines(MINI.validate(r))).containsExactly(
                "enum ERROR 项目建设!C5 [projects.category] 项目建设第2行“类别”只能填：新建、维修改造，"
                        + "填的是“扩建”",
                "negative ERROR 项目建设!D5 [projects.area] 项目建设第2行“建筑面积”不能为负数，填的是 -1",
                "row.required ERROR 项目建设!B6 [projects.name] 项目建设第3行已填写，但“项目名称”未填",
                "row.required ERROR 项目建设!C6 [projects.category] 项目建设第3行已填写，但“类别”未填",
                "projects.invested_le_budget ERROR 项目建设!F5 [projects.invested, projects.budget] "
                        + "项目“操场”本期完成投资(95.5万元)不能大于计划总投资(80万元)",
                "projects.invested_le_budget ERROR 项目建设!F6 [projects.invested, projects.budget] "
                        + "项目“空”本期完成投资(12万元)不能大于计划总投资(10万元)");
        Finding second = MINI.validate(r).findings().get(4);
        assertThat(second.cells()).containsExactly(new CellRef("项目建设", "F5"),
                new CellRef("项目建设", "E5"));
    }

    @Test
    void warningMessagesShowComputedNumbersAndTakeExplanationsOfSixCharacters() {
        Return unexplained = Fixtures.school("幼儿园").valid().set("aid.pre.persons", 3)
                .set("aid.pre.amount", "0.9").build();
        Validation v = MINI.validate(unexplained);
        assertThat(lines(v)).containsExactly("aid.pre.per_person WARNING 学生资助!D3 "
                + "[aid.pre.persons, aid.pre.amount] 学前资助人均0.3万元，超出常见范围，请核对或说明");
        assertThat(v.isAcceptable()).isFalse();
        assertThat(v.unexplainedWarnings()).hasSize(1);

        Return explained = Fixtures.school("幼儿园").valid().set("aid.pre.persons", 3)
                .set("aid.pre.amount", "0.9").explain("aid.pre.per_person", "  含全年资助，一次发放 ")
                .build();
        Validation ok = MINI.validate(explained);
        assertThat(ok.findings()).singleElement().satisfies(f ->
                assertThat(f.explanation()).contains("含全年资助，一次发放"));
        assertThat(ok.isAcceptable()).isTrue();
        assertThat(ok.explainedWarnings()).isEqualTo(1);

        Return tooShort = Fixtures.school("幼儿园").valid().set("aid.pre.persons", 3)
                .set("aid.pre.amount", "0.9").explain("aid.pre.per_person", "已核实无误")
                .build();
        Validation no = MINI.validate(tooShort);
        assertThat(no.findings()).singleElement().satisfies(f -> {
            assertThat(f.explanation()).isEmpty();
            assertThat(f.message()).isEqualTo("学前资助人均0.3万元，超出常见范围，请核对或说明"
                    + "（所填说明“已核实无误”不足6个字，不能作为说明）");
        });
        assertThat(no.isAcceptable()).isFalse();
    }

    @Test
    void computedNumbersShowAtMostFourDecimals() {
        Return r = Fixtures.school("幼儿园").valid().set("aid.pre.persons", 7)
                .set("aid.pre.amount", "0.1").build();
        assertThat(MINI.validate(r).findings()).singleElement().extracting(Finding::message)
                .isEqualTo("学前资助人均0.0143万元，超出常见范围，请核对或说明");
    }

    @Test
    void previousRulesRunOnlyWithAPreviousReturn() {
        Return now = Fixtures.school("小学").valid().build();
        Return before = Fixtures.school("小学").valid().set("info.students", 180).build();
        assertThat(MINI.validate(now).findings()).isEmpty();
        assertThat(MINI.validate(now, Optional.of(before)).findings()).extracting(
                Finding::ruleId, Finding::message).containsExactly(tuple("change.students",
                "在校学生数本期300，上期180，变化超过50%，请核对或说明"));
        Return similar = Fixtures.school("小学").valid().set("info.students", 250).build();
        assertThat(MINI.validate(now, Optional.of(similar)).findings()).isEmpty();
    }

    @Test
    void consolidationRulesFlagAFarOutSchoolAmongItsType() {
        List<Return> county = new ArrayList<>();
        String[] amounts = {"3", "3.3", "2.7", "3.6", "3", "30", "40"};
        String[] types = {"小学", "小学", "小学", "小学", "小学", "小学", "初中"};
        for (int i = 0; i < amounts.length; i++) {
            county.add(Fixtures.school(types[i]).valid().file("s" + i + ".xlsx", "341200000" + i)
                    .set("aid.other.amount", amounts[i]).build());
        }
        List<Validation> found = MINI.validateAcross(county);
        assertThat(found).extracting(Validation::file).containsExactly("s0.xlsx", "s1.xlsx",
                "s2.xlsx", "s3.xlsx", "s4.xlsx", "s5.xlsx", "s6.xlsx");
        assertThat(found.get(5).findings()).extracting(Finding::ruleId, Finding::message)
                .containsExactly(tuple("outlier.aid_per_student",
                        "生均资助金额0.1万元，明显偏离同类学校，请核对或说明"));
        assertThat(found).filteredOn(v -> !v.findings().isEmpty()).hasSize(1);
        assertThat(MINI.validate(county.get(5)).findings()).isEmpty();
    }

    @Test
    void outlierFencesNeedFiveSchoolsAndSomeSpread() {
        assertThat(TukeyFences.of(List.of(d("1"), d("1"), d("1"), d("100"))).isOutlier(d("100")))
                .isFalse();
        TukeyFences flat = TukeyFences.of(List.of(d("0"), d("0"), d("0"), d("0"), d("0"), d("9")));
        assertThat(flat.isOutlier(d("9"))).isFalse();
        TukeyFences same = TukeyFences.of(List.of(d("10"), d("10"), d("10"), d("10"), d("10"),
                d("10"), d("30")));
        assertThat(same.isOutlier(d("30"))).isTrue();
        assertThat(same.isOutlier(d("13"))).isFalse();
        assertThat(same.isOutlier(d("7"))).isFalse();
        assertThat(same.isOutlier(d("14"))).isTrue();
        assertThat(same.isOutlier(d("6"))).isTrue();
    }

    private static java.math.BigDecimal d(String s) {
        return new java.math.BigDecimal(s);
    }
}

package org.huizong.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Optional;
import org.huizong.engine.model.Return;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {
    private static final Validator MINI = Validator.of(Fixtures.mini());

    private static Evaluator on(Return r) {
        return MINI.evaluator(Evaluator.Source.of(r));
    }

    private static boolean holds(Return r, String condition) {
        return on(r).test(RuleParser.parse(condition));
    }

    private static Optional<BigDecimal> value(Return r, String expr) {
        return on(r).number(RuleParser.parse(expr));
    }

    private static Return primary() {
        return Fixtures.school("小学").valid().build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "info.teachers <= info.staff | true",
        "info.area = 0 | true",
        "info.area + 1 = 1 | true",
        "info.area < 0 | false",
        "info.teachers <= info.area | false",
        "-info.area = 0 | true",
        "info.area * 5 >= 0 | true",
    })
    void blankCountsAsZero(String condition, boolean expected) {
        assertThat(holds(primary(), condition)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "info.students / info.area > 1",
        "info.students / info.area < 1",
        "info.students / info.area = 1",
        "info.students / info.area <> 1",
        "info.students / info.area <= 1",
        "info.students / info.area >= 1",
        "info.students / 0 + 1 > 5",
        "abs(info.students / 0) = 1",
        "round(info.students / 0, 2) = 1",
        "sum(info.students / 0, 1) = 1",
        "max(1, info.students / 0) = 1",
        "approx(info.students / 0, 1)",
        "(info.students / 0 = 1) = true",
    })
    void aComparisonWithADivisionByZeroHolds(String condition) {
        assertThat(holds(primary(), condition)).isTrue();
    }

    @Test
    void divisionByZeroHasNoValueAndNegationOfItsComparisonFails() {
        assertThat(value(primary(), "info.students / info.area")).isEmpty();
        assertThat(value(primary(), "info.students / (info.staff - 30)")).isEmpty();
        assertThat(holds(primary(), "not (info.students / 0 > 1)")).isFalse();
        assertThat(holds(primary(), "info.area = 0 or info.students / info.area > 1")).isTrue();
    }

    @Test
    void arithmeticIsExactAndDivisionUsesDecimal64() {
        Return r = primary();
        assertThat(holds(r, "0.1 + 0.2 = 0.3")).isTrue();
        assertThat(value(r, "1 / 3")).contains(new BigDecimal("0.3333333333333333"));
        assertThat(value(r, "2 / 3")).contains(new BigDecimal("0.6666666666666667"));
        assertThat(value(r, "info.students * 0.0001")).contains(new BigDecimal("0.0300"));
        assertThat(holds(r, "1 / 3 * 3 = 1")).isFalse();
        assertThat(holds(r, "approx(1 / 3 * 3, 1)")).isTrue();
        assertThat(holds(r, "0.10 = 0.1")).isTrue();
        assertThat(value(r, "info.area")).contains(BigDecimal.ZERO);
    }

    @Test
    void stringsCompareAsTextAndNeverEqualNumbers() {
        Return no = Fixtures.school("小学").text("info.provided", "否").set("info.staff", 12)
                .build();
        assertThat(holds(no, "info.provided = \"否\"")).isTrue();
        assertThat(holds(no, "info.provided <> \"是\"")).isTrue();
        assertThat(holds(no, "info.staff = \"12\"")).isFalse();
        assertThat(holds(no, "info.staff <> \"12\"")).isTrue();
        Return blank = Fixtures.school("小学").build();
        assertThat(holds(blank, "info.provided = \"否\"")).isFalse();
        assertThat(holds(blank, "not (info.provided = \"否\")")).isTrue();
        assertThat(holds(blank, "info.provided = \"\"")).isTrue();
        assertThat(holds(blank, "info.provided = 0")).isTrue();
    }

    @Test
    void textInArithmeticCannotBeJudgedSoComparisonsHold() {
        Return r = Fixtures.school("小学").text("info.students", "约300").build();
        assertThat(holds(r, "info.students <= 100")).isTrue();
        assertThat(holds(r, "info.students + 1 > 100000")).isTrue();
        assertThat(value(r, "info.students + 1")).isEmpty();
        assertThat(value(r, "info.students")).isEmpty();
    }

    @Test
    void truthValuesCompareWithEachOther() {
        Return r = Fixtures.school("幼儿园").set("aid.pre.persons", 0).set("aid.pre.amount", "1.5")
                .build();
        assertThat(holds(r, "(aid.pre.persons = 0) = (aid.pre.amount = 0)")).isFalse();
        assertThat(holds(r, "(aid.pre.persons = 0) <> (aid.pre.amount = 0)")).isTrue();
        assertThat(holds(Fixtures.school("幼儿园").build(),
                "(aid.pre.persons = 0) = (aid.pre.amount = 0)")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "小学 | type_is(\"义务\") | true",
        "初中 | type_is(\"义务\") | true",
        "小学 | type_is(\"学前\") | false",
        "小学 | type_is(\"幼儿园\", \"小学\") | true",
        "普通高中 | type_is(\"义务\", \"学前\") | false",
        "幼儿园 | type_is(\"学前\") | true",
        "幼儿园 | type_is(\"幼儿园\") | true",
    })
    void typeIsMatchesTypesAndGroups(String type, String condition, boolean expected) {
        assertThat(holds(Fixtures.school(type).build(), condition)).isEqualTo(expected);
    }

    @Test
    void typeIsIsFalseWithoutASchoolType() {
        assertThat(holds(Fixtures.school(null).build(), "type_is(\"义务\", \"学前\")")).isFalse();
        assertThat(holds(Fixtures.school(null).build(), "not type_is(\"义务\")")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "approx(1.00005, 1) | true",
        "approx(1.00006, 1) | false",
        "approx(1, 0.99995) | true",
        "approx(1, 0.99994) | false",
        "approx(1.05, 1, 0.1) | true",
        "approx(1.2, 1, 0.1) | false",
        "approx(info.area, 0) | true",
    })
    void approxUsesHalfAYuanByDefault(String condition, boolean expected) {
        assertThat(holds(primary(), condition)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "round(2.5, 0) | 3",
        "round(-2.5, 0) | -3",
        "round(1.23456, 2) | 1.23",
        "round(1.235, 2) | 1.24",
        "round(1234, -2) | 1.2E+3",
        "round(1.26, 1.9) | 1.3",
        "abs(-4.5) | 4.5",
        "if(info.students > 100, 1, 2) | 1",
        "if(info.students > 1000, 1, 2) | 2",
        "max(info.students, info.staff, info.area) | 300",
        "min(info.students, info.staff, info.area) | 0",
        "sum(info.students, info.staff, 0.5) | 330.5",
        "-info.students | -300",
    })
    void functionsCompute(String expr, String expected) {
        assertThat(value(primary(), expr)).contains(new BigDecimal(expected));
    }

    private static Return withProjects() {
        return Fixtures.school("小学").valid()
                .row("projects", "name", "教学楼", "category", "新建", "area", "1200.5",
                        "budget", "300", "invested", "120")
                .row("projects", "name", "操场", "category", "维修改造", "budget", "80.25")
                .row("projects", "name", "食堂", "category", "新建", "area", "面积待定",
                        "budget", "150.5", "invested", "150.5")
                .row("projects", "category", "新建")
                .build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sum(projects.area) | 1200.5",
        "sum(projects.budget) | 530.75",
        "sum(projects.budget, projects.invested, 1) | 802.25",
        "max(projects.budget) | 300",
        "min(projects.budget) | 80.25",
        "min(projects.invested) | 120",
        "count(projects.name) | 3",
        "count(projects.category) | 4",
        "count(projects.invested) | 2",
        "countif(projects.category, \"新建\") | 3",
        "countif(projects.category, \"其他\") | 0",
        "sumif(projects.budget, projects.category, \"新建\") | 450.5",
        "sumif(projects.invested, projects.category, \"维修改造\") | 0",
        "sum(projects.budget) / count(projects.name) | 176.9166666666667",
    })
    void tableAggregatesRunOverUsedRows(String expr, String expected) {
        assertThat(value(withProjects(), expr)).contains(new BigDecimal(expected));
    }

    @Test
    void aggregatesOfAnEmptyTableAreZero() {
        assertThat(value(primary(), "sum(projects.budget)")).contains(BigDecimal.ZERO);
        assertThat(value(primary(), "max(projects.budget)")).contains(BigDecimal.ZERO);
        assertThat(value(primary(), "count(projects.name)")).contains(BigDecimal.ZERO);
    }

    @Test
    void inARowColumnsMeanTheRowsCells() {
        Return r = withProjects();
        Evaluator ev = on(r);
        Expr check = RuleParser.parse(
                "blank(projects.budget) or projects.invested <= projects.budget");
        assertThat(r.rows("projects")).hasSize(4)
                .allSatisfy(row -> assertThat(ev.withRow("projects", row).test(check)).isTrue());
        Evaluator second = ev.withRow("projects", r.rows("projects").get(1));
        assertThat(second.test(RuleParser.parse("blank(projects.invested)"))).isTrue();
        assertThat(second.test(RuleParser.parse("present(projects.name)"))).isTrue();
        assertThat(second.display("projects.name")).contains("操场");
        assertThat(second.number(RuleParser.parse("projects.budget * 2")))
                .contains(new BigDecimal("160.50"));
        assertThat(second.number(RuleParser.parse("sum(projects.budget)")))
                .contains(new BigDecimal("530.75"));
    }

    @Test
    void computedFieldsAreRecomputedFromTheirFormula() {
        Return r = Fixtures.school("幼儿园").set("aid.pre.persons", 10)
                .set("aid.other.persons", 5).set("aid.pre.amount", "0.5").build();
        assertThat(value(r, "aid.total.persons")).contains(new BigDecimal(15));
        assertThat(value(r, "aid.total.amount")).contains(new BigDecimal("0.5"));
        assertThat(on(r).display("aid.total.amount")).contains("0.5");
        assertThat(on(r).display("info.head")).isEmpty();
    }

    @Test
    void prevReadsThePreviousReturn() {
        Return now = primary();
        Return before = Fixtures.school("小学").set("info.students", 180).build();
        Evaluator ev = on(now).withPrevious(Evaluator.Source.of(before));
        assertThat(ev.number(RuleParser.parse("info.students - prev(info.students)")))
                .contains(new BigDecimal(120));
        assertThat(ev.test(RuleParser.parse("prev(info.staff) = 0"))).isTrue();
        assertThat(ev.test(RuleParser.parse(
                "abs(info.students - prev(info.students)) <= 0.5 * prev(info.students)")))
                .isFalse();
        assertThatThrownBy(() -> on(now).test(RuleParser.parse("prev(info.students) = 0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prev(info.students)");
    }

    @Test
    void outlierAsksThePredicateWithTheComputedValue() {
        Return r = Fixtures.school("小学").valid().set("aid.other.amount", "6").build();
        Expr check = RuleParser.parse("not outlier(aid.total.amount / info.students)");
        BigDecimal[] seen = new BigDecimal[1];
        Evaluator ev = on(r).withOutliers((call, x) -> {
            seen[0] = x;
            return x.compareTo(new BigDecimal("0.05")) > 0;
        });
        assertThat(ev.test(check)).isTrue();
        assertThat(seen[0]).isEqualByComparingTo("0.02");
        assertThat(on(r).withOutliers((call, x) -> true).test(check)).isFalse();
        Return noStudents = Fixtures.school("小学").set("aid.other.amount", "6").build();
        assertThat(on(noStudents).withOutliers((call, x) -> true).test(check)).isTrue();
    }

    @Test
    void additionAndSubtractionAreExactInverses() {
        qt().withFixedSeed(20240601L).forAll(longs().between(-1_000_000_000L, 1_000_000_000L),
                longs().between(-1_000_000_000L, 1_000_000_000L), integers().between(0, 4))
                .checkAssert((a, b, scale) -> {
                    BigDecimal x = BigDecimal.valueOf(a, scale);
                    BigDecimal y = BigDecimal.valueOf(b, 4 - scale);
                    String src = "(" + x.toPlainString() + ") + (" + y.toPlainString() + ") - ("
                            + y.toPlainString() + ") = " + x.toPlainString();
                    assertThat(holds(primary(), src)).as(src).isTrue();
                });
    }

    @Test
    void exactlyOneOfLessEqualGreaterHolds() {
        qt().withFixedSeed(7L).forAll(longs().between(-50, 50), longs().between(-50, 50),
                integers().between(0, 3))
                .checkAssert((a, b, scale) -> {
                    String x = BigDecimal.valueOf(a, scale).toPlainString();
                    String y = BigDecimal.valueOf(b, 3 - scale).toPlainString();
                    int n = 0;
                    for (String op : new String[] {"<", "=", ">"}) {
                        n += holds(primary(), "(" + x + ") " + op + " (" + y + ")") ? 1 : 0;
                    }
                    assertThat(n).as(x + " vs " + y).isEqualTo(1);
                    assertThat(holds(primary(), "(" + x + ") <> (" + y + ")"))
                            .isNotEqualTo(holds(primary(), "(" + x + ") = (" + y + ")"));
                });
    }

    @Test
    void multiplyingThenDividingByANonZeroGivesTheNumberBack() {
        qt().withFixedSeed(11L).forAll(longs().between(-99_999_999L, 99_999_999L),
                longs().between(1, 99_999L))
                .checkAssert((a, b) -> {
                    BigDecimal x = BigDecimal.valueOf(a, 4);
                    BigDecimal y = BigDecimal.valueOf(b, 2);
                    Optional<BigDecimal> got = value(primary(), "(" + x.toPlainString() + ") * "
                            + y.toPlainString() + " / " + y.toPlainString());
                    assertThat(got).isPresent();
                    assertThat(got.get()).isEqualByComparingTo(x);
                });
    }
}

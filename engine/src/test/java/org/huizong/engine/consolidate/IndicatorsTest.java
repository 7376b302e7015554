package org.huizong.engine.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.huizong.engine.model.Collection;
import org.huizong.engine.spec.CollectionSpecs;
import org.junit.jupiter.api.Test;

/** Indicators from totals: never an infinity, never a division by zero, in a book. */
class IndicatorsTest {
    private static final Collection C = CollectionSpecs.parse("""
            id: t
            title: 测试
            schoolTypes: [小学]
            sheets:
              - id: info
                title: 基本情况
                fields:
                  - {id: a, label: 甲, type: money, unit: 万元}
                  - {id: b, label: 乙, type: money, unit: 万元}
            indicators:
              - {id: ratio, label: 比, expression: a / b, unit: "%", decimals: 1}
            """, "t.yaml");

    @Test
    void aRatioTooLargeForAWorkbookCellOrOverZeroIsLeftOut() {
        Indicators i = new Indicators(C);

        assertThat(i.compute(Map.of("a", new BigDecimal("3"), "b", new BigDecimal("4")), Map.of(),
                Map.of()).get("ratio")).contains(new BigDecimal("0.75"));
        assertThat(i.compute(Map.of("a", BigDecimal.ONE, "b", BigDecimal.ZERO), Map.of(),
                Map.of()).get("ratio")).isEmpty();
        assertThat(i.compute(Map.of("a", new BigDecimal("9E+300"), "b", new BigDecimal("1E-300")),
                Map.of(), Map.of()).get("ratio")).as("1E+601 is no double").isEmpty();
    }

    private static final Collection SCHOOLS = CollectionSpecs.parse("""
            id: t
            title: 测试
            schoolTypes: [幼儿园, 小学, 初中]
            groups:
              义务: [小学, 初中]
            sheets:
              - id: info
                title: 基本情况
                fields:
                  - {id: students, label: 学生数, type: count, unit: 人}
                  - {id: served, label: 参加课后服务学生数, type: count, unit: 人, appliesTo: [义务]}
            indicators:
              - {id: all, label: 全体比, expression: served / students, unit: "%", decimals: 1}
              - {id: rate, label: 课后服务参与率, expression: served / students, unit: "%",
                 decimals: 1, population: [义务]}
            """, "t.yaml");

    @Test
    void anIndicatorOverAPopulationDividesByThoseSchoolsFiguresOnly() {
        Indicators i = new Indicators(SCHOOLS);
        assertThat(SCHOOLS.indicators().get(1).population()).containsExactly("小学", "初中");
        Map<String, BigDecimal> all = Map.of("students", new BigDecimal("300"),
                "served", new BigDecimal("144"));
        Map<String, Map<String, BigDecimal>> byType = Map.of(
                "幼儿园", Map.of("students", new BigDecimal("100"), "served", BigDecimal.ZERO),
                "小学", Map.of("students", new BigDecimal("150"), "served", new BigDecimal("108")),
                "初中", Map.of("students", new BigDecimal("50"), "served", new BigDecimal("36")));

        Map<String, java.util.Optional<BigDecimal>> out = i.compute(all, Map.of(), byType);

        assertThat(out.get("all")).contains(new BigDecimal("0.48"));
        assertThat(out.get("rate")).as("144 / 200, kindergartens left out")
                .contains(new BigDecimal("0.72"));
        assertThat(i.compute(all, Map.of(), Map.of("幼儿园", byType.get("幼儿园"))).get("rate"))
                .as("no compulsory school counted: over 0").isEmpty();
    }

    @Test
    void aPopulationNamesGroupsOrTypesOnly() {
        String spec = """
                id: t
                title: 测试
                schoolTypes: [小学]
                sheets:
                  - id: info
                    title: 基本情况
                    fields:
                      - {id: a, label: 甲, type: count, unit: 人}
                indicators:
                  - {id: r, label: 比, expression: a / a, unit: "%", population: [高校]}
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CollectionSpecs.parse(spec,
                "t.yaml")).hasMessage("t.yaml:10: 指标 r: population 中 '高校' 既不是学校类型也不是分组");
    }

    @Test
    void theAfterSchoolRateLeavesKindergartensOutOfTheCountyAndEveryBreakdown() {
        org.huizong.engine.model.School kinder = new org.huizong.engine.model.School(
                "3415000001", "一幼", "幼儿园", "城关镇", "公办");
        org.huizong.engine.model.School primary = new org.huizong.engine.model.School(
                "3415000002", "一小", "小学", "城关镇", "公办");
        java.util.List<Submission> subs = java.util.List.of(
                Submission.of(Fixtures.returnWith(kinder, "一幼.xlsx", Map.of(
                        "info.students", 80, "afterschool.kindergarten", 40)), java.util.List.of(),
                        Fixtures.T0),
                Submission.of(Fixtures.returnWith(primary, "一小.xlsx", Map.of(
                        "info.students", 100, "afterschool.students", 72)), java.util.List.of(),
                        Fixtures.T0));
        Consolidation c = Consolidator.of(Fixtures.edu(), new org.huizong.engine.model.Roster(
                java.util.List.of(kinder, primary))).consolidate(subs);

        BigDecimal rate = new BigDecimal("0.72");
        assertThat(c.indicators().get("rate.afterschool")).as("72 / 100, not 72 / 180")
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(rate));
        assertThat(c.byTownship().get("城关镇").indicator("rate.afterschool"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(rate));
        assertThat(c.byType().get("幼儿园").indicator("rate.afterschool")).isEmpty();
    }
}

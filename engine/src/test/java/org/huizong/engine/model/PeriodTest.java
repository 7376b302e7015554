package org.huizong.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Periods of every kind a bureau collects by, as written, labelled and compared. */
class PeriodTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-05|MONTH|2024年5月|2023-05|5月|春季学期|2024-05-01",
        "2024-11|MONTH|2024年11月|2023-11|11月|秋季学期|2024-11-01",
        "2024-08|MONTH|2024年8月|2023-08|8月||2024-08-01",
        "2024Q2|QUARTER|2024年第二季度|2023Q2|第二季度|春季学期|2024-04-01",
        "2024Q1|QUARTER|2024年第一季度|2023Q1|第一季度||2024-01-01",
        "2024H1|HALF_YEAR|2024年上半年|2023H1|上半年|春季学期|2024-01-01",
        "2024H2|HALF_YEAR|2024年下半年|2023H2|下半年|秋季学期|2024-07-01",
        "2024|YEAR|2024年|2023|全年||2024-01-01",
        "2024-2025|SCHOOL_YEAR|2024-2025学年|2023-2024|本学年||2024-09-01"})
    void eachKindReadsLabelsAndComparesWithTheSamePeriodAYearEarlier(String text, String kind,
            String label, String yearBefore, String within, String term, String start) {
        Period p = Period.parse(text);
        assertThat(p.kind()).isEqualTo(Period.Kind.valueOf(kind));
        assertThat(p).hasToString(text);
        assertThat(Period.parse(p.toString())).isEqualTo(p);
        assertThat(p.label()).isEqualTo(label);
        assertThat(p.yearBefore()).hasToString(yearBefore);
        assertThat(p.withinYear()).isEqualTo(within);
        assertThat(p.term()).isEqualTo(Optional.ofNullable(term));
        assertThat(p.describe()).isEqualTo(term == null ? label : label + "（" + term + "）");
        assertThat(p.start()).isEqualTo(LocalDate.parse(start));
    }

    @Test
    void badPeriodsAreRefusedInChinese() {
        for (String bad : List.of("2024H3", "2024-13", "2024-00", "2024Q5", "2024-2026", "24H1",
                "上半年", "", "1999H1")) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("报告期 '" + bad + "' 格式不对");
        }
        assertThatThrownBy(() -> Period.parse(null)).hasMessageContaining("2024-2025（学年）");
    }

    @Test
    void periodsSortByTheirFirstDay() {
        List<Period> sorted = List.of("2024-2025", "2024H2", "2024-05", "2024", "2023H2")
                .stream().map(Period::parse).sorted().toList();
        assertThat(sorted).extracting(Period::toString)
                .containsExactly("2023H2", "2024", "2024-05", "2024H2", "2024-2025");
    }

    @Test
    void onlyAHalfYearHasAHalf() {
        assertThat(Period.parse("2024H2").half()).isEqualTo(2);
        assertThatThrownBy(() -> Period.parse("2024-05").half())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCollectionTakesOnlyPeriodsOfItsKind() {
        Collection halfYear = new Collection("t", "测试报表", 1, List.of("小学"), java.util.Map.of(),
                List.of(), List.of(), List.of());
        assertThat(halfYear.periodKind()).isEqualTo(Period.Kind.HALF_YEAR);
        assertThat(halfYear.checkPeriod(Period.parse("2024H1"))).hasToString("2024H1");
        assertThatThrownBy(() -> halfYear.checkPeriod(Period.parse("2024-05")))
                .hasMessage("测试报表是半年报，报告期应写作如 2024H1，不能用 2024-05（月报）");
        Collection monthly = halfYear.withPeriodKind(Period.Kind.MONTH);
        assertThat(monthly.checkPeriod(Period.parse("2024-05")).label()).isEqualTo("2024年5月");
        assertThat(monthly.structureHash()).as("the kind is not structure")
                .isEqualTo(halfYear.structureHash());
    }
}

package org.huizong.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChineseNumbersTest {

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void countsAreWholeNumbersWithTheirUnitAndNoGrouping() {
        assertThat(ChineseNumbers.count(n("3427"), "名")).isEqualTo("3427名");
        assertThat(ChineseNumbers.count(n("144424"), "人次")).isEqualTo("144424人次");
        assertThat(ChineseNumbers.count(n("3427.00"), "人")).isEqualTo("3427人");
        assertThat(ChineseNumbers.count(n("2.5"), "人")).isEqualTo("3人");
    }

    @Test
    void moneyInWanYuanDropsTrailingZeros() {
        assertThat(ChineseNumbers.money(n("12.60"))).isEqualTo("12.6万元");
        assertThat(ChineseNumbers.money(n("47"))).isEqualTo("47万元");
        assertThat(ChineseNumbers.money(n("47.0000"))).isEqualTo("47万元");
        assertThat(ChineseNumbers.money(n("26.54"))).isEqualTo("26.54万元");
        assertThat(ChineseNumbers.money(n("398.64"))).isEqualTo("398.64万元");
        assertThat(ChineseNumbers.money(n("943.125"))).isEqualTo("943.13万元");
        assertThat(ChineseNumbers.money(n("3500"))).isEqualTo("3500万元");
        assertThat(ChineseNumbers.money(n("89.5233"))).isEqualTo("89.52万元");
        assertThat(ChineseNumbers.money(n("0.005"))).isEqualTo("0.01万元");
    }

    @Test
    void moneySwitchesToYiYuanAtTenThousandWan() {
        assertThat(ChineseNumbers.money(n("69000"))).isEqualTo("6.9亿元");
        assertThat(ChineseNumbers.money(n("10000"))).isEqualTo("1亿元");
        assertThat(ChineseNumbers.money(n("9999.9949"))).isEqualTo("9999.99万元");
        assertThat(ChineseNumbers.money(n("9999.995"))).isEqualTo("1亿元");
        assertThat(ChineseNumbers.money(n("55000"))).isEqualTo("5.5亿元");
        assertThat(ChineseNumbers.money(n("123456.789"))).isEqualTo("12.35亿元");
    }

    @Test
    void percentagesKeepTheirDecimalsRoundingHalfUp() {
        assertThat(ChineseNumbers.percent(n("0.91667"), 1)).isEqualTo("91.7%");
        assertThat(ChineseNumbers.percent(BigDecimal.ONE, 1)).isEqualTo("100.0%");
        assertThat(ChineseNumbers.percent(n("0.9875"), 2)).isEqualTo("98.75%");
        assertThat(ChineseNumbers.percent(n("0.91375"), 2)).isEqualTo("91.38%");
        assertThat(ChineseNumbers.percent(n("0.00049"), 1)).isEqualTo("0.0%");
    }

    @Test
    void areaKeepsUpToTwoDecimals() {
        assertThat(ChineseNumbers.area(n("7700.00"))).isEqualTo("7700平方米");
        assertThat(ChineseNumbers.area(n("4080.125"))).isEqualTo("4080.13平方米");
    }

    @Test
    void ordinalsNumberSections() {
        assertThat(ChineseNumbers.ordinal(1)).isEqualTo("一");
        assertThat(ChineseNumbers.ordinal(8)).isEqualTo("八");
        assertThat(ChineseNumbers.ordinal(10)).isEqualTo("十");
        assertThat(ChineseNumbers.ordinal(12)).isEqualTo("十二");
        assertThat(ChineseNumbers.ordinal(20)).isEqualTo("二十");
        assertThat(ChineseNumbers.ordinal(35)).isEqualTo("三十五");
        assertThatThrownBy(() -> ChineseNumbers.ordinal(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }
}

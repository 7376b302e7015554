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

        assertThat(i.compute(Map.of("a", new BigDecimal("3"), "b", new BigDecimal("4")), Map.of())
                .get("ratio")).contains(new BigDecimal("0.75"));
        assertThat(i.compute(Map.of("a", BigDecimal.ONE, "b", BigDecimal.ZERO), Map.of())
                .get("ratio")).isEmpty();
        assertThat(i.compute(Map.of("a", new BigDecimal("9E+300"), "b", new BigDecimal("1E-300")),
                Map.of()).get("ratio")).as("1E+601 is no double").isEmpty();
    }
}

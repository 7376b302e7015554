package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huizong.engine.consolidate.Fixtures.edu;
import static org.huizong.engine.report.ReportWriterTest.consolidation;
import static org.huizong.engine.report.ReportWriterTest.open;
import static org.huizong.engine.report.ReportWriterTest.submissions;
import static org.huizong.engine.report.ReportWriterTest.write;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.model.Indicator;
import org.junit.jupiter.api.Test;

/**
 * 舍位平衡 of money indicators split by a list column: 项目计划总投资 and 项目本期完成投资 by 类别, in
 * 全县汇总's 主要指标 and in the figures the narrative is written from.
 */
class IndicatorBalanceTest {
    private static final List<String> KINDS = List.of("new", "expand", "repair", "sports",
            "equipment", "other");

    @Test
    void theProjectMoneyIndicatorsAreATotalAndItsPartsByCategory() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String column : List.of("budget", "invested")) {
            expected.put("projects." + column, KINDS.stream()
                    .map(k -> "projects." + k + "." + column).toList());
        }
        assertThat(edu().moneyIndicatorSums()).isEqualTo(expected);
    }

    @Test
    void theShownPartsAddUpToTheShownTotalAndMoveByOneHundredYuanAtMost() throws IOException {
        int balanced = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Consolidation c = consolidation(submissions(seed), false);
            Map<String, BigDecimal> narrative = c.narrativeInput().totals();
            try (XSSFWorkbook wb = open(write(c))) {
                Map<String, Double> shown = indicatorCells(wb);
                for (String column : List.of("budget", "invested")) {
                    BigDecimal total = c.indicators().get("projects." + column).orElseThrow();
                    BigDecimal sumShown = BigDecimal.ZERO;
                    BigDecimal sumHalfUp = BigDecimal.ZERO;
                    BigDecimal sumNarrative = BigDecimal.ZERO;
                    for (String k : KINDS) {
                        String id = "projects." + k + "." + column;
                        BigDecimal exact = c.indicators().get(id).orElseThrow();
                        BigDecimal cell = BigDecimal.valueOf(shown.get(id))
                                .setScale(2, RoundingMode.HALF_UP);
                        assertThat(cell.subtract(exact).abs()).as(seed + " " + id)
                                .isLessThan(new BigDecimal("0.01"));
                        assertThat(narrative.get(id)).as(seed + " narrative " + id)
                                .isEqualByComparingTo(cell);
                        sumShown = sumShown.add(cell);
                        sumHalfUp = sumHalfUp.add(exact.setScale(2, RoundingMode.HALF_UP));
                        sumNarrative = sumNarrative.add(narrative.get(id));
                    }
                    BigDecimal totalShown = total.setScale(2, RoundingMode.HALF_UP);
                    assertThat(BigDecimal.valueOf(shown.get("projects." + column)))
                            .isEqualByComparingTo(totalShown);
                    assertThat(sumShown).as(seed + " " + column).isEqualByComparingTo(totalShown);
                    assertThat(sumNarrative).as(seed + " narrative " + column)
                            .isEqualByComparingTo(totalShown);
                    balanced += sumHalfUp.compareTo(totalShown) != 0 ? 1 : 0;
                }
            }
        }
        assertThat(balanced).as("seeds whose parts rounded one by one would not add up")
                .isPositive();
    }

    /** 主要指标's 本期 column of 全县汇总, by indicator id (labels are unique). */
    private static Map<String, Double> indicatorCells(XSSFWorkbook wb) {
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (Indicator i : edu().indicators()) {
            byLabel.put(i.label(), i.id());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        boolean inIndicators = false;
        for (Row r : wb.getSheet("全县汇总")) {
            String b = r.getCell(1) == null ? "" : r.getCell(1).toString();
            String a = r.getCell(0) == null ? "" : r.getCell(0).toString();
            inIndicators |= a.endsWith("、主要指标");
            if (inIndicators && byLabel.containsKey(b)) {
                out.put(byLabel.get(b), r.getCell(TotalsSheet.FIRST_VALUE_COL)
                        .getNumericCellValue());
            }
        }
        return out;
    }
}

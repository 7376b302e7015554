package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.huizong.engine.consolidate.Fixtures.edu;
import static org.huizong.engine.report.ReportWriterTest.consolidation;
import static org.huizong.engine.report.ReportWriterTest.open;
import static org.huizong.engine.report.ReportWriterTest.previousBook;
import static org.huizong.engine.report.ReportWriterTest.roster;
import static org.huizong.engine.report.ReportWriterTest.submissions;
import static org.huizong.engine.report.ReportWriterTest.write;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.consolidate.TableTotals;
import org.huizong.engine.model.Field;
import org.junit.jupiter.api.Test;

/**
 * The 图表 sheet's 主要数据同比 and investment charts, read back with POI: their series, categories
 * and values against the consolidation's own figures.
 */
class ChartsTest {

    @Test
    void theHeadlineFiguresAreEachFormSheetsSumsElseItsFirstFigure() {
        assertThat(FigureCharts.headlines(edu()).stream().map(Field::id).toList())
                .containsExactly("info.students", "enrol.new", "aid.total.persons",
                        "aid.total.amount", "afterschool.students", "staff.recruited",
                        "research.activities", "safety.hazards.found", "funding.public");
    }

    @Test
    void withAPreviousPeriodTheChangeOfEveryHeadlineFigureIsChartedFromTheCountyTotals()
            throws IOException {
        Consolidation c = consolidation(submissions(5), true);
        try (XSSFWorkbook wb = open(write(c))) {
            XSSFChart chart = chart(wb, "全县主要数据同比增幅").orElseThrow();
            XDDFChartData.Series s = single(chart);
            List<Field> headlines = FigureCharts.headlines(edu());
            assertThat(s.getCategoryData().getPointCount()).isEqualTo(headlines.size());
            for (int i = 0; i < headlines.size(); i++) {
                Field f = headlines.get(i);
                assertThat(s.getCategoryData().getPointAt(i)).isEqualTo(f.labelWithUnit());
                assertThat(((Number) s.getValuesData().getPointAt(i)).doubleValue()).as(f.id())
                        .isCloseTo(c.changeRatio(f.id()).orElseThrow().doubleValue(),
                                within(1e-12));
                // the same schools both periods: 本期 is the county total, as 全县汇总 shows it
                org.apache.poi.ss.usermodel.Row row = wb.getSheet("图表").getRow(
                        rowOf(wb, f.labelWithUnit()));
                assertThat(row.getCell(1).getNumericCellValue()).as(f.id() + " 本期")
                        .isEqualTo(shown(c.totals().get(f.id())));
                assertThat(row.getCell(2).getNumericCellValue()).as(f.id() + " 上年同期")
                        .isEqualTo(shown(c.previousSum(f.id()).orElseThrow()));
            }
            assertThat(s.getValuesData().getPointCount()).isEqualTo(headlines.size());
            String xml = chartXml(chart);
            assertThat(xml).as("bars labelled with their 增幅").contains("<c:dLbls>")
                    .contains("formatCode=\"+0.0%;-0.0%;0.0%\"");
        }
    }

    @Test
    void whenLastYearCountedOtherSchoolsTheChangeIsChartedOverTheSchoolsCountedInBoth()
            throws IOException {
        List<Integer> last = new ArrayList<>();
        for (int i = 3; i < 40; i++) {
            last.add(i);
        }
        Consolidation c = Consolidator.of(edu(), roster()).withPrevious(previousBook(last, true))
                .consolidate(submissions(5));
        try (XSSFWorkbook wb = open(write(c))) {
            XSSFChart chart = chart(wb, "全县主要数据同比增幅（按可比口径）").orElseThrow();
            XDDFChartData.Series s = single(chart);
            int row = rowOf(wb, edu().getField("info.students").labelWithUnit());
            org.apache.poi.ss.usermodel.Row header = wb.getSheet("图表").getRow(row - 1);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("本期可比数");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("上年同期可比数");
            org.apache.poi.ss.usermodel.Row students = wb.getSheet("图表").getRow(row);
            assertThat(students.getCell(1).getNumericCellValue())
                    .isEqualTo(c.comparedSum("info.students").orElseThrow().doubleValue())
                    .isNotEqualTo(c.totals().get("info.students").doubleValue());
            assertThat(((Number) s.getValuesData().getPointAt(0)).doubleValue()).isCloseTo(
                    c.changeRatio("info.students").orElseThrow().doubleValue(), within(1e-12));
        }
    }

    @Test
    void withoutAPreviousPeriodThereIsNoChangeChartAndTheOthersStay() throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation(submissions(7), false)))) {
            List<String> titles = wb.getSheet("图表").getDrawingPatriarch().getCharts().stream()
                    .map(x -> x.getTitleText().getString()).toList();
            assertThat(titles).containsExactly("全县资助金额(万元)（按项目）", "各乡镇报送完成情况",
                    "全县项目建设投资（按类别，万元）");
        }
    }

    @Test
    void investmentByCategoryChartsTheCategoryTotalsThatAddUpToTheCountyTotal()
            throws IOException {
        Consolidation c = consolidation(submissions(7), false);
        TableTotals totals = c.tableTotals().get("projects");
        try (XSSFWorkbook wb = open(write(c))) {
            XSSFChart chart = chart(wb, "全县项目建设投资（按类别，万元）").orElseThrow();
            assertThat(chart.getChartSeries()).hasSize(1);
            XDDFChartData data = chart.getChartSeries().get(0);
            assertThat(data.getSeriesCount()).isEqualTo(2);
            List<String> categories = new ArrayList<>(totals.byColumn().get("category").keySet());
            String[] keys = {"budget", "invested"};
            for (int k = 0; k < 2; k++) {
                XDDFChartData.Series s = data.getSeries(k);
                assertThat(s.getCategoryData().getPointCount()).isEqualTo(categories.size());
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < categories.size(); i++) {
                    assertThat(s.getCategoryData().getPointAt(i)).isEqualTo(categories.get(i));
                    BigDecimal v = new BigDecimal(String.valueOf(
                            ((Number) s.getValuesData().getPointAt(i)).doubleValue()));
                    BigDecimal exact = totals.byColumn().get("category").get(categories.get(i))
                            .sums().get(keys[k]);
                    assertThat(v.subtract(exact).abs()).as(keys[k] + " " + categories.get(i)
                            + " moves by at most one shown unit").isLessThanOrEqualTo(
                                    new BigDecimal("0.01"));
                    sum = sum.add(v);
                }
                // 舍位平衡: the shown categories add up to the shown county total
                assertThat(sum.setScale(2, RoundingMode.HALF_UP)).as(keys[k])
                        .isEqualByComparingTo(totals.all().sums().get(keys[k])
                                .setScale(2, RoundingMode.HALF_UP));
            }
            // the table's 合计 row, not charted, is the county total 全县汇总 shows
            org.apache.poi.ss.usermodel.Row total = wb.getSheet("图表").getRow(rowOf(wb, "合计"));
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(c.indicators()
                    .get("projects.invested").orElseThrow().setScale(2, RoundingMode.HALF_UP)
                    .doubleValue());
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(
                    c.indicators().get("projects.count").orElseThrow().doubleValue());
        }
    }

    private static double shown(BigDecimal exact) {
        return exact.scale() > 2 ? exact.setScale(2, RoundingMode.HALF_UP).doubleValue()
                : exact.doubleValue();
    }

    private static Optional<XSSFChart> chart(XSSFWorkbook wb, String title) {
        return wb.getSheet("图表").getDrawingPatriarch().getCharts().stream()
                .filter(x -> x.getTitleText().getString().equals(title)).findFirst();
    }

    private static XDDFChartData.Series single(XSSFChart chart) {
        assertThat(chart.getChartSeries()).hasSize(1);
        assertThat(chart.getChartSeries().get(0).getSeriesCount()).isEqualTo(1);
        return chart.getChartSeries().get(0).getSeries(0);
    }

    /** The first row of 图表 whose column A reads {@code label}. */
    private static int rowOf(XSSFWorkbook wb, String label) {
        for (org.apache.poi.ss.usermodel.Row r : wb.getSheet("图表")) {
            if (r.getCell(0) != null && r.getCell(0).toString().equals(label)) {
                return r.getRowNum();
            }
        }
        throw new AssertionError("no row " + label + " on 图表");
    }

    private static String chartXml(XSSFChart chart) throws IOException {
        try (var in = chart.getPackagePart().getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huizong.engine.consolidate.Fixtures.T0;
import static org.huizong.engine.consolidate.Fixtures.edu;
import static org.huizong.engine.report.ReportWriterTest.cell;
import static org.huizong.engine.report.ReportWriterTest.open;
import static org.huizong.engine.report.ReportWriterTest.shownCell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.consolidate.Fixtures;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.returns.ReturnReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * County tables show 万元 to 2 decimals with 舍位平衡, — where a figure does not apply, and the
 * book still reads back to the yuan.
 */
class ShownFiguresTest {
    private static final School HIGH = new School("3415000001", "一中", "普通高中", "城关镇", "公办");
    private static final School KINDER = new School("3415000002", "一幼", "幼儿园", "城关镇", "公办");

    @TempDir
    Path dir;

    /**
     * Three programs of 10.005, 20.005 and 30.005 万元: the total 60.015 shows as 60.02; rounded
     * half up one by one the parts would show 60.03, balanced they show 10.01 + 20.01 + 30.00.
     */
    private static Consolidation consolidation() {
        Return high = Fixtures.returnWith(HIGH, "一中.xlsx", Map.of(
                "aid.hs_grant.persons", 100, "aid.hs_grant.amount", new BigDecimal("10.005"),
                "aid.hs_tuition.persons", 100, "aid.hs_tuition.amount", new BigDecimal("20.005"),
                "aid.other.persons", 100, "aid.other.amount", new BigDecimal("30.005"),
                "info.students", 500));
        Return kinder = Fixtures.returnWith(KINDER, "一幼.xlsx", Map.of("info.students", 80));
        return Consolidator.of(edu(), new Roster(List.of(HIGH, KINDER))).withPeriod(
                Fixtures.PERIOD).consolidate(List.of(Submission.of(high, List.of(), T0),
                        Submission.of(kinder, List.of(), T0)));
    }

    private static byte[] write(Consolidation c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.of(edu(), ReportWriterTest.CLOCK).withUnit("341500", "示例县教育局")
                .write(c, List.of(), out);
        return out.toByteArray();
    }

    private static BigDecimal shown(XSSFWorkbook wb, String name) {
        return BigDecimal.valueOf(shownCell(wb, name).getNumericCellValue())
                .setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void theShownPartsAddUpToTheShownTotalByLargestRemainder() throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation()))) {
            assertThat(shown(wb, "F_aid_total_amount")).isEqualByComparingTo("60.02");
            assertThat(List.of(shown(wb, "F_aid_hs_grant_amount"),
                    shown(wb, "F_aid_hs_tuition_amount"), shown(wb, "F_aid_other_amount")))
                    .containsExactly(new BigDecimal("10.01"), new BigDecimal("20.01"),
                            new BigDecimal("30.00"));
            assertThat(cell(wb, "F_aid_other_amount").getNumericCellValue()).as("exact")
                    .isEqualTo(30.005);
            String text = text(wb.getSheet("全县汇总"));
            assertThat(text).contains("注：金额经舍位平衡处理");
        }
    }

    @Test
    void aFigureThatDoesNotApplyShowsADash() throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation()))) {
            XSSFSheet totals = wb.getSheet("全县汇总");
            Row unique = rowLabelled(totals, "资助学生人数(去重)");
            // 序号 项目 单位 | 资助人数: 合计 学校数 | 资助金额: 合计 学校数
            assertThat(unique.getCell(5).getStringCellValue()).isEqualTo("—");
            assertThat(unique.getCell(6).getStringCellValue()).isEqualTo("—");
            XSSFSheet byType = wb.getSheet("按学校类型");
            Row header = byType.getRow(2);
            assertThat(header.getCell(4).getStringCellValue()).startsWith("幼儿园");
            assertThat(header.getCell(5).getStringCellValue()).startsWith("普通高中");
            Row grant = rowLabelled(byType, "普通高中国家助学金金额");
            assertThat(grant.getCell(4).getStringCellValue()).as("幼儿园").isEqualTo("—");
            assertThat(grant.getCell(5).getNumericCellValue()).as("普通高中").isEqualTo(10.01);
            assertThat(grant.getCell(3).getNumericCellValue()).as("全县").isEqualTo(10.01);
            Row students = rowLabelled(byType, "在校学生(幼儿)数");
            assertThat(students.getCell(4).getNumericCellValue()).isEqualTo(80);
        }
    }

    @Test
    void theBookReadsBackToTheYuanThoughItShowsHundreds() throws IOException {
        Consolidation c = consolidation();
        Path file = dir.resolve("book.xlsx");
        Files.write(file, write(c));
        Return r = ReturnReader.of(edu()).read(file);
        for (String id : List.of("aid.hs_grant.amount", "aid.hs_tuition.amount",
                "aid.other.amount", "aid.total.amount")) {
            assertThat(number(r, id)).as(id).isEqualByComparingTo(c.totals().get(id));
        }
        assertThat(number(r, "aid.total.amount")).isEqualByComparingTo("60.015");
    }

    @Test
    void theProjectCategoriesAddUpToTheirTotalAsShown() throws IOException {
        Consolidation c = ReportWriterTest.consolidation(ReportWriterTest.submissions(4), false);
        try (XSSFWorkbook wb = open(write(c))) {
            XSSFSheet totals = wb.getSheet("项目分类汇总");
            // the first block (按类别汇总): its header on row 4, six categories, then 合计
            Row header = totals.getRow(4);
            int checked = 0;
            for (int col = 3; col < header.getLastCellNum(); col++) {
                if (!header.getCell(col).getStringCellValue().contains("万元")) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (int r = 5; r < 11; r++) {
                    Cell x = totals.getRow(r).getCell(col);
                    assertThat(x.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                    sum = sum.add(BigDecimal.valueOf(x.getNumericCellValue()));
                }
                Row all = totals.getRow(11);
                assertThat(all.getCell(1).getStringCellValue()).isEqualTo("合计");
                assertThat(sum.setScale(2, RoundingMode.HALF_UP)).as(header.getCell(col)
                        .getStringCellValue()).isEqualByComparingTo(BigDecimal.valueOf(
                                all.getCell(col).getNumericCellValue()).setScale(2,
                                        RoundingMode.HALF_UP));
                checked++;
            }
            assertThat(checked).as("计划总投资 and 本期完成投资").isEqualTo(2);
        }
    }

    @Test
    void theNarrativeBalancesYiYuanWhenEveryPartReadsInYiYuan() {
        Return high = Fixtures.returnWith(HIGH, "一中.xlsx", Map.of(
                "aid.hs_grant.persons", 100, "aid.hs_grant.amount", 10040,
                "aid.hs_tuition.persons", 100, "aid.hs_tuition.amount", 10040,
                "aid.other.persons", 100, "aid.other.amount", 10040));
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(HIGH))).withPeriod(
                Fixtures.PERIOD).consolidate(List.of(Submission.of(high, List.of(), T0)));
        Map<String, BigDecimal> figures = c.narrativeInput().totals();
        assertThat(List.of(figures.get("aid.hs_grant.amount"),
                figures.get("aid.hs_tuition.amount"), figures.get("aid.other.amount"),
                figures.get("aid.total.amount"))).as("1.01 + 1.00 + 1.00 = 3.01 亿元")
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10100"), new BigDecimal("10000"),
                        new BigDecimal("10000"), new BigDecimal("30100"));
        assertThat(c.totals().get("aid.total.amount")).as("the totals stay exact")
                .isEqualByComparingTo("30120");
        // a small part keeps its 万元: balanced to the hundred yuan, never to 0亿元
        Consolidation small = ShownFiguresTest.consolidation();
        assertThat(small.narrativeInput().totals().get("aid.other.amount"))
                .isEqualByComparingTo("30.00");
    }

    private static BigDecimal number(Return r, String id) {
        return ((Value.Num) r.find(id).orElseThrow()).value();
    }

    private static Row rowLabelled(XSSFSheet sheet, String label) {
        for (Row r : sheet) {
            Cell c = r.getCell(1);
            if (c != null && c.toString().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " on " + sheet.getSheetName());
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder sb = new StringBuilder();
        sheet.forEach(r -> r.forEach(x -> sb.append(x).append('\n')));
        return sb.toString();
    }
}

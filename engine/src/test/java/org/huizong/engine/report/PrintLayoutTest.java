package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huizong.engine.consolidate.Fixtures.edu;
import static org.huizong.engine.report.ReportWriterTest.consolidation;
import static org.huizong.engine.report.ReportWriterTest.open;
import static org.huizong.engine.report.ReportWriterTest.submissions;
import static org.huizong.engine.report.ReportWriterTest.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.Field;
import org.junit.jupiter.api.Test;

/**
 * 学校明细 prints legibly: landscape at a fixed scale, both header rows and the identity columns
 * on every page, pages cut at a group's edge, no group title merged across a page's edge;
 * 报送情况's wrapped file names get the rows they need; the signature line under a narrow
 * 全县汇总 breaks between signatories.
 */
class PrintLayoutTest {
    private static final int GROUP_ROW = 2;

    @Test
    void printsLandscapeAtAFixedScaleWithBothHeaderRowsAndTheIdentityColumnsOnEveryPage()
            throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation(submissions(3), false)))) {
            XSSFSheet sheet = wb.getSheet("学校明细");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).as("not shrunk to fit").isFalse();
            assertThat(sheet.getPrintSetup().getScale()).isEqualTo((short) 65);
            assertThat(sheet.getPrintSetup().getLeftToRight()).as("down, then across").isFalse();
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("3:4"));
            assertThat(sheet.getRepeatingColumns()).isEqualTo(CellRangeAddress.valueOf("A:C"));
            assertThat(List.of(text(sheet, 2, 0), text(sheet, 2, 1), text(sheet, 2, 2)))
                    .containsExactly("序号", "学校标识码", "学校名称");
        }
    }

    @Test
    void everyGroupTitleEndsAtThePageEdgeAndIsTitledAgainOnTheNextPage() throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation(submissions(3), false)))) {
            XSSFSheet sheet = wb.getSheet("学校明细");
            int lastCol = edu().fields().size() + 1;
            int[] breaks = sheet.getColumnBreaks();
            assertThat(breaks).as("the columns print on several pages").hasSizeGreaterThan(3);
            List<Integer> edges = new ArrayList<>(Arrays.stream(breaks).boxed().toList());
            edges.add(lastCol);
            for (CellRangeAddress m : sheet.getMergedRegions()) {
                if (m.getFirstRow() == GROUP_ROW && m.getLastRow() == GROUP_ROW) {
                    assertThat(m.getLastColumn()).as(m.formatAsString()).isLessThanOrEqualTo(
                            lastCol);
                    for (int edge : breaks) {
                        assertThat(m.getFirstColumn() <= edge && m.getLastColumn() > edge)
                                .as(m.formatAsString() + " across the break after column "
                                        + edge).isFalse();
                    }
                }
            }
            for (int edge : breaks) {
                Cell next = sheet.getRow(GROUP_ROW).getCell(edge + 1);
                assertThat(next.getStringCellValue()).as("the group title after column " + edge)
                        .isNotEmpty();
            }
            assertThat(titles(sheet)).contains("学生资助", "学生资助（续）", "课后服务", "经费保障");
            assertThat(sheet.getRow(GROUP_ROW).getCell(lastCol + 1)).as("no fill past the edge")
                    .isNull();
        }
    }

    @Test
    void aGroupThatFitsOnAPageIsNeverCut() throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation(submissions(3), false)))) {
            XSSFSheet sheet = wb.getSheet("学校明细");
            for (String title : List.of("学校基本情况", "招生与考试", "课后服务", "师资队伍", "安全工作")) {
                assertThat(titles(sheet)).as(title).contains(title).doesNotContain(title + "（续）");
            }
            List<Field> fields = edu().fields();
            // every label under its own column, the identity columns' labels spanning both rows
            Row labels = sheet.getRow(GROUP_ROW + 1);
            for (int k = 2; k < fields.size(); k++) {
                assertThat(labels.getCell(1 + k).getStringCellValue())
                        .isEqualTo(fields.get(k).labelWithUnit());
            }
        }
    }

    @Test
    void aFileNameTooLongForItsColumnGrowsItsRowOnTheStatusSheet() throws IOException {
        List<org.huizong.engine.consolidate.Submission> subs = new ArrayList<>(submissions(3));
        org.huizong.engine.model.School s = ReportWriterTest.roster().schools().get(0);
        String longName = s.code() + "_桃源乡九年一贯制学校（第二次修改后报送）.xlsx";
        subs.set(0, org.huizong.engine.consolidate.Submission.of(
                org.huizong.engine.consolidate.Fixtures.randomReturn(s, new java.util.Random(3),
                        longName), List.of(), org.huizong.engine.consolidate.Fixtures.T0));
        try (XSSFWorkbook wb = open(write(org.huizong.engine.consolidate.Consolidator.of(edu(),
                ReportWriterTest.roster()).consolidate(subs)))) {
            XSSFSheet sheet = wb.getSheet("报送情况");
            Row first = sheet.getRow(4);
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo(longName);
            assertThat(first.getHeightInPoints()).as("two lines at least").isGreaterThan(30f);
            assertThat(sheet.getRow(5).getHeightInPoints()).as("a short name keeps its row")
                    .isEqualTo(sheet.getDefaultRowHeightInPoints());
        }
    }

    @Test
    void aSignatureLineWiderThanItsTableBreaksBetweenSignatories() {
        String line = edu().furniture().signatureLine();
        assertThat(TotalsSheet.lines(line, 200)).as("wide enough: one line").isEqualTo(line);
        String broken = TotalsSheet.lines(line, 60);
        assertThat(broken.replace("\n", "")).isEqualTo(line);
        assertThat(broken.split("\n")).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(l)
                .matches("^(单位负责人|统计负责人|填表人|报出日期)：.*"));
    }

    private static List<String> titles(XSSFSheet sheet) {
        List<String> out = new ArrayList<>();
        sheet.getRow(GROUP_ROW).forEach(c -> {
            if (!c.getStringCellValue().isEmpty()) {
                out.add(c.getStringCellValue());
            }
        });
        return out;
    }

    private static String text(XSSFSheet sheet, int row, int col) {
        return sheet.getRow(row).getCell(col).getStringCellValue();
    }
}

package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.huizong.engine.consolidate.Fixtures.T0;
import static org.huizong.engine.consolidate.Fixtures.edu;
import static org.huizong.engine.consolidate.Fixtures.school;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.consolidate.Fixtures;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.fixtures.ClockSlots;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.narrative.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-15T02:30:00Z"),
            ZoneId.of("Asia/Shanghai"));
    static final List<Paragraph> NARRATIVE = List.of(
            new Paragraph("（一）学校基本情况。", "全县共有学校40所，本期35所学校报送了报表。"),
            new Paragraph("（二）学生资助。", "上半年共资助学生12,345人次，发放资助金额1,234.5万元。"));

    @TempDir
    Path dir;

    /** 40 schools, one named like a formula, 36 returns with projects, one stranger, one bad. */
    static List<Submission> submissions(long seed) {
        Random random = new Random(seed);
        List<Submission> out = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            School s = roster().schools().get(i);
            Return r = Fixtures.randomReturn(s, random, s.code() + ".xlsx");
            if (i == 2) {
                r = withProject(r, "=SUM(A1:A9)");
            }
            out.add(Submission.of(r, i == 7 ? List.of(Fixtures.error("info.head"))
                    : i == 8 ? List.of(Fixtures.warning("afterschool.teachers_le_teachers"))
                    : List.of(), T0.plusSeconds(60L * i)));
        }
        out.add(Submission.of(Fixtures.randomReturn(school(200), random, "外校.xlsx"), List.of(),
                T0));
        out.add(Submission.unreadable("坏文件.xlsx", "文件“坏文件.xlsx”不是有效的Excel文件，无法打开", T0));
        return out;
    }

    static Roster roster() {
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            School s = school(i);
            schools.add(i == 1 ? new School(s.code(), "=1+1学校", s.type(), s.township(),
                    s.ownership()) : s);
        }
        return new Roster(schools);
    }

    private static Return withProject(Return r, String name) {
        Map<String, List<TableRow>> tables = new LinkedHashMap<>(r.tables());
        List<TableRow> rows = new ArrayList<>(tables.getOrDefault("projects", List.of()));
        rows.add(new TableRow(rows.size() + 1, Map.of("name", Value.of(name), "category",
                Value.of("新建"), "budget", Value.of(new BigDecimal("12.5"))), Map.of()));
        tables.put("projects", rows);
        return new Return(r.file(), r.meta(), r.values(), r.cells(), tables, r.explanations(),
                r.readFindings());
    }

    /**
     * Last year's book: per-school figures for {@code schools} of the roster, totals their sums;
     * without the detail when {@code withDetail} is false (a book written before books kept it).
     */
    static Return previousBook(List<Integer> schools, boolean withDetail) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> detail = new LinkedHashMap<>();
        Random random = new Random(5);
        for (int i : schools) {
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            for (Field f : edu().fields()) {
                if (f.type().isNumeric()) {
                    BigDecimal v = BigDecimal.valueOf(random.nextInt(1_500));
                    figures.put(f.id(), v);
                    sums.merge(f.id(), v, BigDecimal::add);
                }
            }
            detail.put(roster().schools().get(i).code(), figures);
        }
        Map<String, Value> values = new LinkedHashMap<>();
        sums.forEach((k, v) -> values.put(k, Value.of(v)));
        return new Return("2023年上半年汇总.xlsx", new ReturnMeta(edu().id(), edu().version(),
                Period.parse("2023H1"), "341500", edu().structureHash(),
                ReturnMeta.KIND_CONSOLIDATED), values, Map.of(), Map.of(), Map.of(), List.of(),
                java.util.Optional.empty(), withDetail ? detail : Map.of());
    }

    /** Last year's book of the schools {@link #submissions} counts: 0 to 35 but 7. */
    static Return previousBook() {
        List<Integer> counted = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            if (i != 7) {
                counted.add(i);
            }
        }
        return previousBook(counted, true);
    }

    static Consolidation consolidation(List<Submission> subs, boolean previous) {
        Consolidator c = Consolidator.of(edu(), roster());
        return (previous ? c.withPrevious(previousBook()) : c).consolidate(subs);
    }

    @Test
    void aBookThatFailsOnTheWayLeavesTheEarlierBookAsItWasAndNoPartBehind() throws Exception {
        Path book = dir.resolve("县汇总.xlsx");
        ReportWriter writer = ReportWriter.of(edu(), CLOCK);
        Consolidation c = consolidation(submissions(1), false);
        writer.write(c, NARRATIVE, book);
        byte[] earlier = Files.readAllBytes(book);

        // no narrative: fails once the book is half written
        assertThatThrownBy(() -> writer.write(c, null, book))
                .isInstanceOf(NullPointerException.class);

        assertThat(Files.readAllBytes(book)).isEqualTo(earlier);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(book);
        }
        writer.write(consolidation(submissions(2), false), NARRATIVE, book);
        assertThat(Files.readAllBytes(book)).isNotEqualTo(earlier);
    }

    static byte[] write(Consolidation c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.of(edu(), CLOCK).withUnit("341500", "示例县教育局").write(c, NARRATIVE, out);
        return out.toByteArray();
    }

    @Test
    void writesASampleForALookWhenAsked() throws IOException {
        String keep = System.getProperty("huizong.report.keep");
        byte[] bytes = write(consolidation(submissions(1), true));
        Files.write(dir.resolve("book.xlsx"), bytes);
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.write(Path.of(keep, "book.xlsx"), bytes);
            Files.write(Path.of(keep, "book-noprev.xlsx"),
                    write(consolidation(submissions(1), false)));
        }
        assertThat(bytes.length).isGreaterThan(10_000);
    }

    @Test
    void theBookHasItsSheetsInOrderAndAVeryHiddenMetaSheet() throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation(submissions(2), false)))) {
            List<String> names = new ArrayList<>();
            wb.forEach(sh -> names.add(sh.getSheetName()));
            assertThat(names).containsExactly("封面", "全县汇总", "图表", "按学校类型", "按乡镇",
                    "按办学性质", "学校明细", "项目清单", "项目分类汇总", "问题清单", "报送情况", "未计入文件",
                    "总结", "_detail", "_totals", "_meta");
            assertThat(wb.getSheetVisibility(wb.getSheetIndex("_meta")))
                    .isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.getSheetVisibility(wb.getSheetIndex("_detail")))
                    .isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.getSheetVisibility(wb.getSheetIndex("_totals")))
                    .isEqualTo(SheetVisibility.VERY_HIDDEN);
            Map<String, String> meta = new LinkedHashMap<>();
            wb.getSheet("_meta").forEach(r -> meta.put(r.getCell(0).getStringCellValue(),
                    r.getCell(1).getStringCellValue()));
            assertThat(meta).containsEntry("collection", "edu-halfyear")
                    .containsEntry("version", "1").containsEntry("period", "2024H1")
                    .containsEntry("unit", "341500").containsEntry("kind", "consolidated")
                    .containsEntry("structureHash", edu().structureHash());
            assertThat(wb.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(CLOCK.instant()));
        }
    }

    @Test
    void everyFieldNameResolvesToItsExactTotalAndNamesTheCellShowingIt() throws IOException {
        Consolidation c = consolidation(submissions(3), false);
        try (XSSFWorkbook wb = open(write(c))) {
            for (Field f : edu().fields()) {
                Cell cell = cell(wb, f.definedName());
                assertThat(cell.getSheet().getSheetName()).as(f.definedName())
                        .isEqualTo("_totals");
                if (f.type().isNumeric()) {
                    assertThat(cell.getCellType()).as(f.id()).isEqualTo(CellType.NUMERIC);
                    assertThat(BigDecimal.valueOf(cell.getNumericCellValue())
                            .setScale(4, RoundingMode.HALF_UP)).as(f.id())
                            .isEqualByComparingTo(c.totals().get(f.id()));
                    Cell shown = shownCell(wb, f.definedName());
                    assertThat(shown.getSheet().getSheetName()).as(f.id()).isEqualTo("全县汇总");
                    assertThat(shown.getCellStyle().getDataFormatString()).as(f.id())
                            .isEqualTo(Styles.shown(f.type()));
                    assertThat(shown.getNumericCellValue()).as(f.id()).isCloseTo(
                            c.totals().get(f.id()).doubleValue(), within(0.01 + 1e-9));
                }
            }
            assertThat(cell(wb, "F_info_code").getStringCellValue()).isEqualTo("341500");
            assertThat(cell(wb, "F_info_name").getStringCellValue()).isEqualTo("示例县教育局");
            assertThat(shownCell(wb, "F_aid_total_amount").getCellStyle()
                    .getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(shownCell(wb, "F_info_students").getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0");
            assertThat(sheetText(wb, "全县汇总")).doesNotContain("示例县教育局\n")
                    .contains("填报单位：示例县教育局（341500）");
        }
    }

    @Test
    void printedPagesNameTheUnitAndTheTotalsBreakOnlyBeforeASection() throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation(submissions(3), true)))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.getSheetVisibility(i) == SheetVisibility.VISIBLE) {
                    XSSFSheet sheet = wb.getSheetAt(i);
                    assertThat(sheet.getHeader().getLeft()).as(sheet.getSheetName())
                            .isEqualTo("填报单位：示例县教育局");
                    assertThat(sheet.getPrintSetup().getPaperSize()).as(sheet.getSheetName())
                            .isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                }
            }
            XSSFSheet totals = wb.getSheet("全县汇总");
            assertThat(totals.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("表　　号：教半1表　　制表机关：县教育局");
            assertThat(sheetText(wb, "全县汇总")).contains("单位负责人：　　　　　　　　统计负责人：");
            int[] breaks = totals.getRowBreaks();
            assertThat(breaks).as("seven sections and the indicators fill several pages")
                    .isNotEmpty();
            for (int row : breaks) {
                assertThat(totals.getRow(row + 1).getCell(0).getStringCellValue())
                        .as("the row after the break at %d", row).matches("^[一二三四五六七八九十]+、.+");
            }
        }
    }

    @Test
    void tableNamesCoverTheProjectRowsOfEverySchool() throws IOException {
        Consolidation c = consolidation(submissions(4), false);
        int rows = c.tableRows().get("projects").size();
        assertThat(rows).isGreaterThan(10);
        try (XSSFWorkbook wb = open(write(c))) {
            for (Field col : edu().tables().get(0).columns()) {
                XSSFName name = wb.getName("T_projects_" + col.id().substring(9));
                AreaReference area = new AreaReference(name.getRefersToFormula(),
                        org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                assertThat(area.getFirstCell().getSheetName()).isEqualTo("项目清单");
                assertThat(area.getLastCell().getRow() - area.getFirstCell().getRow() + 1)
                        .as(name.getNameName()).isEqualTo(rows);
            }
            XSSFSheet list = wb.getSheet("项目清单");
            assertThat(list.getRow(3).getCell(2).getStringCellValue())
                    .isEqualTo(c.tableRows().get("projects").get(0).schoolName());
        }
    }

    @Test
    void withAPreviousPeriodTheTotalsShowPreviousChangeAndRatio() throws IOException {
        Consolidation c = consolidation(submissions(5), true);
        try (XSSFWorkbook wb = open(write(c))) {
            Cell now = shownCell(wb, "F_info_students");
            org.apache.poi.ss.usermodel.Row row = now.getRow();
            int col = now.getColumnIndex();
            assertThat(row.getCell(col + 1).getNumericCellValue())
                    .isEqualTo(c.previousSum("info.students").orElseThrow().doubleValue());
            assertThat(row.getCell(col + 2).getNumericCellValue())
                    .isEqualTo(c.change("info.students").orElseThrow().doubleValue());
            assertThat(row.getCell(col + 3).getNumericCellValue()).isCloseTo(
                    c.changeRatio("info.students").orElseThrow().doubleValue(),
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(row.getCell(col + 2).getCellStyle().getDataFormatString())
                    .startsWith("+#,##0;-#,##0");
            int subHeader = now.getRowIndex() - 1;
            org.apache.poi.ss.usermodel.Row h = wb.getSheet("全县汇总").getRow(subHeader);
            assertThat(List.of(h.getCell(col).getStringCellValue(),
                    h.getCell(col + 1).getStringCellValue(),
                    h.getCell(col + 2).getStringCellValue(),
                    h.getCell(col + 3).getStringCellValue()))
                    .containsExactly("本期", "上年同期", "增减", "增幅");
        }
    }

    @Test
    void whenLastYearCountedOtherSchoolsTheTotalsCompareTheSchoolsCountedInBoth()
            throws IOException {
        // last year: schools 3..39 (37); this year: 0..35 but 7 (35); in both: 3..35 but 7 (32)
        List<Integer> last = new ArrayList<>();
        for (int i = 3; i < 40; i++) {
            last.add(i);
        }
        Return book = previousBook(last, true);
        Consolidation c = Consolidator.of(edu(), roster()).withPrevious(book)
                .consolidate(submissions(5));
        assertThat(c.previous().orElseThrow().schools()).isEqualTo(32);
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 3; i < 36; i++) {
            if (i != 7) {
                before = before.add(book.detail().get(roster().schools().get(i).code())
                        .get("info.students"));
            }
        }
        try (XSSFWorkbook wb = open(write(c))) {
            Cell now = shownCell(wb, "F_info_students");
            org.apache.poi.ss.usermodel.Row row = now.getRow();
            int col = now.getColumnIndex();
            assertThat(now.getNumericCellValue()).as("本期 stays every counted school's total")
                    .isEqualTo(c.totals().get("info.students").doubleValue());
            assertThat(row.getCell(col + 1).getNumericCellValue()).as("本期可比数")
                    .isEqualTo(c.comparedSum("info.students").orElseThrow().doubleValue());
            assertThat(row.getCell(col + 2).getNumericCellValue()).as("上年同期可比数")
                    .isEqualTo(before.doubleValue());
            assertThat(row.getCell(col + 3).getNumericCellValue()).as("增减")
                    .isEqualTo(c.comparedSum("info.students").orElseThrow().subtract(before)
                            .doubleValue());
            int subHeader = now.getRowIndex() - 1;
            org.apache.poi.ss.usermodel.Row h = wb.getSheet("全县汇总").getRow(subHeader);
            List<String> labels = new ArrayList<>();
            for (int k = col; k < col + 6; k++) {
                labels.add(h.getCell(k).getStringCellValue());
            }
            assertThat(labels).containsExactly("本期", "本期可比数", "上年同期可比数", "增减", "增幅",
                    "学校数");
            String text = sheetText(wb, "全县汇总");
            assertThat(text).contains("同比按可比口径（32所学校）计算")
                    .contains("增减、增幅据此计算，“本期”仍为本期计入汇总的全部学校之和；");
            assertThat(sheetText(wb, "封面")).contains("本期计入汇总35所学校，上年同期37所，"
                    + "同比按可比口径（32所学校）计算", "含同比（按可比口径）");
        }
    }

    @Test
    void aPreviousBookWithoutDetailGivesNoComparisonAndANote() throws IOException {
        Consolidation c = Consolidator.of(edu(), roster())
                .withPrevious(previousBook(List.of(0, 1, 2), false)).consolidate(submissions(5));
        try (XSSFWorkbook wb = open(write(c))) {
            Cell now = shownCell(wb, "F_info_students");
            int subHeader = now.getRowIndex() - 1;
            org.apache.poi.ss.usermodel.Row h = wb.getSheet("全县汇总").getRow(subHeader);
            assertThat(h.getCell(now.getColumnIndex()).getStringCellValue()).isEqualTo("合计");
            assertThat(h.getCell(now.getColumnIndex() + 1).getStringCellValue())
                    .isEqualTo("学校数");
            String note = "上年同期汇总表“2023年上半年汇总.xlsx”（2023年上半年）没有逐校数据（由旧版本生成），"
                    + "无法确认两期学校相同，不列同比";
            assertThat(sheetText(wb, "全县汇总")).contains(note).doesNotContain("上年同期数取自");
            assertThat(sheetText(wb, "封面")).contains(note).doesNotContain("含同比");
        }
    }

    private static String sheetText(XSSFWorkbook wb, String sheet) {
        StringBuilder sb = new StringBuilder();
        wb.getSheet(sheet).forEach(r -> r.forEach(cell -> sb.append(cell).append('\n')));
        return sb.toString();
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws IOException {
        try (XSSFWorkbook wb = open(write(consolidation(submissions(6), false)))) {
            boolean[] sawSchool = new boolean[1];
            boolean[] sawProject = new boolean[1];
            for (org.apache.poi.ss.usermodel.Sheet sh : wb) {
                for (org.apache.poi.ss.usermodel.Row r : sh) {
                    for (Cell cell : r) {
                        assertThat(cell.getCellType()).as(sh.getSheetName() + "!"
                                + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            sawSchool[0] |= cell.getStringCellValue().equals("=1+1学校");
                            sawProject[0] |= cell.getStringCellValue().equals("=SUM(A1:A9)");
                        }
                    }
                }
            }
            assertThat(sawSchool[0]).isTrue();
            assertThat(sawProject[0]).isTrue();
        }
    }

    @Test
    void theAidSheetHasABarChartOfEveryProgramAndOneOfEachTownshipsCompleteness()
            throws IOException {
        Consolidation c = consolidation(submissions(7), false);
        try (XSSFWorkbook wb = open(write(c))) {
            XSSFDrawing drawing = wb.getSheet("图表").getDrawingPatriarch();
            // then 项目建设投资 by 类别 (ChartsTest); no 同比 without a previous period
            assertThat(drawing.getCharts()).hasSize(3);
            XSSFChart townships = drawing.getCharts().get(1);
            assertThat(townships.getTitleText().getString()).isEqualTo("各乡镇报送完成情况");
            assertThat(townships.getChartSeries().get(0).getSeriesCount()).isEqualTo(2);
            assertThat(townships.getChartSeries().get(0).getSeries(0).getCategoryData()
                    .getPointCount()).isEqualTo(c.byTownship().size());
            assertThat(sheetText(wb, "图表")).contains("应报学校数", "计入汇总学校数");
            XSSFChart chart = drawing.getCharts().get(0);
            assertThat(chart.getChartSeries()).singleElement().satisfies(d -> {
                assertThat(d).isInstanceOf(
                        org.apache.poi.xddf.usermodel.chart.XDDFBarChartData.class);
                assertThat(d.getSeries(0).getCategoryData().getPointCount()).isEqualTo(8);
            });
            assertThat(chart.getTitleText().getString()).isEqualTo("全县资助金额(万元)（按项目）");
        }
    }

    @Test
    void theSameReturnsInAnyOrderGiveTheSameBytes() throws InterruptedException, IOException {
        List<Submission> subs = submissions(8);
        byte[] first = write(consolidation(subs, true));
        List<Submission> shuffled = new ArrayList<>(subs);
        Collections.shuffle(shuffled, new Random(8));
        // nothing may depend on the wall clock
        ClockSlots.awaitNextTwoSecondSlot();
        byte[] second = write(consolidation(shuffled, true));
        assertThat(entries(second)).isEqualTo(entries(first));
        assertThat(second).as("bytes").isEqualTo(first);
    }

    @Test
    void booksWrittenAtOnceOnSeveralThreadsAreTheBytesOfOneWrittenAlone() throws Exception {
        Consolidation c = consolidation(submissions(4), true);
        byte[] alone = write(c);
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> books = new ArrayList<>();
            // the server writes a county's book while another county's is being written
            for (int i = 0; i < 4; i++) {
                books.add(pool.submit(() -> write(c)));
            }
            for (java.util.concurrent.Future<byte[]> book : books) {
                assertThat(book.get()).as("bytes").isEqualTo(alone);
            }
        } finally {
            pool.shutdown();
        }
    }


    /** Zip entry name to content, in order, so a difference names its part. */
    static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void anEmptyConsolidationStillWritesABook() throws IOException {
        Consolidation c = Consolidator.of(edu(), roster()).withPeriod(Fixtures.PERIOD)
                .consolidate(List.of());
        try (XSSFWorkbook wb = open(write(c))) {
            assertThat(cell(wb, "F_info_students").getNumericCellValue()).isZero();
            assertThat(wb.getSheet("报送情况").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("共 0 个文件：计入 0，有错误未计入 0，重复 0，名单外 0，无法读取 0");
        }
    }

    static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The 全县汇总 cell showing the total under {@code name}, as {@code _totals} records it. */
    static Cell shownCell(XSSFWorkbook wb, String name) {
        String at = cell(wb, name).getRow().getCell(4).getStringCellValue();
        assertThat(at).as("where %s is shown", name).isNotEmpty();
        CellReference ref = new CellReference(at);
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    static Cell cell(XSSFWorkbook wb, String name) {
        XSSFName n = wb.getName(name);
        assertThat(n).as(name).isNotNull();
        CellReference ref = new CellReference(n.getRefersToFormula());
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }
}

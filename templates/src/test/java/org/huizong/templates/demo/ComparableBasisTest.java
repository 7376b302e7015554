package org.huizong.templates.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Value;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.pipeline.Pipeline;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.StandardCollections;
import org.huizong.templates.demo.DemoCounty.SchoolData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 同比 over unlike sets of schools: the demo county with 5 of its 61 schools' returns missing,
 * against last year's book of all 61. Every comparison in the book and the narrative must equal
 * a hand computation over the same 56 schools' returns of both years, summed here from the
 * generated returns themselves, not from anything the engine computed.
 */
class ComparableBasisTest {
    /** Two high schools, a junior school, a primary school and a kindergarten. */
    static final Set<String> MISSING = Set.of("3134000057", "3134000058", "3134000047",
            "3134000030", "3134000003");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-10T02:00:00Z"),
            ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path dir;
    private static Collection edu;
    private static Path book;
    private static String narrative;
    private static List<SchoolData> now;
    private static List<SchoolData> before;

    @BeforeAll
    static void consolidateWithFiveMissing() throws IOException {
        edu = StandardCollections.eduHalfyear();
        Period period = DemoCounty.PERIOD;
        now = DemoCounty.returns().stream()
                .filter(d -> !MISSING.contains(d.school().code())).toList();
        before = DemoCounty.previousReturns().stream()
                .filter(d -> !MISSING.contains(d.school().code())).toList();
        assertThat(now).hasSize(56);
        Path lastYear = write("last", period.yearBefore(), DemoCounty.previousReturns());
        Path thisYear = write("this", period, DemoCounty.returns().stream()
                .filter(d -> !MISSING.contains(d.school().code())).toList());
        Intake intake = Intake.of(edu);
        Pipeline books = Pipeline.of(edu, StandardCollections.narrative(edu), CLOCK)
                .withUnit(new Pipeline.Unit(DemoCounty.UNIT_CODE, DemoCounty.UNIT_NAME));
        Path previousBook = dir.resolve("县汇总-2023H1.xlsx");
        books.write(books.consolidate(DemoCounty.roster(), intake.submissions(
                Intake.expand(List.of(lastYear)), DemoCounty.roster())), previousBook);
        books = books.withPrevious(Optional.of(intake.read(previousBook)));
        Consolidation c = books.consolidate(DemoCounty.roster(), intake.submissions(
                Intake.expand(List.of(thisYear)), DemoCounty.roster()));
        book = dir.resolve("县汇总-2024H1.xlsx");
        books.write(c, book);
        narrative = String.join("\n", books.narrative(c).stream()
                .map(org.huizong.engine.narrative.Paragraph::text).toList());
    }

    private static Path write(String name, Period period, List<SchoolData> returns)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        TemplateWriter w = TemplateWriter.of(StandardCollections.eduHalfyear(), period);
        for (SchoolData d : returns) {
            Files.write(folder.resolve(TemplateWriter.fileName(d.school())),
                    w.toBytes(d.school(), d.toReturnData()));
        }
        return folder;
    }

    /** The sum of a field over returns, as a clerk would add up the 56 schools' figures. */
    private static BigDecimal sum(List<SchoolData> returns, String field) {
        BigDecimal s = BigDecimal.ZERO;
        for (SchoolData d : returns) {
            if (d.values().get(field) instanceof Value.Num n) {
                s = s.add(n.value());
            }
        }
        return s;
    }

    private static double number(Cell c) {
        return c.getNumericCellValue();
    }

    @Test
    void everyFieldsComparisonIsOverTheFiftySixSchoolsInBothYears() throws IOException {
        try (XSSFWorkbook wb = open(book)) {
            int checked = 0;
            for (Field f : edu.fields()) {
                if (!f.type().isNumeric() || !f.isInput()) {
                    continue;
                }
                BigDecimal a = sum(now, f.id());
                BigDecimal b = sum(before, f.id());
                assertThat(number(cell(wb, f.definedName()))).as(f.id() + " exact, _totals")
                        .isCloseTo(a.doubleValue(), within(1e-6));
                Cell total = shownCell(wb, f.definedName());
                Row row = total.getRow();
                int col = total.getColumnIndex();
                // money shows to 2 decimals, balanced: off by less than 0.01 each
                double shown = f.type() == FieldType.MONEY ? 0.01 : 1e-6;
                assertThat(number(total)).as(f.id() + " 本期: all 56 counted")
                        .isCloseTo(a.doubleValue(), within(shown));
                assertThat(number(row.getCell(col + 1))).as(f.id() + " 本期可比数")
                        .isCloseTo(a.doubleValue(), within(shown));
                assertThat(number(row.getCell(col + 2))).as(f.id() + " 上年同期可比数")
                        .isCloseTo(b.doubleValue(), within(shown));
                assertThat(number(row.getCell(col + 3))).as(f.id() + " 增减 of the shown")
                        .isCloseTo(number(row.getCell(col + 1)) - number(row.getCell(col + 2)),
                                within(1e-6));
                Cell ratio = row.getCell(col + 4);
                if (b.signum() != 0) {
                    assertThat(number(ratio)).as(f.id() + " 增幅").isCloseTo(a.subtract(b)
                            .divide(b, MathContext.DECIMAL64).doubleValue(), within(1e-9));
                } else {
                    assertThat(ratio.getStringCellValue()).as(f.id() + " 增幅 over 0")
                            .isEqualTo("—");
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(60);
        }
    }

    @Test
    void ratesCompareRateWithRateOverTheSameSchools() throws IOException {
        BigDecimal nowRate = ratio(sum(now, "enrol.gaokao.undergrad"),
                sum(now, "enrol.gaokao.sat"));
        BigDecimal thenRate = ratio(sum(before, "enrol.gaokao.undergrad"),
                sum(before, "enrol.gaokao.sat"));
        BigDecimal nowFixed = ratio(sum(now, "safety.hazards.fixed"),
                sum(now, "safety.hazards.found"));
        BigDecimal thenFixed = ratio(sum(before, "safety.hazards.fixed"),
                sum(before, "safety.hazards.found"));
        try (XSSFWorkbook wb = open(book)) {
            Row undergrad = labelled(wb, "本科上线率");
            assertThat(number(undergrad.getCell(4))).isCloseTo(nowRate.doubleValue(),
                    within(1e-9));
            assertThat(number(undergrad.getCell(5))).isCloseTo(thenRate.doubleValue(),
                    within(1e-9));
            assertThat(number(undergrad.getCell(6))).as("in percentage points, as shown")
                    .isCloseTo(nowRate.movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                            .subtract(thenRate.movePointRight(2).setScale(1,
                                    RoundingMode.HALF_UP)).doubleValue(), within(1e-9));
            Row fixed = labelled(wb, "隐患整改率");
            assertThat(number(fixed.getCell(4))).isCloseTo(nowFixed.doubleValue(), within(1e-9));
            assertThat(number(fixed.getCell(5))).isCloseTo(thenFixed.doubleValue(),
                    within(1e-9));
            Row projects = labelled(wb, "项目数");
            assertThat(projects.getCell(5).getStringCellValue())
                    .as("project rows are not per school").isEqualTo("—");
        }
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, 20, RoundingMode.HALF_UP);
    }

    @Test
    void theNarrativeComparesTheFiftySixSchoolsAndSaysSo() {
        assertThat(narrative).contains("同比数据按可比口径（56所学校）计算。");
        assertThat(narrative).contains("参加中考毕业生" + sum(now, "enrol.zhongkao").toPlainString()
                + "名，" + change(sum(now, "enrol.zhongkao"), sum(before, "enrol.zhongkao"), "人"));
        assertThat(narrative).contains("今年我县普通高考报名人数"
                + sum(now, "enrol.gaokao.registered").toPlainString() + "人，"
                + change(sum(now, "enrol.gaokao.registered"),
                        sum(before, "enrol.gaokao.registered"), "人"));
        BigDecimal fundsNow = sum(now, "funding.public");
        assertThat(narrative).contains("到位中小学公用经费" + plain(fundsNow) + "万元，"
                + change(fundsNow, sum(before, "funding.public"), "万元"));
    }

    /** 比去年增加N人 / 比去年减少N人 / 与去年持平, as a bureau writes it. */
    private static String change(BigDecimal a, BigDecimal b, String unit) {
        BigDecimal d = a.subtract(b);
        return d.signum() == 0 ? "与去年持平"
                : (d.signum() > 0 ? "比去年增加" : "比去年减少") + plain(d.abs()) + unit;
    }

    private static String plain(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Test
    void theCoverAndTheTotalsSayTheComparisonIsOverTheSchoolsInBoth() throws IOException {
        try (XSSFWorkbook wb = open(book)) {
            assertThat(text(wb, "封面")).contains("本期计入汇总56所学校，上年同期61所，"
                    + "同比按可比口径（56所学校）计算");
            assertThat(text(wb, "全县汇总")).contains("同比按可比口径（56所学校）计算",
                    "本期可比数", "上年同期可比数").doesNotContain("上期\n");
        }
    }

    @Test
    void withAllSchoolsInBothYearsTheDemoNarrativeIsTheGoldenOne(@TempDir Path demo)
            throws IOException {
        DemoWorkspace.Result r = DemoWorkspace.create(demo, CLOCK);
        String text = Files.readString(r.narrative(), StandardCharsets.UTF_8);
        Pattern numbered = Pattern.compile("^\\d+\\. (.+)$");
        List<String> expected = new ArrayList<>();
        for (String line : DemoFiles.text("expected-narrative.md").split("\n")) {
            Matcher m = numbered.matcher(line);
            if (m.matches()) {
                // written down width-normalised: a bureau writes ，and ；
                expected.add(m.group(1).strip().replace(',', '，').replace(';', '；'));
            }
        }
        assertThat(expected).hasSize(7);
        for (String sentence : expected) {
            assertThat(text).contains(sentence);
        }
        assertThat(text).doesNotContain("可比口径");
        try (XSSFWorkbook wb = open(r.book())) {
            assertThat(text(wb, "封面")).contains("同比数据取自上年同期汇总表“县汇总-2023H1.xlsx”"
                    + "（2023年上半年），两期计入汇总的学校相同（61所）");
            assertThat(text(wb, "全县汇总")).contains("上年同期数取自2023年上半年汇总表")
                    .doesNotContain("可比");
        }
    }

    /** Opened from a stream: POI never writes back to it. */
    private static XSSFWorkbook open(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Cell cell(XSSFWorkbook wb, String name) {
        AreaReference a = new AreaReference(wb.getName(name).getRefersToFormula(),
                org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
        var ref = a.getFirstCell();
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    /** The 全县汇总 cell showing the total under {@code name}, as {@code _totals} records. */
    private static Cell shownCell(XSSFWorkbook wb, String name) {
        var at = new org.apache.poi.ss.util.CellReference(cell(wb, name).getRow().getCell(4)
                .getStringCellValue());
        return wb.getSheet(at.getSheetName()).getRow(at.getRow()).getCell(at.getCol());
    }

    /** The row of 全县汇总 whose 项目 (column B) is {@code label}. */
    private static Row labelled(XSSFWorkbook wb, String label) {
        for (Row r : wb.getSheet("全县汇总")) {
            Cell c = r.getCell(1);
            if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && c.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static String text(XSSFWorkbook wb, String sheet) {
        StringBuilder sb = new StringBuilder();
        wb.getSheet(sheet).forEach(r -> r.forEach(c -> sb.append(c).append('\n')));
        return sb.toString();
    }
}

package org.huizong.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.rules.Validator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filled primary-school return with three planted violations (专任教师数 above 教职工数, 其他资助
 * persons without an amount, more after-school teachers than teachers): LibreOffice shows them
 * on the 校验 sheet and the template colours their cells. The pictures go to
 * {@code target/live-check/} (a PDF and one PNG per page) for a person to look at.
 */
class LiveCheckPictureTest {
    private static final Path OUT = Path.of("target", "live-check");
    private static final List<String> PLANTED = List.of("info.teachers_le_staff",
            "aid.other.persons_iff_amount", "afterschool.teachers_le_teachers");

    private final Collection collection = IoFixtures.collection();

    static School school() {
        return new School("3134000010", "城关小学", "小学", "城关镇", "公办");
    }

    /** A plausible 小学 return, but for the three planted violations. */
    static ReturnData planted() {
        return ReturnData.empty()
                .with("info.head", Value.of("王校长")).with("info.filler", Value.of("李老师"))
                .with("info.phone", Value.of("0555-1234567"))
                .with("info.students", Value.of(820)).with("info.classes", Value.of(18))
                .with("info.staff", Value.of(52)).with("info.teachers", Value.of(56))
                .with("info.boarders", Value.of(0)).with("info.leftbehind", Value.of(96))
                .with("enrol.new", Value.of(140)).with("enrol.graduates", Value.of(131))
                .with("enrol.dropouts", Value.of(1)).with("enrol.returned", Value.of(1))
                .with("aid.compulsory.persons", Value.of(40))
                .with("aid.compulsory.amount", Value.of(new BigDecimal("2.5")))
                .with("aid.other.persons", Value.of(5))
                .with("aid.unique", Value.of(42)).with("aid.mentors", Value.of(12))
                .with("afterschool.provided", Value.of("是"))
                .with("afterschool.students", Value.of(700))
                .with("afterschool.teachers", Value.of(58))
                .with("safety.hazards.found", Value.of(6))
                .with("safety.hazards.fixed", Value.of(5))
                .with("safety.hazards.reported", Value.of(1))
                .withRow("projects", Map.of("name", Value.of("教学楼维修"),
                        "category", Value.of("维修改造"), "budget", Value.of(30),
                        "invested", Value.of(new BigDecimal("12.5")), "status", Value.of("在建")));
    }

    @Test
    void threePlantedViolationsShowOnTheCheckSheetAndAsColouredCells(@TempDir Path profile)
            throws Exception {
        Path in = OUT.resolve("in").resolve("planted.xlsx");
        Files.createDirectories(in.getParent());
        Files.write(in, TemplateWriter.of(collection, IoFixtures.PERIOD)
                .toBytes(school(), planted()));
        List<Finding> found = Validator.of(collection)
                .validate(ReturnReader.of(collection).read(in)).findings();
        assertThat(found).extracting(Finding::ruleId).containsExactlyElementsOf(PLANTED);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(in))) {
            assertThat(formatsOf(wb, "学校基本情况!D15")).contains(
                    "S_info_teachers_le_staff=\"错误\"",
                    "S_afterschool_teachers_le_teachers=\"警告\"");
            assertThat(formatsOf(wb, "学生资助!D11"))
                    .contains("S_aid_other_persons_iff_amount=\"错误\"");
        }
        Assumptions.assumeTrue(soffice() != null,
                "soffice (LibreOffice) is not installed; CI installs libreoffice-calc");

        LiveCheckEquivalenceTest.recalculate(in.getParent(), OUT.resolve("lo"), profile);
        try (OPCPackage pkg = OPCPackage.open(OUT.resolve("lo").resolve("planted.xlsx").toFile(),
                PackageAccess.READ); XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
            XSSFSheet s = wb.getSheet(TemplateWriter.CHECK_SHEET);
            assertThat(s.getRow(CheckSheetWriter.SUMMARY_ROW).getCell(0).getStringCellValue())
                    .isEqualTo("即时校验：错误 2 项，警告 1 项，其中 1 项警告尚未写说明");
            for (int r = CheckSheetWriter.FIRST_LINE_ROW; r <= s.getLastRowNum() - 1; r++) {
                Row row = s.getRow(r);
                String id = row.getCell(1).getStringCellValue();
                String status = row.getCell(CheckSheetWriter.STATUS_COL).getStringCellValue();
                assertThat(status).as(id).isEqualTo(PLANTED.contains(id)
                        ? (id.startsWith("afterschool") ? "警告" : "错误")
                        : id.startsWith("change.") ? "提交时校验"
                        : id.startsWith("outlier.") ? "汇总时校验" : "通过");
            }
            assertThat(s.getRow(CheckSheetWriter.FIRST_LINE_ROW + 2)
                    .getCell(CheckSheetWriter.MESSAGE_COL).getStringCellValue())
                    .isEqualTo("专任教师数(56)不能大于教职工数(52)");
        }
        pictures(in, profile);
    }

    /** The PDF LibreOffice prints and, when pdftoppm is there, a PNG per page. */
    private static void pictures(Path in, Path profile)
            throws IOException, InterruptedException {
        run(List.of(soffice(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                OUT.toString(), in.toString()));
        Path pdf = OUT.resolve("planted.pdf");
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
        if (onPath("pdftoppm") != null) {
            run(List.of(onPath("pdftoppm"), "-r", "80", "-png", pdf.toString(),
                    OUT.resolve("planted").toString()));
            try (var pngs = Files.list(OUT)) {
                assertThat(pngs.filter(p -> p.toString().endsWith(".png"))).hasSizeGreaterThan(10);
            }
        }
    }

    /** The formulas of the conditional formats covering a cell ({@code 学校基本情况!D15}). */
    private static List<String> formatsOf(XSSFWorkbook wb, String where) {
        String sheet = where.substring(0, where.indexOf('!'));
        CellReference ref = new CellReference(where.substring(where.indexOf('!') + 1));
        List<String> out = new ArrayList<>();
        var cf = wb.getSheet(sheet).getSheetConditionalFormatting();
        for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
            ConditionalFormatting f = cf.getConditionalFormattingAt(i);
            for (CellRangeAddress a : f.getFormattingRanges()) {
                if (a.isInRange(ref.getRow(), ref.getCol())) {
                    for (int k = 0; k < f.getNumberOfRules(); k++) {
                        String formula = f.getRule(k).getFormula1();
                        out.addAll(formula.startsWith("OR(") ? List.of(formula.substring(3,
                                formula.length() - 1).split(",")) : List.of(formula));
                    }
                }
            }
        }
        return out;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished: " + cmd.get(0)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static String soffice() {
        return onPath("soffice");
    }

    private static String onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return Path.of(d, program).toString();
            }
        }
        return null;
    }
}

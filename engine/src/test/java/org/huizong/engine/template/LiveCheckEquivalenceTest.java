package org.huizong.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.fixtures.RandomReturns;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Severity;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 校验 sheet says what the server says. Seeded random filled returns of every school type,
 * with values on and next to each rule's boundary, are written as templates and read back; for
 * every line of the 校验 sheet the Java validator's findings decide the expected status, count
 * and message, and the summary at the top; POI's formula evaluator must compute exactly those,
 * and so must LibreOffice, recalculating the saved files headless (one soffice run for all of
 * them) with the results read back from the cells it saved.
 */
class LiveCheckEquivalenceTest {
    private static final long SEED = 20_240_601L;
    private static final int RETURNS = 48;
    private static final String SHORT_EXPLANATION =
            "（所填说明“[^”]*”不足" + Validator.MIN_EXPLANATION + "个字，不能作为说明）$";

    private final Collection collection = IoFixtures.collection();
    private final Validator validator = Validator.of(collection);
    private final TemplateWriter writer = TemplateWriter.of(collection, IoFixtures.PERIOD);
    private final ReturnReader reader = ReturnReader.of(collection);
    private final LiveChecks checks = new LiveChecks(collection, TemplateLayout.of(collection));

    /** What one line of the 校验 sheet must show. */
    record Expected(String status, int count, String message, String link) {
    }

    /** A generated return: its file and the 校验 sheet the server's findings imply. */
    record Case(Path file, Map<String, Expected> lines, String summary) {
    }

    @Test
    void everyRuleGivesTheServersVerdictInPoiAndLibreOffice(@TempDir Path dir) throws Exception {
        List<Case> cases = generate(dir.resolve("in"));
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (Case c : cases) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(c.file()))) {
                XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
                compare(c, wb, cell -> value(ev.evaluate(cell)), "POI " + c.file());
            }
            c.lines().forEach((id, e) -> seen.computeIfAbsent(id, k -> new LinkedHashSet<>())
                    .add(e.status()));
        }
        for (String id : seen.keySet()) {
            if (!seen.get(id).contains(LiveChecks.ON_SUBMISSION)
                    && !seen.get(id).contains(LiveChecks.AT_CONSOLIDATION)) {
                assertThat(seen.get(id)).as("every live check both passes and fails: " + id)
                        .hasSize(2);
            }
        }
        if (soffice() == null) {
            org.junit.jupiter.api.Assumptions.abort("soffice (LibreOffice) is not installed, "
                    + "the POI half ran; CI installs libreoffice-calc");
        }
        Path out = dir.resolve("lo");
        recalculate(dir.resolve("in"), out, dir.resolve("profile"));
        for (Case c : cases) {
            Path saved = out.resolve(c.file().getFileName());
            try (OPCPackage pkg = OPCPackage.open(saved.toFile(), PackageAccess.READ);
                    XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
                compare(c, wb, LiveCheckEquivalenceTest::cached, "LibreOffice " + saved);
            }
        }
    }

    private List<Case> generate(Path in) throws IOException {
        Files.createDirectories(in);
        RandomReturns random = new RandomReturns(collection, validator, SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < RETURNS; i++) {
            String type = collection.schoolTypes().get(i % collection.schoolTypes().size());
            School school = new School(String.format("31340%05d", i), "测试学校" + i, type,
                    "城关镇", "公办");
            Path file = in.resolve(String.format("r%03d.xlsx", i));
            Files.write(file, writer.toBytes(school, random.next(school)));
            Return r = reader.read(file);
            cases.add(expect(file, validator.validate(r), r, school));
        }
        return cases;
    }

    /** The 校验 sheet the server's findings imply, line by line, and the summary. */
    private Case expect(Path file, Validation v, Return r, School school) {
        Map<String, Expected> lines = new LinkedHashMap<>();
        int errors = 0;
        int warnings = 0;
        int unexplained = 0;
        for (LiveChecks.CheckLine line : checks.lines(school)) {
            if (!line.isLive()) {
                lines.put(line.id(), new Expected(line.pending(), -1, line.text(), null));
                continue;
            }
            List<Finding> found = v.findings().stream()
                    .filter(f -> f.ruleId().equals(line.id())).toList();
            String status = found.isEmpty() ? CheckSheetWriter.PASSED : line.severity().label();
            lines.put(line.id(), new Expected(status, found.size(), message(line, found),
                    link(line, found)));
            errors += line.severity() == Severity.ERROR ? found.size() : 0;
            warnings += line.severity() == Severity.WARNING ? found.size() : 0;
            unexplained += (int) found.stream().filter(Finding::isUnexplainedWarning).count();
        }
        String summary = errors + warnings == 0 ? "即时校验：未发现错误或警告"
                : "即时校验：错误 " + errors + " 项，警告 " + warnings + " 项"
                        + (unexplained > 0 ? "，其中 " + unexplained + " 项警告尚未写说明" : "");
        return new Case(file, lines, summary);
    }

    /**
     * The message a line shows: its rule text while it holds, else the server's message (the
     * built-ins: their summary of the server's findings).
     */
    private String message(LiveChecks.CheckLine line, List<Finding> found) {
        if (found.isEmpty() || line.liveMessage().isEmpty()) {
            return line.text();
        }
        return switch (line.id()) {
            case "required" -> "必填项未填 " + found.size() + " 项：" + String.join("、",
                    found.stream().map(f -> collection.getField(f.fieldIds().get(0)).label())
                            .toList());
            case "row.required" -> "项目建设：已填写的行中有 " + found.size()
                    + " 处必填项未填（项目名称、类别、进度）";
            default -> found.get(0).message().replaceAll(SHORT_EXPLANATION, "");
        };
    }

    /** For a failing form rule, the first cell the server's finding names. */
    private String link(LiveChecks.CheckLine line, List<Finding> found) {
        boolean formRule = collection.findRule(line.id()).map(r -> r.table().isEmpty())
                .orElse(false);
        return formRule && !found.isEmpty() && !found.get(0).cells().isEmpty()
                ? found.get(0).cells().get(0).toString() : null;
    }

    /** Compares every line of the 校验 sheet, reading cells through {@code value}. */
    private static void compare(Case c, XSSFWorkbook wb, Function<Cell, String> value,
            String where) {
        XSSFSheet sheet = wb.getSheet(TemplateWriter.CHECK_SHEET);
        assertThat(value.apply(sheet.getRow(CheckSheetWriter.SUMMARY_ROW).getCell(0)))
                .as(where + " summary").isEqualTo(c.summary());
        int rowIndex = CheckSheetWriter.FIRST_LINE_ROW;
        for (Map.Entry<String, Expected> e : c.lines().entrySet()) {
            Row row = sheet.getRow(rowIndex++);
            String at = where + " " + TemplateWriter.CHECK_SHEET + "!" + (row.getRowNum() + 1)
                    + " " + e.getKey();
            assertThat(row.getCell(1).getStringCellValue()).as(at).isEqualTo(e.getKey());
            Expected x = e.getValue();
            assertThat(value.apply(row.getCell(CheckSheetWriter.STATUS_COL))).as(at + " 状态")
                    .isEqualTo(x.status());
            if (x.count() >= 0) {
                assertThat(value.apply(row.getCell(CheckSheetWriter.COUNT_COL))).as(at + " 问题数")
                        .isEqualTo(Integer.toString(x.count()));
            }
            assertThat(value.apply(row.getCell(CheckSheetWriter.MESSAGE_COL)))
                    .as(at + " 规则说明").isEqualTo(x.message());
            if (x.link() != null) {
                assertThat(row.getCell(CheckSheetWriter.LINK_COL).getStringCellValue())
                        .as(at + " 位置").isEqualTo(x.link());
            }
        }
    }

    private static String soffice() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "soffice"))) {
                return Path.of(d, "soffice").toString();
            }
        }
        return null;
    }

    private static String value(CellValue v) {
        return switch (v.getCellType()) {
            case NUMERIC -> number(v.getNumberValue());
            case STRING -> v.getStringValue();
            case BOOLEAN -> Boolean.toString(v.getBooleanValue());
            default -> "?" + v.getCellType() + v.formatAsString();
        };
    }

    /** A cell as the program that saved it last computed it: its cached value. */
    private static String cached(Cell c) {
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType()
                : c.getCellType();
        return switch (t) {
            case NUMERIC -> number(c.getNumericCellValue());
            case STRING -> c.getStringCellValue();
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            default -> "?" + t;
        };
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * Opens every file of {@code in} in one LibreOffice run and saves it as .xlsx into
     * {@code out}; the files ask for a full recalculation on load, and their check cells hold
     * no cached values, so what LibreOffice saves is what it computed.
     */
    static void recalculate(Path in, Path out, Path profile)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(soffice(),
                "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out.toString()));
        try (var files = Files.list(in)) {
            files.sorted().forEach(p -> cmd.add(p.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("soffice finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}

package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Value;
import org.huizong.engine.pipeline.Intake;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.StandardCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety monthly report as a bureau would run it from its Excel definition: export, check,
 * templates, schools filling them in, validate, consolidate. The figures and sentences are the
 * hand-worked ones of {@code SafetyMonthlyTest}.
 */
class DefinitionWorkbookCliTest {
    @TempDir
    Path dir;

    @Test
    void theSafetyWorkbookDefinitionRunsTemplateFillValidateAndConsolidate() throws Exception {
        Path def = dir.resolve("安全月报.xlsx");
        try (InputStream in = StandardCollections.class.getResourceAsStream(
                "safety-monthly.xlsx")) {
            Files.copy(in, def);
        }
        CliTest.Run check = CliTest.run("collection", "check", def.toString());
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("没有问题", "学校安全工作月报", "月报");
        Path roster = dir.resolve("schools.csv");
        Files.writeString(roster, "code,name,type,township,ownership\n"
                + "3134000001,东城镇中心幼儿园,幼儿园,东城镇,公办\n"
                + "3134000010,东城镇中心小学,小学,东城镇,公办\n"
                + "3134000040,东城镇初级中学,初中,东城镇,公办\n");
        Path templates = dir.resolve("模板");

        CliTest.Run refused = CliTest.run("template", "--collection", def.toString(),
                "--period", "2024H1", "--roster", roster.toString(), "--out", templates.toString());
        assertThat(refused.code()).isEqualTo(ErrorHandler.BAD_INPUT);
        assertThat(refused.err()).contains("学校安全工作月报是月报，报告期应写作如 2024-05");
        CliTest.Run t = CliTest.run("template", "--collection", def.toString(), "--period",
                "2024-05", "--roster", roster.toString(), "--out", templates.toString());
        assertThat(t.code()).as(t.err()).isZero();

        Path returns = Files.createDirectories(dir.resolve("报表"));
        fill(templates, returns, "3134000001", figures(4, 3, 1, 1, 120, 8, 2, 2, 0), null);
        fill(templates, returns, "3134000010", figures(6, 5, 0, 2, 800, 20, 4, 3, 0), null);
        fill(templates, returns, "3134000040", figures(5, 5, 0, 1, 1200, 30, 4, 4, 1),
                "5月12日课间一名学生摔伤，已送医并通知家长");

        CliTest.Run v = CliTest.run("validate", "--collection", def.toString(),
                returns.toString());
        assertThat(v.code()).as(v.out() + v.err()).isZero();

        Path book = dir.resolve("安全月报汇总.xlsx");
        Path docx = dir.resolve("工作总结.docx");
        CliTest.Run c = CliTest.run("consolidate", "--collection", def.toString(), "--roster",
                roster.toString(), "--out", book.toString(), "--docx", docx.toString(),
                returns.toString());
        assertThat(c.code()).as(c.out() + c.err()).isZero();
        Return totals = Intake.of(CollectionDefinition.of(def.toString()).collection()).read(book);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.putAll(Map.of("hazards.found", "15", "hazards.fixed", "13",
                "hazards.reported", "1", "drills.count", "4", "drills.participants", "2120",
                "lessons", "58", "food.checks", "10", "guards.on_duty", "9",
                "incidents.count", "1"));
        expected.forEach((id, total) -> assertThat(totals.find(id).map(Value::display))
                .as(id).contains(total));
        String summary;
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            summary = String.join("\n", d.getParagraphs().stream()
                    .map(XWPFParagraph::getText).toList());
        }
        assertThat(summary).contains("5月全县各校共排查安全隐患15项，其中13项已整改，整改率86.7%，"
                + "1项已向上级有关部门报告。", "发生安全责任事故1起，已按要求报告处置。");
    }

    private static Map<String, Integer> figures(int... v) {
        List<String> ids = List.of("hazards.found", "hazards.fixed", "hazards.reported",
                "drills.count", "drills.participants", "lessons", "food.checks",
                "guards.on_duty", "incidents.count");
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), v[i]);
        }
        return out;
    }

    /** Types the figures into a school's template by the defined names, as a clerk would. */
    private static void fill(Path templates, Path returns, String code,
            Map<String, Integer> figures, String note) throws Exception {
        Path template;
        try (var files = Files.list(templates)) {
            template = files.filter(f -> f.getFileName().toString().contains(code)).findFirst()
                    .orElseThrow();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(template))) {
            set(wb, "info.head", "王建国");
            set(wb, "info.phone", "0555-1234567");
            figures.forEach((id, v) -> set(wb, id, v));
            if (note != null) {
                set(wb, "incidents.note", note);
            }
            if (code.equals("3134000010")) {
                XSSFName why = wb.getName("X_hazards_unhandled");
                assertThat(why).as("说明 cell of hazards.unhandled").isNotNull();
                CellReference at = new AreaReference(why.getRefersToFormula(),
                        wb.getSpreadsheetVersion()).getFirstCell();
                wb.getSheet(at.getSheetName()).getRow(at.getRow()).getCell(at.getCol())
                        .setCellValue("1项为围墙加固，待暑期施工");
            }
            try (OutputStream out = Files.newOutputStream(returns.resolve(
                    template.getFileName()))) {
                wb.write(out);
            }
        }
    }

    private static void set(XSSFWorkbook wb, String field, Object value) {
        XSSFName name = wb.getName("F_" + field.replace('.', '_'));
        assertThat(name).as(field).isNotNull();
        CellReference at = new AreaReference(name.getRefersToFormula(),
                wb.getSpreadsheetVersion()).getFirstCell();
        var cell = wb.getSheet(at.getSheetName()).getRow(at.getRow()).getCell(at.getCol());
        if (value instanceof Integer i) {
            cell.setCellValue(i);
        } else {
            cell.setCellValue((String) value);
        }
    }
}

package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.huizong.engine.definition.DefinitionWorkbookWriter;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Value;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.spec.DefinitionBook;
import org.huizong.engine.spec.DefinitionExport;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.CollectionDefinition;
import org.huizong.templates.demo.DemoCounty;
import org.huizong.templates.demo.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statistician adds a field and a rule to edu-halfyear in its definition workbook (version 2);
 * the county's 2024H1 returns on the new templates consolidate with the demo's 2023H1 book, made
 * by version 1, as the previous period: the old fields keep their 同比, the new one has none.
 */
class NewVersionCliTest {
    @TempDir
    Path dir;

    @Test
    void aFieldAddedInExcelConsolidatesWithLastYearsBookOfTheOldVersion() throws Exception {
        DemoWorkspace.Result demo = DemoWorkspace.create(dir.resolve("demo"),
                Clock.fixed(Instant.parse("2024-07-05T00:00:00Z"), ZoneOffset.UTC));
        Path def = dir.resolve("教育半年报第2版.xlsx");
        Files.write(def, secondVersion());
        CliTest.Run check = CliTest.run("collection", "check", def.toString());
        assertThat(check.code()).as(check.out()).isZero();
        Collection v2 = CollectionDefinition.of(def.toString()).collection();
        assertThat(v2.version()).isEqualTo(2);

        Path returns = Files.createDirectories(dir.resolve("报表"));
        TemplateWriter writer = TemplateWriter.of(v2, DemoCounty.PERIOD);
        List<DemoCounty.SchoolData> schools = DemoCounty.returns();
        for (DemoCounty.SchoolData s : schools) {
            Files.write(returns.resolve(TemplateWriter.fileName(s.school())), writer.toBytes(
                    s.school(), s.toReturnData().with("info.volunteers", Value.of(5))));
        }
        Path book = dir.resolve("县汇总.xlsx");
        Path docx = dir.resolve("工作总结.docx");
        CliTest.Run c = CliTest.run("consolidate", "--collection", def.toString(), "--roster",
                demo.roster().toString(), "--previous", demo.previousBook().toString(),
                "--previous-collection", "edu-halfyear", "--unit-code", DemoCounty.UNIT_CODE,
                "--unit-name", DemoCounty.UNIT_NAME, "--out", book.toString(), "--docx",
                docx.toString(), returns.toString());
        assertThat(c.code()).as(c.out() + c.err()).isIn(0, 1);
        CliTest.Run plain = CliTest.run("consolidate", "--collection", def.toString(),
                "--roster", demo.roster().toString(), "--previous",
                demo.previousBook().toString(), "--out", dir.resolve("x.xlsx").toString(),
                returns.toString());
        assertThat(plain.code()).as("without --previous-collection the old book is refused")
                .isEqualTo(ErrorHandler.BAD_INPUT);
        assertThat(plain.err()).contains("第1版", "第2版");

        Return totals = Intake.of(v2).read(book);
        Map<String, BigDecimal> expected = DemoCounty.totals(DemoCounty.PERIOD);
        for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
            assertThat(totals.find(e.getKey()).map(Value::display)).as(e.getKey())
                    .contains(e.getValue().stripTrailingZeros().toPlainString());
        }
        assertThat(totals.find("info.volunteers").map(Value::display))
                .contains(Integer.toString(5 * schools.size()));
        String summary;
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            summary = String.join("\n", d.getParagraphs().stream()
                    .map(XWPFParagraph::getText).toList());
        }
        assertThat(summary).as("同比 of fields in both versions").contains(
                "参加中考毕业生3427名，比去年减少131人", "今年我县普通高考报名人数3074人，比去年减少39人");
    }

    /** edu-halfyear's definition workbook, version 2: a field 志愿者人数 and a rule on it. */
    private static byte[] secondVersion() {
        CollectionDefinition d = CollectionDefinition.of("edu-halfyear");
        DefinitionBook book = DefinitionExport.of(d.collection(), d.narrativeText(), "x.xlsx");
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        book.sheets().forEach((k, v) -> {
            List<List<String>> rows = new ArrayList<>();
            v.forEach(r -> rows.add(new ArrayList<>(r)));
            sheets.put(k, rows);
        });
        sheets.get("设置").get(3).set(1, "2");
        sheets.get("字段").add(new ArrayList<>(List.of("info", "", "info.volunteers", "志愿者人数",
                "整数", "人", "", "", "", "", "", "", "", "")));
        sheets.get("规则").add(new ArrayList<>(List.of("info.volunteers_le_students", "警告", "",
                "info.volunteers <= info.students", "志愿者人数{info.volunteers}多于在校学生数"
                        + "{info.students}，请核对", "")));
        return DefinitionWorkbookWriter.write(new DefinitionBook("x.xlsx", sheets));
    }
}

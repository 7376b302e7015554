package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.templates.StandardCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --collection} takes a bureau's own .yaml definition as well as a built-in id. */
class CollectionFileTest {
    @TempDir
    Path dir;

    @Test
    void aDefinitionFileRunsTemplateValidateAndConsolidate() throws Exception {
        Path spec = dir.resolve("我县报表.yaml");
        Files.writeString(spec, StandardCollections.resource("edu-halfyear.yaml")
                .replace("title: 教育工作半年报表", "title: 我县教育工作半年报表"));
        Files.writeString(dir.resolve("我县报表.narrative.txt"),
                StandardCollections.resource("edu-halfyear.narrative.txt"));
        Path roster = dir.resolve("schools.csv");
        Files.writeString(roster, StandardCollections.resource("demo/schools.csv"));
        Path templates = dir.resolve("模板");

        CliTest.Run t = CliTest.run("template", "--collection", spec.toString(), "--period",
                "2024H1", "--roster", roster.toString(), "--out", templates.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("我县教育工作半年报表");
        Path one;
        try (var files = Files.list(templates)) {
            one = files.sorted().findFirst().orElseThrow();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(one))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .contains("我县教育工作半年报表");
        }

        CliTest.Run v = CliTest.run("validate", "--collection", spec.toString(), one.toString());
        assertThat(v.out()).as("a blank template reads as this collection's return")
                .doesNotContain("无法读取");

        Path book = dir.resolve("汇总.xlsx");
        CliTest.Run c = CliTest.run("consolidate", "--collection", spec.toString(), "--roster",
                roster.toString(), "--include-errors", "--out", book.toString(), one.toString());
        assertThat(c.out()).as(c.err()).contains("汇总工作簿：");
        assertThat(book).isNotEmptyFile();
    }

    @Test
    void neitherAnIdNorAFileIsNamedInChinese() {
        CliTest.Run r = CliTest.run("validate", "--collection", "no-such", "x.xlsx");
        assertThat(r.code()).isEqualTo(ErrorHandler.BAD_INPUT);
        assertThat(r.err()).contains("没有名为 'no-such' 的内置报表，也没有这个 .yaml 或 .xlsx 定义文件")
                .contains("edu-halfyear");
    }

    @Test
    void aBrokenDefinitionIsReportedAtItsLine() throws Exception {
        Path spec = dir.resolve("坏.yaml");
        Files.writeString(spec, "id: t\ntitle: 测试\nschoolTypes: [小学]\nsheets:\n"
                + "  - id: info\n    title: 基本情况\n    fields:\n"
                + "      - {id: info.x, label: 某数, type: count, requried: true}\n");
        CliTest.Run r = CliTest.run("validate", "--collection", spec.toString(), "x.xlsx");
        assertThat(r.code()).isEqualTo(ErrorHandler.BAD_INPUT);
        assertThat(r.err()).contains("坏.yaml:8").contains("requried");
    }
}

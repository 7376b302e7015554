package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Value;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.StandardCollections;
import org.huizong.templates.demo.DemoCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts use it: arguments in, files, output and exit codes out. */
class CliTest {
    @TempDir
    Path dir;

    /** Runs the CLI capturing standard output and error. */
    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path roster() throws Exception {
        Path roster = dir.resolve("schools.csv");
        Files.writeString(roster, StandardCollections.resource("demo/schools.csv"));
        return roster;
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("template", "validate", "consolidate", "demo", "serve");
    }

    @Test
    void templateWritesOneFilePerSchool() throws Exception {
        Path out = dir.resolve("out");
        Run r = run("template", "--collection", "edu-halfyear", "--period", "2024H1",
                "--roster", roster().toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(61)
                    .contains("3134000057_县第一中学.xlsx");
        }
    }

    @Test
    void badRosterIsReportedByLineAndNothingIsWritten() throws Exception {
        Path roster = dir.resolve("bad.csv");
        Files.writeString(roster, "code,name,type,township,ownership\n"
                + "3134000001,东城镇中心幼儿园,幼儿园,东城镇,公办\n"
                + "313400,西河小学,小学,西河镇,公办\n"
                + "3134000003,南山学校,大学,南山镇,公办\n");
        Path out = dir.resolve("out");
        Run r = run("template", "--period", "2024H1", "--roster", roster.toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("第3行").contains("第4行");
        assertThat(out).doesNotExist();
    }

    @Test
    void validateExitCodesFollowTheContract() throws Exception {
        var c = StandardCollections.eduHalfyear();
        TemplateWriter w = TemplateWriter.of(c, Period.parse("2024H1"));
        DemoCounty.SchoolData school = DemoCounty.returns().get(40);
        Path good = dir.resolve("good.xlsx");
        Files.write(good, w.toBytes(school.school(), school.toReturnData()));
        Path bad = dir.resolve("bad.xlsx");
        ReturnData broken = school.toReturnData().with("info.teachers", Value.of(100_000));
        Files.write(bad, w.toBytes(school.school(), broken));
        Path junk = dir.resolve("junk.xlsx");
        Files.writeString(junk, "not a workbook");

        Run clean = run("validate", good.toString());
        assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).as("a clean file is counted, not listed")
                .doesNotContain("good.xlsx")
                .contains("共 1 个文件：错误 0 条").endsWith("未发现问题的文件 1 个\n");
        Run everyFile = run("validate", "--verbose", good.toString());
        assertThat(everyFile.out()).contains("good.xlsx").contains("未发现问题");

        Run errors = run("validate", good.toString(), bad.toString());
        assertThat(errors.code()).isEqualTo(1);
        assertThat(errors.out()).contains("[错误] 学校基本情况!").doesNotContain("info.teachers")
                .doesNotContain("good.xlsx");

        Run unreadable = run("validate", "--format", "json", good.toString(), junk.toString());
        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.out()).contains("\"file\": \"junk.xlsx\"");
    }

    @Test
    void validateFolderIsOrderIndependent() throws Exception {
        var c = StandardCollections.eduHalfyear();
        TemplateWriter w = TemplateWriter.of(c, Period.parse("2024H1"));
        for (DemoCounty.SchoolData s : DemoCounty.returns().subList(0, 3)) {
            Files.write(dir.resolve(TemplateWriter.fileName(s.school())),
                    w.toBytes(s.school(), s.toReturnData()));
        }
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(Path::toString).sorted().toList();
        }
        Run forward = run("validate", "--verbose", files.get(0), files.get(1), files.get(2));
        Run backward = run("validate", "--verbose", files.get(2), files.get(1), files.get(0));
        Run folder = run("validate", "--verbose", dir.toString());
        assertThat(backward.out()).isEqualTo(forward.out());
        assertThat(folder.out()).isEqualTo(forward.out());
    }

    @Test
    void consolidateAccountsForEveryFileGiven() throws Exception {
        var c = StandardCollections.eduHalfyear();
        TemplateWriter w = TemplateWriter.of(c, Period.parse("2024H1"));
        Path returns = demoReturns("returns", 4);
        DemoCounty.SchoolData first = DemoCounty.returns().get(0);
        Files.write(returns.resolve("重新上报.xlsx"), w.toBytes(first.school(),
                first.toReturnData()));
        Files.writeString(returns.resolve("说明.xlsx"), "not a workbook");
        Path book = dir.resolve("county.xlsx");
        Run r = run("consolidate", "--roster", roster().toString(), "--unit-code", "313400",
                "--unit-name", "示范县", "--out", book.toString(), returns.toString());
        assertThat(r.code()).as("some files left out: " + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("共 6 个文件：计入 4，有错误未计入 0，重复 1，名单外 0，无法读取 1")
                .contains("未计入 说明.xlsx（无法读取）：文件 说明.xlsx 不是Excel工作簿");
        assertThat(book).isNotEmptyFile();
        var intake = org.huizong.engine.pipeline.Intake.of(c);
        var read = intake.read(book);
        assertThat(read.meta().unitCode()).isEqualTo("313400");
        assertThat(read.meta().kind()).isEqualTo("consolidated");
    }

    @Test
    void consolidateWritesTheSummaryAsAWordDocumentBesideTheBookOrWhereAsked() throws Exception {
        Path returns = demoReturns("returns", 3);
        Path book = dir.resolve("县汇总.xlsx");
        Run r = run("consolidate", "--roster", roster().toString(), "--unit-code", "313400",
                "--unit-name", "示范县", "--out", book.toString(), returns.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path beside = dir.resolve("县汇总-工作总结.docx");
        assertThat(r.out()).contains("工作总结：" + beside.toAbsolutePath());
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                Files.newInputStream(beside))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("示范县2024年上半年工作总结");
            assertThat(doc.getParagraphs().get(1).getText()).startsWith("（一）");
        }
        Path asked = dir.resolve("总结.docx");
        Run again = run("consolidate", "--roster", roster().toString(), "--out", book.toString(),
                "--docx", asked.toString(), returns.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(asked).isNotEmptyFile();
    }

    @Test
    void consolidateWritesEveryExactTotalAsCsvOrJsonWhenAsked() throws Exception {
        Path returns = demoReturns("returns", 5);
        Path book = dir.resolve("县汇总.xlsx");
        Path csv = dir.resolve("汇总数.csv");
        Run r = run("consolidate", "--roster", roster().toString(), "--out", book.toString(),
                "--totals", csv.toString(), returns.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("汇总数：" + csv.toAbsolutePath());
        java.math.BigDecimal exact;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(book))) {
            var ref = new org.apache.poi.ss.util.CellReference(wb.getName("F_aid_total_amount")
                    .getRefersToFormula());
            exact = java.math.BigDecimal.valueOf(wb.getSheet(ref.getSheetName())
                    .getRow(ref.getRow()).getCell(ref.getCol()).getNumericCellValue());
        }
        List<String> lines = Files.readString(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFF标识,项目,单位,本期,上年同期,本期同口径数,同比口径");
        String aid = lines.stream().filter(l -> l.startsWith("aid.total.amount,")).findFirst()
                .orElseThrow();
        assertThat(aid).isEqualTo("aid.total.amount,资助金额合计,万元,"
                + exact.stripTrailingZeros().toPlainString() + ",,,");
        assertThat(lines).contains("rate.hazards_fixed,隐患整改率,%,1,,,")
                .as("no compulsory school among the five: over 0")
                .contains("rate.afterschool,课后服务参与率,%,,,,");

        Path json = dir.resolve("汇总数.json");
        Run j = run("consolidate", "--roster", roster().toString(), "--out", book.toString(),
                "--totals", json.toString(), returns.toString());
        assertThat(j.code()).as(j.err()).isZero();
        @SuppressWarnings("unchecked")
        var parsed = (java.util.Map<String, Object>) org.huizong.engine.findings.JsonText.parse(
                Files.readString(json, StandardCharsets.UTF_8));
        assertThat(parsed).containsEntry("period", "2024H1").containsEntry("basis", "none");
        @SuppressWarnings("unchecked")
        var totals = (List<java.util.Map<String, Object>>) parsed.get("totals");
        assertThat(totals).hasSize(lines.size() - 1);
        assertThat(totals).filteredOn(t -> t.get("id").equals("aid.total.amount"))
                .singleElement().satisfies(t -> assertThat((java.math.BigDecimal) t.get("value"))
                        .isEqualByComparingTo(exact));
    }

    @Test
    void aCityConsolidatesItsCountiesBooksFromTheCommandLine() throws Exception {
        var c = StandardCollections.eduHalfyear();
        List<Path> books = new java.util.ArrayList<>();
        java.math.BigDecimal students = java.math.BigDecimal.ZERO;
        var intake = org.huizong.engine.pipeline.Intake.of(c);
        for (int k = 0; k < 2; k++) {
            Path returns = returnsOf("returns" + k, "2024H1",
                    DemoCounty.returns().subList(k * 4, k * 4 + 4), java.util.Set.of());
            Path book = dir.resolve("county" + k + ".xlsx");
            Run r = run("consolidate", "--roster", roster().toString(), "--unit-code",
                    "31340" + k, "--unit-name", "第" + (k + 1) + "县", "--out", book.toString(),
                    returns.toString());
            assertThat(r.code()).as(r.err()).isZero();
            books.add(book);
            students = students.add(((Value.Num) intake.read(book).values().get("info.students"))
                    .value());
        }
        Path counties = dir.resolve("counties.csv");
        Files.writeString(counties, "学校标识码,学校名称,学校类型,所在乡镇,办学性质\n"
                + "313400,第1县教育局,汇总单位,第1县,公办\n313401,第2县教育局,汇总单位,第2县,公办\n");
        Path city = dir.resolve("city.xlsx");

        Run r = run("consolidate", "--roster", counties.toString(), "--area", "市",
                "--unit-code", "341500", "--unit-name", "示例市", "--out", city.toString(),
                books.get(0).toString(), books.get(1).toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("共 2 个文件：计入 2，有错误未计入 0，重复 0，名单外 0，无法读取 0");
        var back = intake.read(city);
        assertThat(back.meta().unitCode()).isEqualTo("341500");
        assertThat(((Value.Num) back.values().get("info.students")).value())
                .isEqualByComparingTo(students);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(city.toFile())) {
            List<String> sheets = new java.util.ArrayList<>();
            wb.forEach(sh -> sheets.add(sh.getSheetName()));
            assertThat(sheets).contains("全市汇总", "单位明细", "按县区", "按单位类型")
                    .doesNotContain("全县汇总", "学校明细", "按乡镇");
            StringBuilder text = new StringBuilder();
            wb.getSheet("总结").forEach(row -> row.forEach(cell -> text.append(cell)));
            assertThat(text).contains("全市").contains("根据2个单位报表汇总生成")
                    .doesNotContain("全县").doesNotContain("我县");
            StringBuilder cover = new StringBuilder();
            wb.getSheet("封面").forEach(row -> row.forEach(cell -> cover.append(cell)));
            assertThat(cover).contains("应报单位（名单内）", "计入汇总的单位逐个数据")
                    .doesNotContain("学校").doesNotContain("乡镇");
            StringBuilder byCounty = new StringBuilder();
            wb.getSheet("按县区").forEach(row -> row.forEach(cell -> byCounty.append(cell)));
            assertThat(byCounty).contains("全市\n（2/2个）").doesNotContain("所）");
            StringBuilder status = new StringBuilder();
            wb.getSheet("报送情况").forEach(row -> row.forEach(cell -> status.append(cell)));
            assertThat(status).contains("单位标识码", "单位名称").doesNotContain("学校");
        }
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(books.get(0).toFile())) {
            assertThat(wb.getSheet("学校明细")).as("a county's book keeps its words").isNotNull();
        }
        Run bad = run("consolidate", "--roster", counties.toString(), "--area", "县区",
                "--out", dir.resolve("x.xlsx").toString(), books.get(0).toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("区域用字 '县区' 应为一个字");
    }

    /** Writes the first {@code n} demo schools' 2024H1 returns into {@code folder}. */
    private Path demoReturns(String folder, int n) throws Exception {
        return returnsOf(folder, "2024H1", DemoCounty.returns().subList(0, n),
                java.util.Set.of());
    }

    @Test
    void consolidateExitsZeroOnlyWhenEveryFileIsCounted() throws Exception {
        Path returns = demoReturns("returns", 3);
        Path book = dir.resolve("county.xlsx");
        Run r = run("consolidate", "--roster", roster().toString(), "--out", book.toString(),
                returns.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("共 3 个文件：计入 3，有错误未计入 0，重复 0，名单外 0，无法读取 0\n")
                .doesNotContain("\n  未计入 ");
        assertThat(book).isNotEmptyFile();
    }

    @Test
    void consolidateExitsOneWhenAReturnWithErrorsIsLeftOutAndStillWritesTheBook()
            throws Exception {
        Path returns = demoReturns("returns", 2);
        TemplateWriter w = TemplateWriter.of(StandardCollections.eduHalfyear(),
                Period.parse("2024H1"));
        DemoCounty.SchoolData third = DemoCounty.returns().get(2);
        Files.write(returns.resolve("有错.xlsx"), w.toBytes(third.school(),
                third.toReturnData().with("info.teachers", Value.of(100_000))));
        Path book = dir.resolve("county.xlsx");
        Run r = run("consolidate", "--roster", roster().toString(), "--out", book.toString(),
                returns.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("计入 2，有错误未计入 1")
                .contains("未计入 有错.xlsx（有错误未计入）：有错误 1 条，未计入汇总；第一条：学校基本情况!");
        assertThat(book).isNotEmptyFile();

        Run counted = run("consolidate", "--include-errors", "--roster", roster().toString(),
                "--out", book.toString(), returns.toString());
        assertThat(counted.code()).as("counted on request: " + counted.err()).isZero();
        assertThat(counted.out()).contains("已计入 有错.xlsx（有错误，按要求计入）：有错误 1 条，按要求计入汇总");
    }

    @Test
    void consolidateExitsTwoAndWritesNoBookWhenNothingCanBeConsolidated() throws Exception {
        Path junk = Files.createDirectories(dir.resolve("junk"));
        Files.writeString(junk.resolve("a.xlsx"), "not a workbook");
        Path book = dir.resolve("county.xlsx");
        Run unreadable = run("consolidate", "--format", "json", "--roster", roster().toString(),
                "--out", book.toString(), junk.toString());
        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.err()).contains("没有可计入汇总的报表，未生成汇总工作簿");
        assertThat(unreadable.out()).contains("\"period\": null", "\"book\": null",
                "\"outcome\": \"unreadable\"", "\"everyFileCounted\": false");
        assertThat(book).doesNotExist();

        Path strangers = dir.resolve("strangers.csv");
        Files.writeString(strangers, "学校标识码,学校名称,学校类型,所在乡镇,办学性质\n"
                + "3999000001,外县小学,小学,外乡,公办\n");
        Run offRoster = run("consolidate", "--roster", strangers.toString(), "--out",
                book.toString(), demoReturns("returns", 2).toString());
        assertThat(offRoster.code()).isEqualTo(2);
        assertThat(offRoster.out()).contains("共 2 个文件：计入 0，有错误未计入 0，重复 0，名单外 2，无法读取 0");
        assertThat(book).doesNotExist();

        Run empty = run("consolidate", "--roster", roster().toString(), "--out", book.toString(),
                Files.createDirectories(dir.resolve("empty")).toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("没有找到报表文件");
    }

    @Test
    void consolidateJsonGivesTheSummaryAndEveryFilesOutcome() throws Exception {
        Path returns = demoReturns("returns", 3);
        TemplateWriter w = TemplateWriter.of(StandardCollections.eduHalfyear(),
                Period.parse("2024H1"));
        DemoCounty.SchoolData first = DemoCounty.returns().get(0);
        Files.write(returns.resolve("重新上报.xlsx"), w.toBytes(first.school(),
                first.toReturnData()));
        Files.writeString(returns.resolve("说明.xlsx"), "not a workbook");
        Path book = dir.resolve("county.xlsx");
        Run r = run("consolidate", "--format", "json", "--roster", roster().toString(), "--out",
                book.toString(), returns.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        String json = r.out();
        assertThat(json).startsWith("{\n  \"period\": \"2024H1\",\n  \"book\": \""
                + book.toAbsolutePath().toString().replace("\\", "\\\\") + "\"");
        assertThat(json).contains("\"summary\": {\"text\": \"共 5 个文件：计入 3，有错误未计入 0，重复 1，"
                + "名单外 0，无法读取 1\", \"files\": 5, \"counted\": 3, \"countedWithErrors\": 0,");
        assertThat(json).contains("\"expected\": 61, \"received\": 3, \"missing\": 58, "
                + "\"everyFileCounted\": false}");
        assertThat(json).contains("{\"file\": \"说明.xlsx\", \"school\": \"\", "
                + "\"outcome\": \"unreadable\", \"label\": \"无法读取\", \"reason\": \"文件 说明.xlsx "
                + "不是Excel工作簿");
        assertThat(json).contains("{\"file\": \"" + TemplateWriter.fileName(first.school())
                + "\", \"school\": \"" + first.school().code() + "\", \"outcome\": \"");
        assertThat(json).contains("\"missing\": [\n    {\"school\": \""
                + DemoCounty.returns().get(3).school().code() + "\", \"name\": \"");
        long fileLines = json.lines().filter(l -> l.startsWith("    {\"file\": ")).count();
        assertThat(fileLines).as("one line a file").isEqualTo(5);
        assertThat(json.lines().filter(l -> l.contains("\"outcome\": \"superseded\"")).count())
                .isEqualTo(1);
        assertThat(json).endsWith("]\n}\n");
    }

    /**
     * A workbook as a spreadsheet program would have saved it at {@code savedAt}
     * ({@code dcterms:modified} in docProps/core.xml), or without any saved time when null.
     */
    static byte[] savedAt(byte[] xlsx, String savedAt) throws Exception {
        return rewrite(xlsx, "docProps/core.xml", xml -> savedAt == null
                ? xml.replaceAll("<dcterms:modified[^>]*>[^<]*</dcterms:modified>", "")
                : xml.replaceAll("(<dcterms:modified[^>]*>)[^<]*<", "$1" + savedAt + "<"));
    }

    /** A copy of a zip with one text entry edited; the edit must change it. */
    static byte[] rewrite(byte[] zip, String entry, java.util.function.UnaryOperator<String> edit)
            throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                var out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    String edited = edit.apply(text);
                    assertThat(edited).isNotEqualTo(text);
                    content = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Writes {@code students} into a copy of demo school 0's return, saved and stamped. */
    private Path version(Path folder, String name, int students, String saved, String fileTime)
            throws Exception {
        DemoCounty.SchoolData first = DemoCounty.returns().get(0);
        byte[] bytes = TemplateWriter.of(StandardCollections.eduHalfyear(),
                Period.parse("2024H1")).toBytes(first.school(), first.toReturnData()
                        .with("info.students", Value.of(students)));
        Path file = folder.resolve(name);
        Files.write(file, savedAt(bytes, saved));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                java.time.Instant.parse(fileTime)));
        return file;
    }

    private static java.math.BigDecimal students(Path book) {
        var r = org.huizong.engine.pipeline.Intake.of(StandardCollections.eduHalfyear())
                .read(book);
        return ((Value.Num) r.values().get("info.students")).value();
    }

    @Test
    void theVersionTheSchoolSavedLastCountsNotTheNewestFile() throws Exception {
        Path returns = Files.createDirectories(dir.resolve("returns"));
        version(returns, "第一次.xlsx", 500, "2024-06-28T09:00:00Z", "2024-07-05T08:00:00Z");
        version(returns, "第二次.xlsx", 520, "2024-06-30T09:00:00Z", "2024-07-01T08:00:00Z");
        Path book = dir.resolve("county.xlsx");
        Run r = run("consolidate", "--format", "json", "--roster", roster().toString(), "--out",
                book.toString(), returns.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(students(book)).as("saved last, copied first").isEqualByComparingTo("520");
        assertThat(r.out()).contains("{\"file\": \"第一次.xlsx\", \"school\": \""
                + DemoCounty.returns().get(0).school().code() + "\", \"outcome\": \"superseded\", "
                + "\"label\": \"重复\", \"reason\": \"同校的“第二次.xlsx”保存时间较晚，以其为准，本文件未计入汇总\", "
                + "\"saved\": \"2024-06-28T09:00:00Z\", \"modified\": \"2024-07-05T08:00:00Z\"}");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(book.toFile())) {
            var sheet = wb.getSheet("未计入文件");
            var header = sheet.getRow(2);
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("保存时间");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("文件时间");
            var row = sheet.getRow(3);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("重复报送");
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("第一次.xlsx");
            assertThat(row.getCell(5).getLocalDateTimeCellValue())
                    .isEqualTo(java.time.LocalDateTime.parse("2024-06-28T17:00"));
            assertThat(row.getCell(6).getLocalDateTimeCellValue())
                    .isEqualTo(java.time.LocalDateTime.parse("2024-07-05T16:00"));
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("以保存时间较晚的“第二次.xlsx”为准"
                    + "（保存时间 2024-06-30 17:00，文件时间 2024-07-01 16:00），本文件未计入汇总");
        }
    }

    @Test
    void theFilesTimeDecidesOnlyWhenTheWorkbookDoesNotSayWhenItWasSaved() throws Exception {
        Path returns = Files.createDirectories(dir.resolve("returns"));
        version(returns, "第一次.xlsx", 500, null, "2024-07-05T08:00:00Z");
        version(returns, "第二次.xlsx", 520, null, "2024-07-01T08:00:00Z");
        Path book = dir.resolve("county.xlsx");
        Run r = run("consolidate", "--format", "json", "--roster", roster().toString(), "--out",
                book.toString(), returns.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(students(book)).as("no saved times: the newer file").isEqualByComparingTo("500");
        assertThat(r.out()).contains("\"file\": \"第二次.xlsx\"", "\"outcome\": \"superseded\"",
                "时间较晚（未记录保存时间的按文件时间比较）", "\"saved\": null");

        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        version(mixed, "第一次.xlsx", 500, null, "2024-07-05T08:00:00Z");
        version(mixed, "第二次.xlsx", 520, "2024-07-06T08:00:00Z", "2024-07-01T08:00:00Z");
        Run m = run("consolidate", "--roster", roster().toString(), "--out", book.toString(),
                mixed.toString());
        assertThat(m.code()).as(m.err()).isEqualTo(1);
        assertThat(students(book)).as("saved after the other file's time")
                .isEqualByComparingTo("520");
    }

    /** Writes demo returns of {@code period} into a new folder, leaving out {@code missing}. */
    private Path returnsOf(String folder, String period, List<DemoCounty.SchoolData> data,
            java.util.Set<String> missing) throws Exception {
        TemplateWriter w = TemplateWriter.of(StandardCollections.eduHalfyear(),
                Period.parse(period));
        Path out = Files.createDirectories(dir.resolve(folder));
        for (DemoCounty.SchoolData d : data) {
            if (!missing.contains(d.school().code())) {
                Files.write(out.resolve(TemplateWriter.fileName(d.school())),
                        w.toBytes(d.school(), d.toReturnData()));
            }
        }
        return out;
    }

    private static java.math.BigDecimal sum(List<DemoCounty.SchoolData> data,
            java.util.Set<String> missing, String field) {
        java.math.BigDecimal s = java.math.BigDecimal.ZERO;
        for (DemoCounty.SchoolData d : data) {
            if (!missing.contains(d.school().code())
                    && d.values().get(field) instanceof Value.Num n) {
                s = s.add(n.value());
            }
        }
        return s;
    }

    @Test
    void consolidateComparesLastYearOverTheSchoolsInBothAndRefusesAnotherPeriod()
            throws Exception {
        java.util.Set<String> missing = java.util.Set.of("3134000057", "3134000058",
                "3134000047", "3134000030", "3134000003");
        Path lastYear = dir.resolve("县汇总-2023H1.xlsx");
        Run last = run("consolidate", "--roster", roster().toString(), "--out",
                lastYear.toString(), returnsOf("2023H1", "2023H1", DemoCounty.previousReturns(),
                        java.util.Set.of()).toString());
        assertThat(last.code()).as(last.err()).isZero();
        Path returns = returnsOf("2024H1", "2024H1", DemoCounty.returns(), missing);
        Path book = dir.resolve("县汇总-2024H1.xlsx");

        Run r = run("consolidate", "--roster", roster().toString(), "--previous",
                lastYear.toString(), "--out", book.toString(), returns.toString());

        assertThat(r.code()).as("every file given counted: " + r.err()).isZero();
        assertThat(r.out()).contains("本期计入汇总56所学校，上年同期61所，同比按可比口径（56所学校）计算");
        for (String field : List.of("enrol.zhongkao", "enrol.gaokao.registered",
                "funding.public", "info.students")) {
            java.math.BigDecimal now = sum(DemoCounty.returns(), missing, field);
            java.math.BigDecimal then = sum(DemoCounty.previousReturns(), missing, field);
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    Files.newInputStream(book))) {
                var ref = new org.apache.poi.ss.util.AreaReference(wb.getName("F_"
                        + field.replace('.', '_')).getRefersToFormula(),
                        org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
                // the name is on the exact total in _totals, whose column E says where it shows
                var shown = new org.apache.poi.ss.util.CellReference(wb.getSheet(
                        ref.getSheetName()).getRow(ref.getRow()).getCell(4).getStringCellValue());
                var row = wb.getSheet(shown.getSheetName()).getRow(shown.getRow());
                double places = field.startsWith("funding.") ? 0.01 : 1e-6;
                assertThat(row.getCell(shown.getCol() + 2).getNumericCellValue())
                        .as(field + " 上年同期可比数").isCloseTo(then.doubleValue(),
                                org.assertj.core.api.Assertions.within(places));
                assertThat(row.getCell(shown.getCol() + 3).getNumericCellValue())
                        .as(field + " 增减").isCloseTo(now.subtract(then).doubleValue(),
                                org.assertj.core.api.Assertions.within(places));
            }
        }

        Path old = dir.resolve("旧版汇总-2023H1.xlsx");
        Files.write(old, rewrite(Files.readAllBytes(lastYear), "xl/workbook.xml",
                x -> x.replaceAll("<definedName name=\"D_DETAIL\"[^>]*>[^<]*</definedName>", "")));
        Run noDetail = run("consolidate", "--format", "json", "--roster", roster().toString(),
                "--previous", old.toString(), "--out", book.toString(), returns.toString());
        assertThat(noDetail.code()).as(noDetail.err()).isZero();
        assertThat(noDetail.out()).contains("\"comparison\": \"上年同期汇总表“旧版汇总-2023H1.xlsx”"
                + "（2023年上半年）没有逐校数据（由旧版本生成），无法确认两期学校相同，不列同比");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(book))) {
            StringBuilder totals = new StringBuilder();
            wb.getSheet("全县汇总").forEach(row -> row.forEach(c -> totals.append(c).append('|')));
            assertThat(totals).contains("|合计|").doesNotContain("上年同期可比数")
                    .doesNotContain("比去年");
        }

        Path sameHalf = dir.resolve("2024H1的汇总.xlsx");
        Run h = run("consolidate", "--roster", roster().toString(), "--out",
                sameHalf.toString(), returns.toString());
        assertThat(h.code()).as(h.err()).isZero();
        Path refused = dir.resolve("不应生成.xlsx");
        Run wrong = run("consolidate", "--roster", roster().toString(), "--previous",
                sameHalf.toString(), "--out", refused.toString(), returns.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("汇总表“2024H1的汇总.xlsx”是2024年上半年的，本期为2024年上半年，"
                + "上年同期应为2023年上半年");
        assertThat(refused).doesNotExist();
    }

    @Test
    void previousPeriodRulesRunInValidateAndConsolidateFromTheBooksPerSchoolDetail()
            throws Exception {
        Path lastYear = dir.resolve("县汇总-2023H1.xlsx");
        Run last = run("consolidate", "--roster", roster().toString(), "--out",
                lastYear.toString(), returnsOf("2023H1", "2023H1",
                        DemoCounty.previousReturns().subList(0, 3), java.util.Set.of()).toString());
        assertThat(last.code()).as(last.err()).isZero();
        DemoCounty.SchoolData first = DemoCounty.returns().get(0);
        java.math.BigDecimal before = ((Value.Num) DemoCounty.previousReturns().get(0).values()
                .get("funding.public")).value();
        Path returns = Files.createDirectories(dir.resolve("2024H1"));
        Path tripled = returns.resolve(TemplateWriter.fileName(first.school()));
        Files.write(tripled, TemplateWriter.of(StandardCollections.eduHalfyear(),
                Period.parse("2024H1")).toBytes(first.school(), first.toReturnData().with(
                        "funding.public", Value.of(before.multiply(java.math.BigDecimal
                                .valueOf(3))))));

        Run plain = run("validate", tripled.toString());
        assertThat(plain.out()).doesNotContain("change.funding.public");
        Run checked = run("validate", "--previous", lastYear.toString(), tripled.toString());
        assertThat(checked.code()).as("a warning is no error: " + checked.err()).isZero();
        assertThat(checked.out()).contains("[警告] 经费保障!").contains("公用经费到位本期")
                .contains("，上年同期" + before.stripTrailingZeros().toPlainString()
                        + "，变化超过50%，请核对或说明");
        Run json = run("validate", "--format", "json", "--previous", lastYear.toString(),
                tripled.toString());
        assertThat(json.out())
                .contains("\"rule\": \"change.funding.public\", \"severity\": \"warning\"");

        Path book = dir.resolve("县汇总-2024H1.xlsx");
        Run consolidated = run("consolidate", "--roster", roster().toString(), "--previous",
                lastYear.toString(), "--out", book.toString(), returns.toString());
        assertThat(consolidated.code()).as(consolidated.err()).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(book))) {
            StringBuilder findings = new StringBuilder();
            wb.getSheet("问题清单").forEach(row -> row.forEach(c -> findings.append(c).append('|')));
            assertThat(findings).contains("change.funding.public").contains("变化超过50%");
        }
        Run without = run("consolidate", "--roster", roster().toString(), "--out",
                book.toString(), returns.toString());
        assertThat(without.code()).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(book))) {
            StringBuilder findings = new StringBuilder();
            wb.getSheet("问题清单").forEach(row -> row.forEach(c -> findings.append(c).append('|')));
            assertThat(findings).doesNotContain("change.funding.public");
        }

        Path old = dir.resolve("旧版.xlsx");
        Files.write(old, rewrite(Files.readAllBytes(lastYear), "xl/workbook.xml",
                x -> x.replaceAll("<definedName name=\"D_DETAIL\"[^>]*>[^<]*</definedName>", "")));
        Run noDetail = run("validate", "--previous", old.toString(), tripled.toString());
        assertThat(noDetail.code()).isEqualTo(2);
        assertThat(noDetail.err()).contains("没有逐校数据（由旧版本生成），无法运行与上年同期比较的规则");
        Run school = run("validate", "--previous", tripled.toString(), tripled.toString());
        assertThat(school.code()).isEqualTo(2);
        assertThat(school.err()).contains("是学校报表，不是汇总工作簿");
    }
}

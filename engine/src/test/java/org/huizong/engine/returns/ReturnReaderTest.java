package org.huizong.engine.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.fixtures.ZipEdits;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filled templates read back: values, cells, tables, explanations, the reader's findings. */
class ReturnReaderTest {
    private final Collection collection = IoFixtures.collection();
    private final TemplateWriter writer = TemplateWriter.of(collection, IoFixtures.PERIOD);
    private final ReturnReader reader = ReturnReader.of(List.of(collection));

    @Test
    void whatIsWrittenReadsBackTheSame(@TempDir Path dir) throws Exception {
        School school = IoFixtures.highSchool();
        ReturnData data = IoFixtures.fullData(collection, school)
                .withRow("projects", Map.of("name", Value.of("综合楼"), "category", Value.of("新建"),
                        "area", Value.of(new BigDecimal("3200.5")), "budget", Value.of(1200),
                        "invested", Value.of(new BigDecimal("450.1234")),
                        "source", Value.of("专项债"), "status", Value.of("在建")))
                .withRow("projects", Map.of("name", Value.of("操场改造"), "category",
                        Value.of("运动场地"), "status", Value.of("已完工")))
                .withExplanation("afterschool.teachers_le_teachers", "外聘课后服务教师5人");
        Path file = dir.resolve(TemplateWriter.fileName(school));
        Files.write(file, writer.toBytes(school, data));
        byte[] before = Files.readAllBytes(file);
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);

        Return r = reader.read(file);

        assertThat(Files.readAllBytes(file)).as("reading never writes").isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);

        assertThat(r.file()).isEqualTo(TemplateWriter.fileName(school));
        assertThat(r.meta().collection()).isEqualTo("edu-halfyear");
        assertThat(r.meta().version()).isEqualTo(1);
        assertThat(r.meta().period()).isEqualTo(IoFixtures.PERIOD);
        assertThat(r.schoolCode()).isEqualTo(school.code());
        assertThat(r.readFindings()).isEmpty();
        assertThat(r.detail()).as("a school's return has no per-school detail").isEmpty();
        for (Map.Entry<String, Value> e : data.values().entrySet()) {
            assertThat(r.find(e.getKey())).as(e.getKey()).contains(e.getValue());
        }
        assertThat(r.text("info.name")).contains(school.name());
        assertThat(r.text("info.type")).contains("完全中学");
        BigDecimal persons = BigDecimal.ZERO;
        for (String p : List.of("preschool", "compulsory", "hs_grant", "hs_tuition", "voc_grant",
                "voc_local", "voc_tuition", "other")) {
            persons = persons.add(r.find("aid." + p + ".persons").map(v -> ((Value.Num) v).value())
                    .orElse(BigDecimal.ZERO));
        }
        assertThat(r.find("aid.total.persons")).contains(Value.of(persons));
        assertThat(r.find("enrol.vocexam.sat")).as("does not apply to 完全中学").isEmpty();
        assertThat(r.rows("projects")).extracting(TableRow::index).containsExactly(1, 2);
        assertThat(r.rows("projects").get(0).values()).containsEntry("invested",
                Value.of(new BigDecimal("450.1234"))).containsEntry("source", Value.of("专项债"));
        assertThat(r.rows("projects").get(1).values()).containsOnlyKeys("name", "category",
                "status");
        assertThat(r.rows("projects").get(1).cells()).containsEntry("budget",
                new CellRef("项目建设", "E5"));
        assertThat(r.explanations()).containsExactly(Map.entry(
                "afterschool.teachers_le_teachers", "外聘课后服务教师5人"));
        assertThat(r.cells()).containsKeys(collection.fields().stream().map(Field::id)
                .toArray(String[]::new));
        assertThat(r.findCell("aid.unique")).contains(new CellRef("学生资助", "D13"));
    }

    @Test
    void theWorkbooksOwnSavedTimeComesFromItsCorePropertiesAndIsAbsentWhenItDoesNotSay() {
        School school = IoFixtures.kindergarten();
        byte[] bytes = writer.toBytes(school, IoFixtures.fullData(collection, school));
        assertThat(reader.read("t.xlsx", bytes).saved()).as("the template's own stamp")
                .contains(java.time.Instant.parse("2024-01-01T00:00:00Z"));
        byte[] saved = ZipEdits.rewrite(bytes, "docProps/core.xml", x -> x.replaceAll(
                "(<dcterms:modified[^>]*>)[^<]*<", "$12024-06-30T18:15:00+08:00<"));
        assertThat(reader.read("s.xlsx", saved).saved()).as("as Excel writes it, with an offset")
                .contains(java.time.Instant.parse("2024-06-30T10:15:00Z"));
        byte[] none = ZipEdits.rewrite(bytes, "docProps/core.xml", x -> x.replaceAll(
                "<dcterms:modified[^>]*>[^<]*</dcterms:modified>", ""));
        assertThat(reader.read("n.xlsx", none).saved()).isEmpty();
        byte[] garbled = ZipEdits.rewrite(bytes, "docProps/core.xml", x -> x.replaceAll(
                "(<dcterms:modified[^>]*>)[^<]*<", "$1上周五<"));
        Return r = reader.read("g.xlsx", garbled);
        assertThat(r.saved()).as("not a time: no saved time, the figures still read").isEmpty();
        assertThat(r.find("aid.preschool.persons")).isPresent();
    }

    @Test
    void uploadsReadFromBytesAndStreamsAlike() {
        School school = IoFixtures.kindergarten();
        byte[] bytes = writer.toBytes(school, IoFixtures.fullData(collection, school));

        Return fromBytes = reader.read("upload.xlsx", bytes);
        Return fromStream = reader.read("upload.xlsx", new ByteArrayInputStream(bytes));

        assertThat(fromStream).isEqualTo(fromBytes);
        assertThat(fromBytes.find("aid.preschool.persons")).isPresent();
    }

    @Test
    void clerksTextInNumericCellsIsForgivenOrReportedAtTheCell() {
        School school = IoFixtures.highSchool();
        ReturnData data = ReturnData.empty()
                .with("info.students", Value.of(" 1,234 "))
                .with("info.classes", Value.of("３２"))
                .with("info.staff", Value.of("—"))
                .with("info.teachers", Value.of("无"))
                .with("info.boarders", Value.of("约300"))
                .with("info.leftbehind", Value.of("300余"))
                .with("funding.public", Value.of("12.6万"))
                .with("enrol.new", Value.of("3人"))
                .with("info.head", Value.of("  王校长 "))
                .with("info.phone", Value.of(13800000000L));

        Return r = reader.read("f.xlsx", writer.toBytes(school, data));

        assertThat(r.find("info.students")).contains(Value.of(1234));
        assertThat(r.find("info.classes")).contains(Value.of(32));
        assertThat(r.find("info.staff")).contains(Value.of(0));
        assertThat(r.find("info.teachers")).contains(Value.of(0));
        assertThat(r.find("info.boarders")).contains(Value.of("约300"));
        assertThat(r.find("info.head")).contains(Value.of("王校长"));
        assertThat(r.find("info.phone")).contains(Value.of("13800000000"));
        assertThat(r.readFindings()).extracting(Finding::ruleId, Finding::severity,
                Finding::message, f -> f.fieldIds().get(0)).containsExactly(
                tuple("read.fullwidth", Severity.NOTICE,
                        "学校基本情况!D13 班级数 填写了全角数字“３２”，按32读取", "info.classes"),
                tuple("read.dash", Severity.NOTICE, "学校基本情况!D14 教职工数 填写了“—”，按0读取",
                        "info.staff"),
                tuple("read.dash", Severity.NOTICE, "学校基本情况!D15 专任教师数 填写了“无”，按0读取",
                        "info.teachers"),
                tuple("number", Severity.ERROR, "学校基本情况!D16 寄宿生数 填写了“约300”，请只填数字",
                        "info.boarders"),
                tuple("number", Severity.ERROR, "学校基本情况!D17 留守儿童数 填写了“300余”，请只填数字",
                        "info.leftbehind"),
                tuple("number", Severity.ERROR, "招生与考试!D4 本期新招生数 填写了“3人”，请只填数字",
                        "enrol.new"),
                tuple("number", Severity.ERROR, "经费保障!D4 公用经费到位 填写了“12.6万”，请只填数字",
                        "funding.public"));
        assertThat(r.readFindings().get(3).cell()).contains(new CellRef("学校基本情况", "D16"));
    }

    @Test
    void textInATableColumnIsReportedWithItsRow() {
        ReturnData data = ReturnData.empty().withRow("projects", Map.of("name", Value.of("食堂"),
                "budget", Value.of("约50")));

        Return r = reader.read("t.xlsx", writer.toBytes(IoFixtures.highSchool(), data));

        assertThat(r.readFindings()).extracting(Finding::message).containsExactly(
                "项目建设!E4 计划总投资（第1行） 填写了“约50”，请只填数字");
        assertThat(r.readFindings().get(0).fieldIds()).containsExactly("projects.budget");
    }

    @Test
    void totalsAreRecomputedFromTheirPartsNotTakenFromAStaleCachedValue() {
        School school = IoFixtures.highSchool();
        ReturnData data = ReturnData.empty().with("aid.hs_grant.persons", Value.of(30))
                .with("aid.hs_grant.amount", Value.of(new BigDecimal("2.25")))
                .with("aid.other.persons", Value.of(5));
        byte[] bytes = writer.toBytes(school, data);
        String aid = "xl/worksheets/sheet4.xml";
        assertThat(ZipEdits.read(bytes, aid)).contains("<f>SUM(D4:D11)</f><v>35.0</v>");

        byte[] stale = ZipEdits.rewrite(bytes, aid, x -> x.replace("<f>SUM(D4:D11)</f><v>35.0</v>",
                "<f>SUM(D4:D11)</f><v>999</v>"));
        byte[] none = ZipEdits.rewrite(bytes, aid, x -> x.replaceAll(
                "(<f>SUM\\([^<]*</f>)<v>[^<]*</v>",
                "$1"));

        for (byte[] b : List.of(stale, none)) {
            Return r = reader.read("s.xlsx", b);
            assertThat(r.find("aid.total.persons")).contains(Value.of(35));
            assertThat(r.find("aid.total.amount")).contains(Value.of(new BigDecimal("2.25")));
        }
    }

    @Test
    void aTotalOverAPartHoldingTextIsUnknown() {
        ReturnData data = ReturnData.empty().with("aid.hs_grant.persons", Value.of("约30"))
                .with("aid.other.persons", Value.of(5)).with("aid.other.amount", Value.of(1));

        Return r = reader.read("t.xlsx", writer.toBytes(IoFixtures.highSchool(), data));

        assertThat(r.find("aid.total.persons")).isEmpty();
        assertThat(r.find("aid.total.amount")).contains(Value.of(1));
    }

    @Test
    void aFormulaTypedIntoAnInputReadsItsResultWithANotice() {
        byte[] bytes = writer.toBytes(IoFixtures.highSchool(), ReturnData.empty()
                .with("info.students", Value.of(1)));
        byte[] typed = ZipEdits.rewrite(bytes, "xl/worksheets/sheet2.xml", x -> x.replaceFirst(
                "(<c r=\"D12\"[^>]*?)( t=\"n\")?>(<v>1.0</v>)", "$1><f>1000+200</f><v>1200</v>"));

        Return r = reader.read("f.xlsx", typed);

        assertThat(r.find("info.students")).contains(Value.of(1200));
        assertThat(r.readFindings()).extracting(Finding::ruleId, Finding::message).containsExactly(
                tuple("read.formula", "学校基本情况!D12 在校学生(幼儿)数 填写了公式“=1000+200”，按其计算结果1200读取"));
    }

    @Test
    void anExpectedPeriodIsAccepted() {
        byte[] bytes = writer.toBytes(IoFixtures.highSchool(), ReturnData.empty());

        Return r = reader.expecting(IoFixtures.PERIOD).read("p.xlsx", bytes);

        assertThat(r.meta().period()).isEqualTo(IoFixtures.PERIOD);
        assertThat(r.values()).containsOnlyKeys("info.code", "info.name", "info.type",
                "info.township", "info.ownership", "aid.total.persons", "aid.total.amount");
        assertThat(r.find("aid.total.persons")).as("blank parts count as 0").contains(
                Value.of(0));
        assertThat(r.rows("projects")).isEmpty();
        assertThat(new LinkedHashMap<>(r.explanations())).isEmpty();
    }

    @Test
    void aWorkbookOfAnotherStructureIsNeverReadWithAnEarlierOnesNames() {
        School school = IoFixtures.highSchool();
        byte[] original = writer.toBytes(school, IoFixtures.fullData(collection, school));
        Field unique = collection.getField("aid.unique");
        String name = unique.definedName() + "\">'学生资助'!$D$13<";
        // the same workbook with the name moved to the cell below, where Excel shows another
        // figure than the one it would count
        byte[] moved = ZipEdits.rewrite(original, "xl/workbook.xml",
                x -> x.replace(name, unique.definedName() + "\">'学生资助'!$D$14<"));
        byte[] removed = ZipEdits.rewrite(original, "xl/workbook.xml", x -> x.replace(name,
                unique.definedName() + "\">#REF!<"));

        Return first = reader.read("原样.xlsx", original);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read("移动.xlsx", moved))
                .hasMessageContaining("名称 " + unique.definedName() + " 指向 学生资助!D14，应为 学生资助!D13");
        Return again = reader.read("原样2.xlsx", original);

        assertThat(again.values()).isEqualTo(first.values());
        assertThat(again.findCell("aid.unique")).contains(CellRef.of("学生资助", 12, 3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read("坏名.xlsx", removed))
                .hasMessageContaining("缺少名称 " + unique.definedName());
        assertThat(reader.read("原样3.xlsx", original).values()).isEqualTo(first.values());
    }
}

package org.huizong.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.HuizongException;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates read back with POI, an independent reader: names, validation, protection. */
class TemplateWriterTest {
    private final Collection collection = IoFixtures.collection();
    private final TemplateWriter writer = TemplateWriter.of(collection, IoFixtures.PERIOD);

    @Test
    void everyDemoSchoolGetsATemplateWithEveryNameValidationAndProtection(@TempDir Path dir)
            throws IOException {
        Roster roster = IoFixtures.demoRoster();
        List<Path> files = writer.writeAll(roster, dir);

        assertThat(roster.size()).isEqualTo(61);
        assertThat(files).hasSize(61);
        for (int i = 0; i < files.size(); i++) {
            School s = roster.schools().get(i);
            assertThat(files.get(i).getFileName()).hasToString(s.code() + "_" + s.name() + ".xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(files.get(i)))) {
                checkWorkbook(wb, s);
            }
        }
    }

    private void checkWorkbook(XSSFWorkbook wb, School school) {
        String where = school.code() + " " + school.type();
        assertThat(wb.getSheetName(0)).isEqualTo("填表说明");
        assertThat(wb.isStructureLocked()).as(where).isTrue();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            assertThat(wb.getSheetAt(i).getProtect()).as(where + " " + wb.getSheetName(i))
                    .isTrue();
        }
        int meta = wb.getSheetIndex("_meta");
        assertThat(wb.getSheetVisibility(meta)).isEqualTo(SheetVisibility.VERY_HIDDEN);
        for (Field f : collection.fields()) {
            checkField(wb, school, f, where);
        }
        for (Table t : collection.tables()) {
            for (Field c : t.columns()) {
                XSSFName n = wb.getName(t.columnName(c));
                assertThat(n).as(where + " " + t.columnName(c)).isNotNull();
                AreaReference area = new AreaReference(n.getRefersToFormula(),
                        wb.getSpreadsheetVersion());
                assertThat(area.getAllReferencedCells()).hasSize(t.rows());
                for (CellReference ref : area.getAllReferencedCells()) {
                    assertThat(cell(wb, ref).getCellStyle().getLocked()).isFalse();
                    assertThat(validationAt(wb, ref)).as(where + " " + ref.formatAsString())
                            .isNotNull();
                }
            }
        }
        for (Rule r : collection.rules()) {
            XSSFName n = wb.getName(TemplateWriter.explanationName(r.id()));
            if (r.severity() == Severity.WARNING) {
                assertThat(n).as(r.id()).isNotNull();
                CellReference ref = new CellReference(n.getRefersToFormula());
                assertThat(ref.getSheetName()).isEqualTo("校验");
                assertThat(cell(wb, ref).getCellStyle().getLocked()).isFalse();
            } else {
                assertThat(n).as(r.id()).isNull();
            }
        }
    }

    private void checkField(XSSFWorkbook wb, School school, Field f, String where) {
        XSSFName n = wb.getName(f.definedName());
        assertThat(n).as(where + " " + f.definedName()).isNotNull();
        CellReference ref = new CellReference(n.getRefersToFormula());
        assertThat(ref.getSheetName()).isEqualTo(collection.sheetOf(f).title());
        Cell cell = cell(wb, ref);
        boolean input = f.isInput() && f.appliesTo(school.type());
        assertThat(cell.getCellStyle().getLocked()).as(where + " " + f.id() + " locked")
                .isEqualTo(!input);
        XSSFDataValidation dv = validationAt(wb, ref);
        if (f.isInput()) {
            assertThat(dv).as(where + " validation of " + f.id()).isNotNull();
            assertThat(dv.getShowPromptBox()).isTrue();
            assertThat(dv.getPromptBoxTitle()).isEqualTo(f.label());
            if (!f.appliesTo(school.type())) {
                assertThat(dv.getPromptBoxText()).startsWith("本校类型不填");
            } else if (!f.unit().isEmpty()) {
                assertThat(dv.getPromptBoxText()).contains("单位：" + f.unit());
            }
        }
        if (f.prefilled()) {
            assertThat(cell.getStringCellValue()).isEqualTo(TemplateWriter.rosterValue(school, f));
        }
        if (f.isComputed()) {
            assertThat(cell.getCellType()).isEqualTo(CellType.FORMULA);
        }
    }

    private static Cell cell(XSSFWorkbook wb, CellReference ref) {
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    private static XSSFDataValidation validationAt(XSSFWorkbook wb, CellReference ref) {
        XSSFSheet sheet = wb.getSheet(ref.getSheetName());
        for (XSSFDataValidation dv : sheet.getDataValidations()) {
            for (CellRangeAddress r : dv.getRegions().getCellRangeAddresses()) {
                if (r.isInRange(ref.getRow(), ref.getCol())) {
                    return dv;
                }
            }
        }
        return null;
    }

    @Test
    void validationsMatchTheFieldTypes() throws IOException {
        try (XSSFWorkbook wb = open(writer.toBytes(IoFixtures.highSchool(),
                ReturnData.empty()))) {
            assertThat(constraintOf(wb, "info.students").getValidationType())
                    .isEqualTo(ValidationType.INTEGER);
            assertThat(constraintOf(wb, "info.students").getFormula1()).isEqualTo("0");
            assertThat(constraintOf(wb, "funding.public").getFormula1())
                    .isEqualTo("AND(ISNUMBER(D4),D4>=0,ROUND(D4,4)=D4)");
            assertThat(constraintOf(wb, "afterschool.provided").getExplicitListValues())
                    .containsExactly("是", "否");
            assertThat(constraintOf(wb, "info.phone").getValidationType())
                    .isEqualTo(ValidationType.FORMULA);
            assertThat(constraintOf(wb, "info.head").getValidationType())
                    .isEqualTo(ValidationType.TEXT_LENGTH);
            XSSFDataValidation money = validationAt(wb, refOf(wb, "funding.public"));
            assertThat(money.getPromptBoxText()).isEqualTo(
                    "单位：万元。请填写不小于0的数，最多4位小数（精确到元），如12345元填1.2345。");
            assertThat(money.getErrorBoxTitle()).isEqualTo("填写有误");
        }
    }

    private org.apache.poi.ss.usermodel.DataValidationConstraint constraintOf(XSSFWorkbook wb,
            String fieldId) {
        return validationAt(wb, refOf(wb, fieldId)).getValidationConstraint();
    }

    private CellReference refOf(XSSFWorkbook wb, String fieldId) {
        return new CellReference(wb.getName(collection.getField(fieldId).definedName())
                .getRefersToFormula());
    }

    @Test
    void everyFormPagePrintsTheTablesFurnitureInItsHeaderAndFooter() throws IOException {
        try (XSSFWorkbook wb = open(writer.toBytes(IoFixtures.kindergarten(),
                ReturnData.empty()))) {
            org.apache.poi.xssf.usermodel.XSSFSheet info = wb.getSheet("学校基本情况");
            assertThat(info.getHeader().getRight()).contains("表　　号：教半1表", "制表机关：县教育局")
                    .doesNotContain("批准文号");
            assertThat(info.getFooter().getLeft()).contains("单位负责人：", "统计负责人：", "填表人：",
                    "报出日期：　　年　　月　　日");
            assertThat(info.getFooter().getRight()).contains("&P");
            assertThat(refOf(wb, "info.students").formatAsString()).as("the layout's cell")
                    .isEqualTo("学校基本情况!$D$12");
        }
    }

    @Test
    void fieldsThatDoNotApplyAreGreyLockedAndRefuseInput() throws IOException {
        try (XSSFWorkbook wb = open(writer.toBytes(IoFixtures.kindergarten(),
                ReturnData.empty()))) {
            CellReference ref = refOf(wb, "enrol.gaokao.sat");
            Cell c = cell(wb, ref);
            assertThat(c.getCellStyle().getLocked()).isTrue();
            assertThat(((org.apache.poi.xssf.usermodel.XSSFColor) c.getCellStyle()
                    .getFillForegroundColorColor()).getARGBHex()).isEqualTo("FFBFBFBF");
            XSSFDataValidation dv = validationAt(wb, ref);
            assertThat(dv.getValidationConstraint().getFormula1()).isEqualTo("LEN(D10)=0");
            assertThat(dv.getPromptBoxText()).isEqualTo("本校类型不填（幼儿园不填此项）。");
            assertThat(cell(wb, refOf(wb, "aid.preschool.persons")).getCellStyle().getLocked())
                    .isFalse();
        }
    }

    @Test
    void totalsAreFormulasOverTheirParts() throws IOException {
        try (XSSFWorkbook wb = open(writer.toBytes(IoFixtures.highSchool(),
                ReturnData.empty()))) {
            assertThat(cell(wb, refOf(wb, "aid.total.persons")).getCellFormula())
                    .isEqualTo("SUM(D4:D11)");
            assertThat(cell(wb, refOf(wb, "aid.total.amount")).getCellFormula())
                    .isEqualTo("SUM(E4:E11)");
        }
    }

    @Test
    void sheetsPrintOnA4FitToWidthWithRepeatedHeadersAndFrozenPanes() throws IOException {
        try (XSSFWorkbook wb = open(writer.toBytes(IoFixtures.highSchool(),
                ReturnData.empty()))) {
            for (Field f : List.of(collection.getField("info.students"))) {
                XSSFSheet s = wb.getSheet(collection.sheetOf(f).title());
                assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(s.getFitToPage()).isTrue();
                assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(s.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
                assertThat(s.getRepeatingRows()).hasToString(new CellRangeAddress(0, 2, -1, -1)
                        .toString());
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo(
                        (short) 3);
            }
        }
    }

    @Test
    void theCheckSheetListsBuiltInsThenEveryRuleWithALiveOrPendingStatus() throws IOException {
        try (XSSFWorkbook wb = open(writer.toBytes(IoFixtures.highSchool(),
                ReturnData.empty().withExplanation("afterschool.teachers_le_teachers",
                        "外聘课后服务教师5人")))) {
            XSSFSheet s = wb.getSheet("校验");
            List<String> ids = new ArrayList<>();
            int first = CheckSheetWriter.FIRST_LINE_ROW;
            for (int r = first; r < first + 2 + collection.rules().size(); r++) {
                ids.add(s.getRow(r).getCell(1).getStringCellValue());
                Cell status = s.getRow(r).getCell(CheckSheetWriter.STATUS_COL);
                String id = ids.get(ids.size() - 1);
                if (id.startsWith("change.")) {
                    assertThat(status.getStringCellValue()).as(id).isEqualTo("提交时校验");
                } else if (id.startsWith("outlier.")) {
                    assertThat(status.getStringCellValue()).as(id).isEqualTo("汇总时校验");
                } else {
                    assertThat(status.getCellFormula()).as(id).startsWith("IF(F" + (r + 1) + "=0,");
                }
            }
            List<String> expected = new ArrayList<>(List.of("required", "row.required"));
            collection.rules().forEach(r -> expected.add(r.id()));
            assertThat(ids).isEqualTo(expected);
            XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            assertThat(ev.evaluate(s.getRow(first + 2).getCell(3)).getStringValue())
                    .isEqualTo("专任教师数不能大于教职工数");
            CellReference x = new CellReference(wb.getName(
                    "X_afterschool_teachers_le_teachers").getRefersToFormula());
            assertThat(cell(wb, x).getStringCellValue()).isEqualTo("外聘课后服务教师5人");
        }
    }

    @Test
    void ruleMessagesShowFieldLabelsWhereValuesWouldBe() {
        assertThat(CheckSheetWriter.render("排查隐患{safety.hazards.found}项，已整改"
                + "{safety.hazards.fixed}项", collection))
                .isEqualTo("排查隐患〔排查安全隐患〕项，已整改〔已整改〕项");
        assertThat(CheckSheetWriter.render("获奖论文({research.papers.awarded}篇)不能多于参评论文", collection))
                .isEqualTo("获奖论文不能多于参评论文");
        assertThat(CheckSheetWriter.render("人均{=aid.x.amount / aid.x.persons}万元", collection))
                .isEqualTo("人均〔…〕万元");
    }

    @Test
    void sameInputsGiveTheSameBytesStampedWithThePeriodStart() throws IOException {
        ReturnData data = ReturnData.empty().with("info.students",
                org.huizong.engine.model.Value.of(812));
        byte[] first = writer.toBytes(IoFixtures.highSchool(), data);
        byte[] second = TemplateWriter.of(IoFixtures.collection(), IoFixtures.PERIOD)
                .toBytes(IoFixtures.highSchool(), data);

        assertThat(second).isEqualTo(first);
        Set<LocalDateTime> times = new HashSet<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                times.add(e.getTimeLocal());
            }
        }
        assertThat(times).containsExactly(LocalDateTime.of(2024, 1, 1, 0, 0));
        try (XSSFWorkbook wb = open(first)) {
            assertThat(wb.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(java.time.Instant.parse(
                            "2024-01-01T00:00:00Z")));
        }
        assertThat(TemplateWriter.of(collection, Period.parse("2024H2"))
                .toBytes(IoFixtures.highSchool(), data)).isNotEqualTo(first);
    }

    @Test
    void aSchoolOfAnotherTypeIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        Roster roster = new Roster(List.of(IoFixtures.highSchool(),
                new School("3134000099", "某大学", "大学", "城关镇", "公办")));

        assertThatThrownBy(() -> writer.writeAll(roster, dir.resolve("out")))
                .isInstanceOf(HuizongException.class)
                .hasMessage("学校 3134000099 某大学 的类型“大学”不是教育工作半年报表的学校类型（幼儿园、小学、初中、"
                        + "九年一贯制学校、完全中学、普通高中、中等职业学校、特殊教育学校）");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void fileNamesKeepCodeAndNameAndReplaceCharactersFileSystemsRefuse() {
        assertThat(TemplateWriter.fileName(new School("3134000001", "东城/西城 幼儿园", "幼儿园",
                "东城镇", "公办"))).isEqualTo("3134000001_东城_西城_幼儿园.xlsx");
        assertThat(TemplateWriter.explanationName("aid.hs_grant.per_person"))
                .isEqualTo("X_aid_hs_grant_per_person");
    }

    static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }
}

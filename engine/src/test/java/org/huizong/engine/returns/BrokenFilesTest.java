package org.huizong.engine.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.fixtures.ZipEdits;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of files a reader must refuse, each made here from a real template the way it
 * happens in the field, each with the exact message a school gets. None may crash the reader.
 */
class BrokenFilesTest {
    private static final String USE_TEMPLATE = "请使用教育局下发的原模板重新填写。";
    private final Collection collection = IoFixtures.collection();
    private final ReturnReader reader = ReturnReader.of(List.of(collection));
    private final byte[] template = TemplateWriter.of(collection, IoFixtures.PERIOD)
            .toBytes(IoFixtures.highSchool(), ReturnData.empty());

    private void refused(String file, byte[] content, String message) {
        assertThatThrownBy(() -> reader.read(file, content))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((UnreadableFileException) e).file()).isEqualTo(file));
    }

    @Test
    void textIsNotASpreadsheet() {
        refused("名单.txt", "学校,人数\n一中,300\n".getBytes(StandardCharsets.UTF_8),
                "文件 名单.txt 不是Excel工作簿，无法读取。请上传用教育局下发的模板填好后保存的 .xlsx 文件。");
        refused("empty.xlsx", new byte[0],
                "文件 empty.xlsx 不是Excel工作簿，无法读取。请上传用教育局下发的模板填好后保存的 .xlsx 文件。");
    }

    @Test
    void aZipThatIsNoWorkbookIsNotASpreadsheet() {
        byte[] docx = ZipEdits.rewrite(template, "[Content_Types].xml",
                x -> x.replace("spreadsheetml", "wordprocessingml"));

        refused("报告.docx", docx,
                "文件 报告.docx 不是Excel工作簿，无法读取。请上传用教育局下发的模板填好后保存的 .xlsx 文件。");
    }

    @Test
    void anOle2FileThatIsNoWorkbookIsNotASpreadsheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }

        refused("报告.doc", out.toByteArray(),
                "文件 报告.doc 不是Excel工作簿，无法读取。请上传用教育局下发的模板填好后保存的 .xlsx 文件。");
    }

    @Test
    void aTruncatedUploadIsDamaged() {
        refused("半截.xlsx", Arrays.copyOf(template, template.length / 2),
                "文件 半截.xlsx 已损坏或不完整，无法打开。请在Excel中重新打开并保存后再上传。");
    }

    @Test
    void aPasswordProtectedWorkbookIsEncrypted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("mima123");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(template));
                    OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            fs.writeFilesystem(out);
        }

        refused("加密.xlsx", out.toByteArray(),
                "文件 加密.xlsx 设置了打开密码（已加密），无法读取。请在Excel中取消打开密码后重新保存再上传。");
    }

    @Test
    void aMacroEnabledWorkbookIsRefusedByItsProjectOrItsContentType() {
        String message = "文件 宏.xlsm 是含有宏的工作簿，为安全起见不予读取。请另存为“Excel工作簿(*.xlsx)”后再上传。";
        byte[] withProject = ZipEdits.add(template, "xl/vbaProject.bin", new byte[] {1, 2, 3});
        byte[] withType = ZipEdits.rewrite(template, "[Content_Types].xml", x -> x.replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));

        refused("宏.xlsm", withProject, message);
        refused("宏.xlsm", withType, message);
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() {
        byte[] padding = new byte[48 * 1024 * 1024];
        Arrays.fill(padding, (byte) ' ');
        String spaces = new String(padding, StandardCharsets.US_ASCII);
        byte[] bomb = ZipEdits.rewrite(template, "xl/worksheets/sheet2.xml",
                x -> x.replace("</worksheet>", spaces + "</worksheet>"));

        assertThat(bomb.length).isLessThan(1024 * 1024);
        refused("炸弹.xlsx", bomb,
                "文件 炸弹.xlsx 解压后异常巨大（疑似压缩炸弹），为安全起见不予读取。请上传由报表模板填写保存的原文件。");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.xlsx");
        Files.write(big, new byte[21 * 1024 * 1024]);

        assertThatThrownBy(() -> reader.read(big)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件 big.xlsx 大小为21 MB，超过上限20 MB，不予读取。请确认上传的是本校填好的报表文件。");
        assertThatThrownBy(() -> reader.withSizeLimit(10_000).read("t.xlsx", template))
                .hasMessage("文件 t.xlsx 大小为" + (template.length + 1023) / 1024
                        + " KB，超过上限10 KB，不予读取。请确认上传的是本校填好的报表文件。");
        assertThatThrownBy(() -> reader.withSizeLimit(10_000).read("t.xlsx",
                new ByteArrayInputStream(template)))
                .hasMessage("文件 t.xlsx 超过大小上限10 KB，不予读取。请确认上传的是本校填好的报表文件。");
    }

    @Test
    void aDeviceAPipeOrAFolderIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws Exception {
        Path zero = Files.createSymbolicLink(dir.resolve("零.xlsx"), Path.of("/dev/zero"));
        Path folder = Files.createDirectories(dir.resolve("文件夹.xlsx"));
        Path pipe = dir.resolve("管道.xlsx");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

        for (Path p : List.of(zero, folder, pipe)) {
            String name = p.getFileName().toString();
            assertThatThrownBy(() -> reader.read(p)).isInstanceOf(UnreadableFileException.class)
                    .hasMessage("文件 " + name + " 不是普通文件（是文件夹、设备或管道），不予读取。请选择填好的报表文件。");
        }
    }

    @Test
    void aDeletedSheetIsAnAlteredStructure() throws IOException {
        byte[] b = edit(wb -> wb.removeSheetAt(wb.getSheetIndex("学生资助")));

        refused("删表.xlsx", b, "文件 删表.xlsx 的模板结构被修改：缺少工作表 学生资助，无法读取。" + USE_TEMPLATE
                + "不要删除、重命名工作表，不要删除行列。");
    }

    @Test
    void aRemovedNameIsAnAlteredStructure() throws IOException {
        byte[] b = edit(wb -> {
            wb.removeName(wb.getName("F_aid_unique"));
            wb.removeName(wb.getName("T_projects_budget"));
        });

        refused("删名.xlsx", b, "文件 删名.xlsx 的模板结构被修改：缺少名称 F_aid_unique（学生资助）、"
                + "T_projects_budget（项目建设），无法读取。" + USE_TEMPLATE + "不要删除、重命名工作表，不要删除行列。");
    }

    @Test
    void aNamePointingAtDeletedCellsIsAnAlteredStructure() {
        byte[] b = ZipEdits.rewrite(template, "xl/workbook.xml", x -> x.replace(
                "'学生资助'!$D$13</definedName>", "#REF!</definedName>"));

        refused("坏名.xlsx", b, "文件 坏名.xlsx 的模板结构被修改：缺少名称 F_aid_unique（学生资助），无法读取。"
                + USE_TEMPLATE + "不要删除、重命名工作表，不要删除行列。");
    }

    @Test
    void aWorkbookWithoutMetaIsNoTemplate() throws IOException {
        byte[] b = edit(wb -> wb.removeSheetAt(wb.getSheetIndex("_meta")));

        refused("自制.xlsx", b, "文件 自制.xlsx 不是本系统生成的报表模板（没有模板标识信息），无法读取。" + USE_TEMPLATE);
    }

    @Test
    void anotherCollectionIsRefused() throws IOException {
        byte[] b = edit(wb -> wb.getSheet("_meta").getRow(0).getCell(1).setCellValue("edu-annual"));

        refused("年报.xlsx", b, "文件 年报.xlsx 是报表“edu-annual”的模板，本系统不收取这种报表（可收取：教育工作半年报表）。");
    }

    @Test
    void anotherVersionIsRefusedNamingWhatTheCurrentVersionChanged() throws IOException {
        Collection v2 = new Collection(collection.id(), collection.title(), 2,
                collection.schoolTypes(), collection.groups(), collection.sheets(),
                collection.rules(), collection.indicators());
        Field students = collection.getField("info.students");
        // The old template lacks a field the current version has, and has one it dropped.
        byte[] old = edit(wb -> {
            wb.removeName(wb.getName(students.definedName()));
            wb.createName().setNameName("F_info_retired");
            wb.getName("F_info_retired").setRefersToFormula("'_meta'!$B$1");
        });

        assertThatThrownBy(() -> ReturnReader.of(v2).read("旧版.xlsx", old))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件 旧版.xlsx 是教育工作半年报表第1版的模板，现行为第2版（现行版填报项目新增1项（"
                        + students.label() + "），取消1项），无法读取。请下载新模板重新填写。");
    }

    @Test
    void anotherVersionIsRefused() {
        Collection v2 = new Collection(collection.id(), collection.title(), 2,
                collection.schoolTypes(), collection.groups(), collection.sheets(),
                collection.rules(), collection.indicators());

        assertThatThrownBy(() -> ReturnReader.of(v2).read("旧版.xlsx", template))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件 旧版.xlsx 是教育工作半年报表第1版的模板，现行为第2版，无法读取。请下载新模板重新填写。");
    }

    @Test
    void anotherStructureHashIsRefused() throws IOException {
        byte[] b = edit(wb -> wb.getSheet("_meta").getRow(4).getCell(1)
                .setCellValue("0123456789abcdef"));

        refused("改版.xlsx", b, "文件 改版.xlsx 的模板结构与教育工作半年报表第1版不一致（结构校验码 0123456789abcdef，应为 "
                + collection.structureHash() + "），无法读取。" + USE_TEMPLATE);
    }

    @Test
    void anotherPeriodIsRefusedWhenAPeriodIsExpected(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("去年.xlsx");
        Files.write(old, TemplateWriter.of(collection, Period.parse("2023H2"))
                .toBytes(IoFixtures.highSchool(), ReturnData.empty()));
        String message = "文件 去年.xlsx 是2023年下半年的报表，本次收取2024年上半年的报表，无法读取。请确认上传的是本期报表。";

        assertThatThrownBy(() -> reader.read(old, IoFixtures.PERIOD)).hasMessage(message);
        assertThatThrownBy(() -> reader.expecting(IoFixtures.PERIOD).read(old))
                .isInstanceOf(UnreadableFileException.class).hasMessage(message);
        assertThat(reader.read(old).meta().period()).isEqualTo(Period.parse("2023H2"));
    }

    @Test
    void aMissingFileIsUnreadableNotACrash(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.read(dir.resolve("没有.xlsx")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("无法读取文件 没有.xlsx：找不到该文件");
    }

    private byte[] edit(Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}

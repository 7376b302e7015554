package org.huizong.engine.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterReaderTest {
    private final RosterReader reader = RosterReader.of(IoFixtures.collection());
    private static final String HEADER = "code,name,type,township,ownership\n";

    @Test
    void theDemoRosterHas61Schools() {
        Roster roster = reader.read(IoFixtures.DEMO_ROSTER);

        assertThat(roster.size()).isEqualTo(61);
        assertThat(roster.schools().get(0)).isEqualTo(new School("3134000001", "东城镇中心幼儿园",
                "幼儿园", "东城镇", "公办"));
    }

    @Test
    void utf8WithByteOrderMarkGbkAndChineseHeadersReadAlike() {
        String csv = "学校名称,学校标识码,学校类型,所在乡镇,办学性质,备注\n"
                + "城关第一中学,3134000050,完全中学,城关镇,公办,\n"
                + "\"阳光幼儿园, 分园\",3134000051,幼儿园,城关镇,民办,新增\n";
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));

        List<Roster> rosters = List.of(reader.read("a.csv", utf8), reader.read("b.csv", bom),
                reader.read("c.csv", gbk));

        for (Roster r : rosters) {
            assertThat(r.schools()).containsExactly(
                    new School("3134000050", "城关第一中学", "完全中学", "城关镇", "公办"),
                    new School("3134000051", "阳光幼儿园, 分园", "幼儿园", "城关镇", "民办"));
        }
    }

    @Test
    void everyBadRowIsReportedByLineTogether() {
        String csv = HEADER
                + "3134000001,东城镇中心幼儿园,幼儿园,东城镇,公办\n"
                + "313400002,西河小学,小学,西河镇,公办\n"
                + "\n"
                + "3134000003,某大学,大学,南山镇,公立\n"
                + "3134000001,重复学校,小学,东城镇,公办\n"
                + "3134000005,,小学,,民办\n";

        assertThatThrownBy(() -> reader.read("schools.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RosterException.class)
                .hasMessage("学校名单 schools.csv 有4处错误，未生成任何文件：\n"
                        + "schools.csv 第3行：学校标识码“313400002”应为10位数字\n"
                        + "schools.csv 第5行：学校类型“大学”不是教育工作半年报表的学校类型（幼儿园、小学、初中、"
                        + "九年一贯制学校、完全中学、普通高中、中等职业学校、特殊教育学校）；办学性质“公立”应为公办或民办\n"
                        + "schools.csv 第6行：学校标识码 3134000001 与第2行重复\n"
                        + "schools.csv 第7行：缺少学校名称；缺少所在乡镇")
                .satisfies(e -> assertThat(((RosterException) e).problems()).hasSize(4));
    }

    @Test
    void aCitysRosterListsItsCountiesByTheCodesTheirBooksCarry() {
        String csv = "code,name,type,township,ownership\n"
                + "313400,示范县教育局,汇总单位,示范县,公办\n"
                + "341522000001,另一县教育局,汇总单位,另一县,公办\n";
        RosterReader units = reader.withUnits();
        Roster r = units.read("counties.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.schools()).extracting(School::code, School::isUnit)
                .containsExactly(tuple("313400", true), tuple("341522000001", true));

        String bad = "code,name,type,township,ownership\n"
                + "31340,短县,汇总单位,短县,公办\n"
                + "313400,示范县教育局,小学,示范县,公办\n"
                + "313401,某县教育局,县教育局,某县,公办\n";
        assertThatThrownBy(() -> units.read("counties.csv", bad.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("学校名单 counties.csv 有3处错误，未生成任何文件：\n"
                        + "counties.csv 第2行：汇总单位代码“31340”应为6到12位数字\n"
                        + "counties.csv 第3行：学校标识码“313400”应为10位数字\n"
                        + "counties.csv 第4行：学校标识码“313401”应为10位数字；学校类型“县教育局”不是教育工作半年报表的"
                        + "学校类型（幼儿园、小学、初中、九年一贯制学校、完全中学、普通高中、中等职业学校、特殊教育学校；"
                        + "汇总各县区的汇总表时填“汇总单位”）");
        assertThatThrownBy(() -> reader.read("counties.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .as("a school roster (templates, the server) takes no units")
                .hasMessageContaining("第2行：学校类型“汇总单位”不是教育工作半年报表的学校类型");
    }

    @Test
    void aMissingHeaderColumnIsReportedOnLineOne() {
        assertThatThrownBy(() -> reader.read("s.csv",
                "code,name,type\n3134000001,甲,小学\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RosterException.class)
                .hasMessage("学校名单 s.csv 有1处错误，未生成任何文件：\n"
                        + "s.csv 第1行：表头应为 code,name,type,township,ownership（或 学校标识码,学校名称,"
                        + "学校类型,所在乡镇,办学性质），缺少 township,ownership");
    }

    @Test
    void anXlsxRosterReadsWithCodesTypedAsNumbers(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("名单");
            String[][] rows = {{"学校标识码", "学校名称", "学校类型", "所在乡镇", "办学性质"},
                {null, "城关第一中学", "完全中学", "城关镇", "公办"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < 5; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            s.getRow(1).createCell(0).setCellValue(3134000050d);
            wb.write(out);
        }
        Path file = dir.resolve("schools.xlsx");
        Files.write(file, out.toByteArray());

        assertThat(reader.read(file).schools()).containsExactly(
                new School("3134000050", "城关第一中学", "完全中学", "城关镇", "公办"));
    }

    @Test
    void theOptionalContactColumnsAreReadByCodeAndLeaveTheSchoolsAlone() {
        byte[] csv = ("学校标识码,学校名称,学校类型,所在乡镇,办学性质,联系人,联系电话\n"
                + "3134000050,城关第一中学,完全中学,城关镇,公办,王老师,13800000001\n"
                + "3134000051,阳光幼儿园,幼儿园,城关镇,民办,,\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(reader.read("s.csv", csv).schools()).hasSize(2);
        assertThat(reader.contacts("s.csv", csv)).containsExactly(java.util.Map.entry(
                "3134000050", new RosterReader.Contact("王老师", "13800000001")));
        assertThat(reader.contacts("t.csv", (HEADER + "3134000050,甲,完全中学,城关镇,公办\n")
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}

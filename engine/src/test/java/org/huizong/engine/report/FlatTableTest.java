package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Flat tables through fastexcel, read back with POI; CSV as Excel in China opens it. */
class FlatTableTest {
    private final FlatTable table = FlatTable.of("报送情况", List.of("学校标识码", "学校名称", "版本",
            "金额"), List.of(Arrays.asList("3134000001", "东城镇中心幼儿园", 2,
                    new BigDecimal("12.3456")),
                    Arrays.asList("3134000002", "西河小学, \"新\"校区", null, null)))
            .titled("示范县报送情况");

    @Test
    void anXlsxHasTitleHeaderValuesAndPrintsOnA4WithTheHeaderRepeated() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(table.toXlsx()))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(wb.getSheetName(0)).isEqualTo("报送情况");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("示范县报送情况");
            assertThat(s.getMergedRegions()).as("the title spans the table").anySatisfy(r -> {
                assertThat(r.getFirstRow()).isZero();
                assertThat(r.getLastColumn()).isEqualTo(3);
            });
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("学校名称");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("3134000001");
            assertThat(s.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(s.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(12.3456);
            assertThat(s.getRow(3).getCell(1).getStringCellValue()).isEqualTo("西河小学, \"新\"校区");
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(s.getRepeatingRows().formatAsString()).isEqualTo("1:2");
            assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(s.getRow(2).getCell(0).getCellStyle().getBorderTop().getCode())
                    .as("cells have borders").isPositive();
            assertThat(s.getColumnWidth(1)).as("fitted to 东城镇中心幼儿园")
                    .isGreaterThan(s.getColumnWidth(2));
        }
    }

    @Test
    void withoutATitleTheHeaderIsTheFirstRowFrozenAndRepeated() throws Exception {
        FlatTable plain = FlatTable.of("报送情况", table.header(), table.rows());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(plain.toXlsx()))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学校标识码");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("东城镇中心幼儿园");
            assertThat(s.getLastRowNum()).isEqualTo(2);
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(s.getRepeatingRows().formatAsString()).isEqualTo("1:1");
        }
    }

    @Test
    void theSameTableGivesTheSameBytes() {
        assertThat(table.toXlsx()).isEqualTo(table.toXlsx());
    }

    @Test
    void aCsvIsUtf8WithAByteOrderMarkAndQuotesWhatNeedsIt() {
        String csv = new String(table.toCsv(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF学校标识码,学校名称,版本,金额\r\n"
                + "3134000001,东城镇中心幼儿园,2,12.3456\r\n"
                + "3134000002,\"西河小学, \"\"新\"\"校区\",,\r\n");
    }
}

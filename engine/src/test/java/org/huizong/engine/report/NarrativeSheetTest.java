package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huizong.engine.report.ReportWriterTest.CLOCK;
import static org.huizong.engine.report.ReportWriterTest.consolidation;
import static org.huizong.engine.report.ReportWriterTest.open;
import static org.huizong.engine.report.ReportWriterTest.submissions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Fixtures;
import org.huizong.engine.narrative.Paragraph;
import org.junit.jupiter.api.Test;

/** 总结's rows are as high as their wrapped text, no blank lines between paragraphs. */
class NarrativeSheetTest {

    @Test
    void aParagraphsRowIsAsHighAsItsLinesAtTheColumnsWidth() {
        // 30 CJK characters fill a line of 70 width units; 31 start a second
        assertThat(NarrativeSheet.height("字".repeat(30))).isEqualTo(21f);
        assertThat(NarrativeSheet.height("字".repeat(31))).isEqualTo(38f);
        // digits are half as wide: 60 of them fill a line
        assertThat(NarrativeSheet.height("1".repeat(60))).isEqualTo(21f);
        assertThat(NarrativeSheet.height("字".repeat(300))).isEqualTo(17f * 10 + 4);
    }

    @Test
    void theParagraphsStandAtTheTopOfTheirRowsSizedFromTheirText() throws IOException {
        List<Paragraph> paragraphs = List.of(new Paragraph("（一）短。", "（一）短。一行。"),
                new Paragraph("", "　" + "全县学校".repeat(40)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.of(Fixtures.edu(), CLOCK).write(consolidation(submissions(2), false),
                paragraphs, out);
        try (XSSFWorkbook wb = open(out.toByteArray())) {
            Row first = wb.getSheet("总结").getRow(2);
            Row second = wb.getSheet("总结").getRow(3);
            assertThat(first.getHeightInPoints()).isEqualTo(21f);
            // 2 + 1 + 160 CJK characters: 6 lines of 30
            assertThat(second.getHeightInPoints()).isEqualTo(17f * 6 + 4);
            assertThat(second.getCell(0).getCellStyle().getVerticalAlignment())
                    .isEqualTo(VerticalAlignment.TOP);
        }
    }
}

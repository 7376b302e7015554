package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PlainSharedStringsTest {
    /** Texts POI merges, or must keep apart, in ways a key by text could get wrong. */
    private static final List<String> TEXTS = List.of("学校明细", "学校明细", " 前导空格", "前导空格",
            "尾随空格 ", "a?", "a\u0001", "a\u0002", "a\uFFFE", "\u001Ca", "?a", "tab\there",
            "tab\there", "line\nbreak", "cr\rlf", "<&>\"'", "<&>\"'", "\u00A0", "𠀀", "𠀀",
            "\uD800", "", "1", "1.0");

    @Test
    void mergesAndOrdersStringsAsPoisTableDoes() throws IOException {
        try (XSSFWorkbook ours = PlainSharedStrings.workbook();
                XSSFWorkbook pois = new XSSFWorkbook()) {
            assertThat(ours.getSharedStringSource()).isInstanceOf(PlainSharedStrings.class);
            assertThat(pois.getSharedStringSource()).isNotInstanceOf(PlainSharedStrings.class);
            List<XSSFRichTextString> strings = new ArrayList<>();
            for (String t : TEXTS) {
                strings.add(new XSSFRichTextString(t));
            }
            Random random = new Random(7);
            for (int i = 0; i < 2_000; i++) {
                strings.add(new XSSFRichTextString(TEXTS.get(random.nextInt(TEXTS.size()))
                        + random.nextInt(50)));
            }
            assertSame(add(ours, strings, true), add(pois, strings, false));
        }
    }

    @Test
    void keepsARichStringApartFromThePlainOneWithItsText() throws IOException {
        try (XSSFWorkbook ours = PlainSharedStrings.workbook();
                XSSFWorkbook pois = new XSSFWorkbook()) {
            Added a = add(ours, List.of(new XSSFRichTextString("（一）标题。正文")), true);
            Added b = add(pois, List.of(new XSSFRichTextString("（一）标题。正文")), false);
            a.indexes.add(rich(ours, "（一）标题。正文"));
            b.indexes.add(rich(pois, "（一）标题。正文"));
            a.indexes.add(rich(ours, "（一）标题。正文"));
            b.indexes.add(rich(pois, "（一）标题。正文"));
            assertThat(a.indexes).containsExactly(0, 1, 1);
            assertSame(a, b);
        }
    }

    private record Added(SharedStringsTable table, List<Integer> indexes) {
    }

    private static Added add(XSSFWorkbook wb, List<XSSFRichTextString> strings, boolean ours) {
        SharedStringsTable table = wb.getSharedStringSource();
        List<Integer> indexes = new ArrayList<>();
        for (XSSFRichTextString s : strings) {
            // a copy for each table: a table keeps the string it is given
            indexes.add(table.addSharedStringItem(new XSSFRichTextString(s.getString())));
        }
        assertThat(table instanceof PlainSharedStrings).isEqualTo(ours);
        return new Added(table, indexes);
    }

    /** The narrative's form: a bold heading run in a 12-point paragraph. */
    private static int rich(XSSFWorkbook wb, String text) {
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        XSSFRichTextString s = new XSSFRichTextString(text);
        s.applyFont(0, 4, bold);
        return wb.getSharedStringSource().addSharedStringItem(s);
    }

    private static void assertSame(Added ours, Added pois) throws IOException {
        assertThat(ours.indexes).isEqualTo(pois.indexes);
        assertThat(ours.table.getCount()).isEqualTo(pois.table.getCount());
        assertThat(ours.table.getUniqueCount()).isEqualTo(pois.table.getUniqueCount());
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ours.table.writeTo(a);
        pois.table.writeTo(b);
        assertThat(a.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(b.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}

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

    @Test
    void writesTheBytesPoisTableWritesForAnyMixOfTexts() throws IOException {
        String alphabet = "ab 学校\t\n\r&<>]\"'?\u0001\u0085\u00A0\u2028\u3000\uFFFE\uD800\uDC00";
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            try (XSSFWorkbook ours = PlainSharedStrings.workbook();
                    XSSFWorkbook pois = new XSSFWorkbook()) {
                List<XSSFRichTextString> strings = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    StringBuilder t = new StringBuilder();
                    for (int n = random.nextInt(6); n > 0; n--) {
                        t.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    strings.add(new XSSFRichTextString(t.toString()));
                }
                Added a = add(ours, strings, true);
                Added b = add(pois, strings, false);
                for (int i = 0; i < 3; i++) {
                    String text = "（" + random.nextInt(4) + "）标题 & <正文>";
                    a.indexes.add(rich(ours, text));
                    b.indexes.add(rich(pois, text));
                }
                assertSame(a, b);
            }
        }
    }

    @Test
    void writesAnEmptyTableAsPoiDoes() throws IOException {
        try (XSSFWorkbook ours = PlainSharedStrings.workbook();
                XSSFWorkbook pois = new XSSFWorkbook()) {
            assertSame(add(ours, List.of(), true), add(pois, List.of(), false));
        }
    }

    @Test
    void givesBackTheStringsItHolds() throws IOException {
        try (XSSFWorkbook ours = PlainSharedStrings.workbook()) {
            Added a = add(ours, List.of(new XSSFRichTextString("学校明细"),
                    new XSSFRichTextString("a?")), true);
            rich(ours, "（一）标题。正文");
            assertThat(a.table.getItemAt(0).getString()).isEqualTo("学校明细");
            assertThat(a.table.getItemAt(1).getString()).isEqualTo("a?");
            assertThat(a.table.getSharedStringItems()).extracting(r -> r.getString())
                    .containsExactly("学校明细", "a?", "（一）标题。正文");
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

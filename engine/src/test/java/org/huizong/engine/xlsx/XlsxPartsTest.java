package org.huizong.engine.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.fixtures.ZipEdits;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Value;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.junit.jupiter.api.Test;

/**
 * The .xlsx read path below the reader, on parts written the ways spreadsheet programs and
 * scripts write them: worksheets ({@link SheetCells}), shared strings ({@link SharedStrings}),
 * shared formulas ({@link SharedFormula}), defined names ({@link NamedArea}) and the zip
 * ({@link ZipGuard}).
 */
class XlsxPartsTest {
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static Map<CellPos, RawCell> cells(String sheetData, SharedStrings strings,
            CellPos... wanted) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + NS
                + "\"><dimension ref=\"A1\"/><sheetData>" + sheetData + "</sheetData>"
                + "<pageMargins left=\"0.7\"/></worksheet>";
        return SheetCells.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                new LinkedHashSet<>(List.of(wanted)), strings);
    }

    private static SharedStrings strings(String items) {
        return SharedStrings.of(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<sst xmlns=\"" + NS + "\" count=\"9\">" + items + "</sst>")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsAndCellsWithoutAnAddressFollowTheOneBefore() throws Exception {
        Map<CellPos, RawCell> read = cells("<row><c><v>1</v></c><c><v>2</v></c></row>"
                + "<row r=\"3\"><c r=\"C3\"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c>"
                + "</row>", SharedStrings.none(), new CellPos(0, 1), new CellPos(2, 3),
                new CellPos(3, 0));

        assertThat(read).containsEntry(new CellPos(0, 1), RawCell.of(RawCell.Kind.NUMBER, "2"))
                .containsEntry(new CellPos(2, 3), RawCell.of(RawCell.Kind.NUMBER, "4"))
                .containsEntry(new CellPos(3, 0), RawCell.of(RawCell.Kind.NUMBER, "5"));
    }

    @Test
    void everyCellTypeReadsAsStored() throws Exception {
        Map<CellPos, RawCell> read = cells("<row r=\"1\">"
                + "<c r=\"A1\" t=\"s\"><v>1</v></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><r><t>行内</t></r><r><rPr><b/></rPr>"
                + "<t xml:space=\"preserve\"> 文字</t></r><rPh sb=\"0\" eb=\"1\"><t>ぎょう</t></rPh>"
                + "</is></c>"
                + "<c r=\"C1\" t=\"b\"><v>1</v></c>"
                + "<c r=\"D1\" t=\"e\"><v>#DIV/0!</v></c>"
                + "<c r=\"E1\" t=\"str\"><f>\"甲\"&amp;\"乙\"</f><v>甲乙</v></c>"
                + "<c r=\"F1\"><f>A1+1</f></c>"
                + "<c r=\"G1\" s=\"3\"/>"
                + "<c r=\"H1\"><v>1.5E-3</v></c>"
                + "</row>", strings("<si><t>零</t></si><si><t>一 &amp; &#19968;</t></si>"),
                new CellPos(0, 0), new CellPos(0, 1), new CellPos(0, 2), new CellPos(0, 3),
                new CellPos(0, 4),
                new CellPos(0, 5), new CellPos(0, 6), new CellPos(0, 7), new CellPos(0, 8));

        assertThat(read.get(new CellPos(0, 0))).isEqualTo(RawCell.of(RawCell.Kind.TEXT, "一 & 一"));
        assertThat(read.get(new CellPos(0, 1))).isEqualTo(RawCell.of(RawCell.Kind.TEXT, "行内 文字"));
        assertThat(read.get(new CellPos(0, 2))).isEqualTo(RawCell.of(RawCell.Kind.BOOLEAN, "TRUE"));
        assertThat(read.get(new CellPos(0, 3)))
                .isEqualTo(RawCell.of(RawCell.Kind.ERROR, "#DIV/0!"));
        assertThat(read.get(new CellPos(0, 4))).isEqualTo(
                new RawCell(RawCell.Kind.TEXT, "甲乙", Optional.of("\"甲\"&\"乙\"")));
        assertThat(read.get(new CellPos(0, 5))).isEqualTo(
                new RawCell(RawCell.Kind.BLANK, "", Optional.of("A1+1")));
        assertThat(read.get(new CellPos(0, 6))).isEqualTo(RawCell.BLANK);
        assertThat(read.get(new CellPos(0, 7)))
                .isEqualTo(RawCell.of(RawCell.Kind.NUMBER, "1.5E-3"));
        assertThat(read).doesNotContainKey(new CellPos(0, 8));
    }

    @Test
    void sharedAndArrayFormulasReachEveryCellOfTheirRange() throws Exception {
        Map<CellPos, RawCell> read = cells("<row r=\"3\"><c r=\"A3\"><v>1</v></c>"
                + "<c r=\"D3\"><f t=\"shared\" ref=\"D3:D5\" si=\"0\">B3+$C$3+'Q''s'!B3</f>"
                + "<v>2</v></c><c r=\"E3\"><f t=\"array\" ref=\"E3:E4\">SUM(B3:C3*2)</f><v>4</v>"
                + "</c></row><row r=\"5\"><c r=\"D5\"><f t=\"shared\" si=\"0\"/><v>6</v></c>"
                + "</row><row r=\"4\"><c r=\"E4\"><v>5</v></c></row>",
                SharedStrings.none(), new CellPos(4, 3), new CellPos(3, 4));

        assertThat(read.get(new CellPos(4, 3))).isEqualTo(
                new RawCell(RawCell.Kind.NUMBER, "6", Optional.of("B5+$C$3+'Q''s'!B5")));
        assertThat(read.get(new CellPos(3, 4))).isEqualTo(
                new RawCell(RawCell.Kind.NUMBER, "5", Optional.of("SUM(B3:C3*2)")));
    }

    @Test
    void nothingPastTheLastWantedRowIsParsed() throws Exception {
        Map<CellPos, RawCell> read = cells("<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"b\"><v>not a boolean</v></c></row>",
                SharedStrings.none(), new CellPos(0, 0));

        assertThat(read).containsOnly(Map.entry(new CellPos(0, 0),
                RawCell.of(RawCell.Kind.NUMBER, "7")));
    }

    @Test
    void cellAddressesReadInEveryCaseWithDollarsAndSpaceAroundAndBadOnesAreRefused()
            throws Exception {
        Map<CellPos, RawCell> read = cells("<row r=\" 2 \"><c r=\"b2\"><v>1</v></c>"
                + "<c r=\" $AA$2\t\"><v>2</v></c><c r=\"XFD2\"><v>3</v></c></row>",
                SharedStrings.none(), new CellPos(1, 1), new CellPos(1, 26),
                new CellPos(1, 16_383));
        assertThat(read).containsEntry(new CellPos(1, 1), RawCell.of(RawCell.Kind.NUMBER, "1"))
                .containsEntry(new CellPos(1, 26), RawCell.of(RawCell.Kind.NUMBER, "2"))
                .containsEntry(new CellPos(1, 16_383), RawCell.of(RawCell.Kind.NUMBER, "3"));
        for (String bad : List.of("", " ", "12", "ABCD1", "€1")) {
            assertThatThrownBy(() -> cells("<row r=\"1\"><c r=\"" + bad + "\"><v>1</v></c></row>",
                    SharedStrings.none(), new CellPos(0, 0))).as("r=\"%s\"", bad)
                    .isInstanceOf(javax.xml.stream.XMLStreamException.class);
        }
        for (String bad : List.of("", "x", "1.5", "99999999999")) {
            assertThatThrownBy(() -> cells("<row r=\"" + bad + "\"><c><v>1</v></c></row>",
                    SharedStrings.none(), new CellPos(0, 0))).as("row r=\"%s\"", bad)
                    .isInstanceOf(javax.xml.stream.XMLStreamException.class);
        }
    }

    @Test
    void aCellContradictingItsTypeIsRefusedAtItsPlace() {
        assertBadCell("<row r=\"1\"><c r=\"A1\"><v>abc</v></c></row>", SharedStrings.none(),
                "数字单元格存的是“abc”");
        assertBadCell("<row r=\"1\"><c r=\"A1\"><v>1E999999999</v></c></row>",
                SharedStrings.none(), "数字单元格存的“1E999999999”超出任何表格程序的范围");
        assertBadCell("<row r=\"1\"><c r=\"A1\"><v>1x" + "9".repeat(100_000) + "</v></c></row>",
                SharedStrings.none(), "数字单元格存的是100002个字符的“1x999999999999999999…”");
        assertBadCell("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>",
                strings("<si><t>a</t></si>"), "共享字符串第5项不存在（共1项）");
        assertBadCell("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>x</v></c></row>",
                strings("<si><t>a</t></si>"), "共享字符串序号“x”不是数字");
        assertBadCell("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>7</v></c></row>",
                SharedStrings.none(), "逻辑值单元格存的是“7”");
        assertBadCell("<row r=\"1\"><c r=\"A1\" t=\"x\"><v>1</v></c></row>",
                SharedStrings.none(), "单元格类型“x”无法识别");
    }

    private void assertBadCell(String rows, SharedStrings strings, String problem) {
        assertThatThrownBy(() -> cells(rows, strings, new CellPos(0, 0)))
                .isInstanceOf(SheetCells.BadCellException.class).hasMessage(problem)
                .satisfies(e -> assertThat(((SheetCells.BadCellException) e).cell())
                        .isEqualTo(new CellPos(0, 0)));
    }

    @Test
    void aWorksheetWithPrefixedElementsReadsTheSame() throws Exception {
        String xml = "<x:worksheet xmlns:x=\"" + NS + "\"><x:sheetData><x:row r=\"2\">"
                + "<x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>前缀</x:t></x:is></x:c></x:row>"
                + "</x:sheetData></x:worksheet>";

        Map<CellPos, RawCell> read = SheetCells.read(new ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8)), Set.of(new CellPos(1, 1)),
                SharedStrings.none());

        assertThat(read.get(new CellPos(1, 1))).isEqualTo(RawCell.of(RawCell.Kind.TEXT, "前缀"));
    }

    @Test
    void everyWorksheetOfAFilledReturnReadsAlikeInMemoryAndStreamed() throws Exception {
        Collection c = IoFixtures.collection();
        byte[] filled = TemplateWriter.of(c, IoFixtures.PERIOD).toBytes(IoFixtures.highSchool(),
                IoFixtures.fullData(c, IoFixtures.highSchool()));
        SharedStrings strings = SharedStrings.of(ZipEdits.read(filled, "xl/sharedStrings.xml")
                .getBytes(StandardCharsets.UTF_8));
        Set<CellPos> all = new LinkedHashSet<>();
        for (int row = 0; row < 80; row++) {
            for (int column = 0; column < 12; column++) {
                all.add(new CellPos(row, column));
            }
        }
        for (int i = 1; i <= 12; i++) {
            byte[] sheet = ZipEdits.read(filled, "xl/worksheets/sheet" + i + ".xml")
                    .getBytes(StandardCharsets.UTF_8);
            int events = walk(sheet);

            Map<CellPos, RawCell> fromBytes = SheetCells.read(sheet, all, strings);
            Map<CellPos, RawCell> withStax = SheetCells.read(new ByteArrayInputStream(sheet), all,
                    strings);

            assertThat(events).as("sheet%d", i).isGreaterThan(10);
            assertThat(fromBytes).as("sheet%d", i).isNotEmpty().isEqualTo(withStax);
        }
    }

    /**
     * A sheet rewritten the many ways XML allows and other programs write (single quotes,
     * spaces inside tags, comments, CDATA, character references, attributes in another order or
     * unknown ones) reads the same in memory as streamed.
     */
    @Test
    void everyWayOfWritingASheetReadsAlikeInMemoryAndStreamed() throws Exception {
        Collection c = IoFixtures.collection();
        byte[] filled = TemplateWriter.of(c, IoFixtures.PERIOD).toBytes(IoFixtures.highSchool(),
                IoFixtures.fullData(c, IoFixtures.highSchool()));
        SharedStrings strings = SharedStrings.of(ZipEdits.read(filled, "xl/sharedStrings.xml")
                .getBytes(StandardCharsets.UTF_8));
        String sheet = ZipEdits.read(filled, "xl/worksheets/sheet2.xml");
        Set<CellPos> all = new LinkedHashSet<>();
        for (int row = 0; row < 40; row++) {
            for (int column = 0; column < 8; column++) {
                all.add(new CellPos(row, column));
            }
        }
        Map<CellPos, RawCell> expected = SheetCells.read(new ByteArrayInputStream(
                sheet.getBytes(StandardCharsets.UTF_8)), all, strings);
        java.util.Random random = new java.util.Random(20241122);
        List<java.util.function.UnaryOperator<String>> edits = List.of(
                x -> x.replaceAll("r=\"([A-Z]+[0-9]+)\"", "r='$1'"),
                x -> x.replace("<c ", "<c  extra=\"1\" ").replace("\"/>", "\" />"),
                x -> x.replace("</c>", "</c\n>").replace("<v>", "<v><!-- v -->"),
                x -> x.replaceAll("<v>([^<]*)</v>", "<v><![CDATA[$1]]></v>"),
                x -> x.replace("<v>1", "<v>&#x31;").replace("<v>2", "<v>&#50;"),
                x -> x.replaceAll("<c r=\"([A-Z]+[0-9]+)\" t=\"s\"", "<c t=\"s\" r=\"$1\""),
                x -> x.replace("<row ", "<row\t").replace("<sheetData>",
                        "<sheetData><!-- <row r=\"1\"><c r=\"A1\"><v>9</v></c></row> -->"));
        for (int round = 0; round < 40; round++) {
            String edited = sheet;
            for (java.util.function.UnaryOperator<String> edit : edits) {
                if (random.nextBoolean()) {
                    edited = edit.apply(edited);
                }
            }
            byte[] bytes = edited.getBytes(StandardCharsets.UTF_8);

            assertThat(SheetCells.read(new ByteArrayInputStream(bytes), all, strings))
                    .as("round %d with StAX", round).isEqualTo(expected);
            assertThat(walk(bytes)).as("round %d walked", round).isGreaterThan(100);
            assertThat(SheetCells.read(bytes, all, strings)).as("round %d", round)
                    .isEqualTo(expected);
        }
    }

    @Test
    void commentsCdataPrefixesInstructionsAndOtherEncodingsReadAlike() throws Exception {
        String data = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>甲</t></is>"
                + "</c></row></sheetData>";
        String head = "<worksheet xmlns=\"" + NS + "\">";
        List<String> plain = List.of(
                head + "<!-- saved by a script -->" + data + "</worksheet>",
                head + data.replace("<t>甲</t>", "<t><!-- - --><![CDATA[甲]]></t>") + "</worksheet>");
        List<String> others = List.of(
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + head
                        + data.replace("甲", "&#30002;") + "</worksheet>",
                "<x:worksheet xmlns:x=\"" + NS + "\">" + data.replace("<", "<x:")
                        .replace("<x:/", "</x:") + "</x:worksheet>",
                head + data + "<?pi here?></worksheet>");

        for (String xml : plain) {
            assertThat(walk(xml.getBytes(StandardCharsets.UTF_8))).as(xml).isGreaterThan(5);
        }
        for (String xml : concat(plain, others)) {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            assertThat(SheetCells.read(bytes, Set.of(new CellPos(0, 0)), SharedStrings.none()))
                    .as(xml).containsEntry(new CellPos(0, 0), RawCell.of(RawCell.Kind.TEXT, "甲"));
        }
        byte[] mismatched = (head + data.replace("</c>", "</v>") + "</worksheet>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SheetCells.read(mismatched, Set.of(new CellPos(0, 0)),
                SharedStrings.none())).isInstanceOf(javax.xml.stream.XMLStreamException.class);
    }

    /** Walks a part to its end; how many tags it saw. */
    private static int walk(byte[] xml) throws javax.xml.stream.XMLStreamException {
        return XmlCursor.read(xml, cursor -> {
            int events = 0;
            while (cursor.next() != javax.xml.stream.XMLStreamConstants.END_DOCUMENT) {
                events++;
            }
            return events;
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void aPlainZipsDirectoryReadsAsCommonsCompressReadsItAndAnyOtherIsLeftToIt()
            throws Exception {
        byte[] template = TemplateWriter.of(IoFixtures.collection(), IoFixtures.PERIOD)
                .toBytes(IoFixtures.highSchool(), ReturnData.empty());
        List<ZipDirectory.CentralEntry> direct = ZipDirectory.read(template).orElseThrow();
        List<ZipDirectory.CentralEntry> viaCommons = new java.util.ArrayList<>();
        try (org.apache.commons.compress.archivers.zip.ZipFile z =
                org.apache.commons.compress.archivers.zip.ZipFile.builder()
                        .setByteArray(template).get()) {
            for (var e : java.util.Collections.list(z.getEntries())) {
                viaCommons.add(new ZipDirectory.CentralEntry(e.getName(), e.getMethod(), e.getCrc(),
                        e.getCompressedSize(), e.getSize(), (int) e.getDataOffset()));
            }
        }

        assertThat(direct).hasSizeGreaterThan(10).isEqualTo(viaCommons);
        assertThat(ZipDirectory.read(java.util.Arrays.copyOf(template, template.length - 1)))
                .as("truncated").isEmpty();
        assertThat(ZipDirectory.read(ZipEdits.add(template, "名字.xml", new byte[] {1})))
                .as("a UTF-8 name java.util.zip flags").isPresent();
        byte[] prefixed = new byte[template.length + 4];
        System.arraycopy(template, 0, prefixed, 4, template.length);
        assertThat(ZipDirectory.read(prefixed)).as("data before the zip").isEmpty();
        assertThat(ZipDirectory.read(new byte[0])).isEmpty();
    }

    @Test
    void aPartWhoseBytesChangedIsDamaged() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] content = "<a>unchanged</a>".getBytes(StandardCharsets.UTF_8);
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            java.util.zip.ZipEntry e = new java.util.zip.ZipEntry("a.xml");
            e.setMethod(java.util.zip.ZipEntry.STORED);
            e.setSize(content.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            z.putNextEntry(e);
            z.write(content);
            z.closeEntry();
        }
        byte[] zip = bytes.toByteArray();
        try (ZipGuard.Contents c = ZipGuard.inspect("a.xlsx", zip)) {
            assertThat(c.bytes("a.xml")).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
        }
        String text = new String(zip, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("unchanged");
        zip[at] = 'U';

        try (ZipGuard.Contents c = ZipGuard.inspect("a.xlsx", zip)) {
            assertThatThrownBy(() -> c.bytes("a.xml"))
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("已损坏或不完整");
            assertThatThrownBy(() -> c.open("a.xml").orElseThrow().readAllBytes())
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("已损坏或不完整");
        }
    }

    @Test
    void aStreamedPartLeftBeforeItsEndIsStillCheckedWholeWhenClosed() throws Exception {
        StringBuilder xml = new StringBuilder("<rows>");
        for (int i = 0; i < 20_000; i++) {
            xml.append("<r n=\"").append(i * 7919 % 100_003).append("\"/>");
        }
        byte[] content = xml.append("</rows>").toString().getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            z.putNextEntry(new java.util.zip.ZipEntry("big.xml"));
            z.write(content);
            z.closeEntry();
        }
        byte[] zip = bytes.toByteArray();
        ZipDirectory.CentralEntry e = ZipDirectory.read(zip).orElseThrow().get(0);
        try (ZipGuard.Contents c = ZipGuard.inspect("a.xlsx", zip)) {
            java.io.InputStream in = c.open("big.xml").orElseThrow();
            assertThat(in.readNBytes(100)).isEqualTo(java.util.Arrays.copyOf(content, 100));
            in.close();
        }
        // damage near the end of the deflated data, far past the 100 bytes a reader took
        int end = e.dataOffset() + (int) e.compressed();
        for (int i = end - 12; i < end - 4; i++) {
            zip[i] ^= (byte) 0xFF;
        }
        try (ZipGuard.Contents c = ZipGuard.inspect("a.xlsx", zip)) {
            java.io.InputStream in = c.open("big.xml").orElseThrow();
            assertThat(in.readNBytes(100)).isEqualTo(java.util.Arrays.copyOf(content, 100));
            assertThatThrownBy(in::close).isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("a.xlsx 已损坏或不完整");
        }
    }

    @Test
    void sharedStringsDecodeAlikeInThePlainFormAndEveryOther() throws Exception {
        String items = "<si><t>甲</t></si><si/><si><r><t xml:space=\"preserve\">乙 </t></r>"
                + "<r><rPr><sz val=\"11\"/></rPr><t>&lt;丙&gt; &quot;&apos;&#x4E01;</t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>おつ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                + "<si><t>行\r\n末</t></si><si><t></t></si><si><t>last</t></si>";
        SharedStrings plain = strings(items);
        SharedStrings commented = strings("<!-- a comment -->" + items);
        SharedStrings prefixed = SharedStrings.of(("<s:sst xmlns:s=\"" + NS + "\">"
                + items.replace("<", "<s:").replace("<s:/", "</s:").replace("s:s:", "s:")
                + "</s:sst>").getBytes(StandardCharsets.UTF_8));
        List<String> expected = List.of("甲", "", "乙 <丙> \"'丁", "行\n末", "", "last");

        for (SharedStrings s : List.of(plain, commented, prefixed)) {
            for (int i = 0; i < expected.size(); i++) {
                assertThat(s.get(i)).as("item %d", i).isEqualTo(expected.get(i));
            }
            assertThatThrownBy(() -> s.get(expected.size()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aDeclaredEncodingOtherThanUtf8IsLeftToTheParser() throws Exception {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><sst xmlns=\"" + NS
                + "\"><si><t>café</t></si></sst>").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(SharedStrings.of(latin1).get(0)).isEqualTo("café");
    }

    @Test
    void sharedFormulasMoveRelativeReferencesOnly() {
        assertThat(SharedFormula.shift("B3+C3", 2, 0)).isEqualTo("B5+C5");
        assertThat(SharedFormula.shift("$B3+B$3+$B$3", 1, 1)).isEqualTo("$B4+C$3+$B$3");
        assertThat(SharedFormula.shift("LOG10(A1)&\"A1\"&Sheet2!A1", 1, 0))
                .isEqualTo("LOG10(A2)&\"A1\"&Sheet2!A2");
        assertThat(SharedFormula.shift("SUM(A1:A3)", 0, -1)).isEqualTo("SUM(#REF!:#REF!)");
        assertThat(SharedFormula.letters(0)).isEqualTo("A");
        assertThat(SharedFormula.letters(27)).isEqualTo("AB");
        assertThat(SharedFormula.letters(16_383)).isEqualTo("XFD");
    }

    @Test
    void definedNamesParseLikeExcelWritesThem() {
        assertThat(NamedArea.parse("'学校基本情况'!$D$4"))
                .contains(new NamedArea("学校基本情况", 3, 3, 3, 3));
        assertThat(NamedArea.parse("=项目建设!$B$4:$B$23"))
                .contains(new NamedArea("项目建设", 3, 1, 22, 1));
        assertThat(NamedArea.parse("'It''s'!ab10")).contains(new NamedArea("It's", 9, 27, 9, 27));
        for (String bad : List.of("#REF!", "'学校基本情况'!#REF!", "Sheet1!A0", "Sheet1!ABCD1",
                "Sheet1!A1:", "Sheet1!B2:A1", "'open!A1", "Sheet1!A99999999999",
                "Sheet1!A1,Sheet1!B2", "!A1")) {
            assertThat(NamedArea.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void aPartIsTheSameInMemoryAndStreamed() throws Exception {
        byte[] template = TemplateWriter.of(IoFixtures.collection(), IoFixtures.PERIOD)
                .toBytes(IoFixtures.highSchool(), ReturnData.empty());
        String sheet = ZipEdits.read(template, "xl/worksheets/sheet2.xml");

        try (ZipGuard.Contents zip = ZipGuard.inspect("t.xlsx", template)) {
            assertThat(zip.fitsInMemory("xl/worksheets/sheet2.xml")).isTrue();
            assertThat(new String(zip.bytes("xl/worksheets/sheet2.xml").orElseThrow(),
                    StandardCharsets.UTF_8)).isEqualTo(sheet);
            try (java.io.InputStream in = zip.open("xl/worksheets/sheet2.xml").orElseThrow()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(sheet);
            }
            assertThat(zip.bytes("xl/no-such-part.xml")).isEmpty();
            assertThat(zip.fitsInMemory("xl/no-such-part.xml")).isFalse();
            assertThat(zip.names()).contains("xl/worksheets/sheet2.xml", "[Content_Types].xml");
        }
    }

    @Test
    void aDamagedPartNobodyReadsDoesNotStopTheReturn() {
        Collection c = IoFixtures.collection();
        byte[] filled = TemplateWriter.of(c, IoFixtures.PERIOD).toBytes(IoFixtures.highSchool(),
                ReturnData.empty());
        // the styles part is never read: garbage in its deflated data harms nothing read
        byte[] damaged = ZipEdits.damageData(filled, "xl/styles.xml");
        ReturnReader reader = ReturnReader.of(c);

        assertThat(reader.read("坏样式.xlsx", damaged).values())
                .isEqualTo(reader.read("好.xlsx", filled).values());
        byte[] badSheet = ZipEdits.damageData(filled, "xl/worksheets/sheet2.xml");
        assertThatThrownBy(() -> reader.read("坏表.xlsx", badSheet))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("坏表.xlsx 已损坏或不完整");
    }

    @Test
    void aSheetReadIsInflatedWholeSoDamageAfterItsLastNeededCellIsRefused() {
        Collection c = IoFixtures.collection();
        byte[] filled = TemplateWriter.of(c, IoFixtures.PERIOD).toBytes(IoFixtures.highSchool(),
                ReturnData.empty());
        String sheet = "xl/worksheets/sheet2.xml";
        ZipDirectory.CentralEntry e = ZipDirectory.read(filled).orElseThrow().stream()
                .filter(x -> x.name().equals(sheet)).findFirst().orElseThrow();
        // the last bytes of its deflated data: its validations and formats, which no cell read
        // needs; the CRC covers them, and a part read is checked whole (package description)
        byte[] damaged = filled.clone();
        int end = e.dataOffset() + (int) e.compressed();
        for (int i = end - 12; i < end - 4; i++) {
            damaged[i] ^= (byte) 0xFF;
        }

        assertThatThrownBy(() -> ReturnReader.of(c).read("坏尾.xlsx", damaged))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("坏尾.xlsx 已损坏或不完整");
    }

    @Test
    void aReturnWrittenWithInlineStringsAndNoCellAddressesReadsTheSame() {
        Collection c = IoFixtures.collection();
        byte[] filled = TemplateWriter.of(c, IoFixtures.PERIOD).toBytes(IoFixtures.highSchool(),
                IoFixtures.fullData(c, IoFixtures.highSchool()));
        List<String> strings = sharedStrings(ZipEdits.read(filled, "xl/sharedStrings.xml"));
        byte[] rewritten = filled;
        for (int i = 2; i <= 11; i++) {
            rewritten = ZipEdits.rewrite(rewritten, "xl/worksheets/sheet" + i + ".xml",
                    x -> withoutAddresses(inline(x, strings)));
        }
        ReturnReader reader = ReturnReader.of(c);

        Return original = reader.read("a.xlsx", filled);
        Return other = reader.read("a.xlsx", rewritten);

        assertThat(other.values()).isEqualTo(original.values());
        assertThat(other.values()).containsEntry("info.head", Value.of("填写1"));
        assertThat(other.tables()).isEqualTo(original.tables());
        assertThat(other.readFindings()).isEqualTo(original.readFindings());
    }

    /** Cells of shared strings ({@code t="s"}) rewritten as inline strings. */
    private static String inline(String sheet, List<String> strings) {
        Matcher m = Pattern.compile("<c([^>]*?) t=\"s\"([^>]*)><v>(\\d+)</v></c>").matcher(sheet);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = strings.get(Integer.parseInt(m.group(3))).replace("&", "&amp;")
                    .replace("<", "&lt;");
            m.appendReplacement(out, Matcher.quoteReplacement("<c" + m.group(1)
                    + " t=\"inlineStr\"" + m.group(2) + "><is><t>" + text + "</t></is></c>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Cells without their {@code r} where it follows from the cell before. */
    private static String withoutAddresses(String sheet) {
        Matcher m = Pattern.compile("<row[^>]*>|<c r=\"([A-Z]+)[0-9]+\"").matcher(sheet);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (m.find()) {
            if (m.group(1) == null) {
                next = 0;
                continue;
            }
            int column = SheetCells.column(m.group(1));
            m.appendReplacement(out, column == next ? "<c" : Matcher.quoteReplacement(m.group()));
            next = column + 1;
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> sharedStrings(String sst) {
        SharedStrings s = SharedStrings.of(sst.getBytes(StandardCharsets.UTF_8));
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; ; i++) {
            try {
                out.add(s.get(i));
            } catch (IllegalArgumentException e) {
                return out;
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package org.huizong.engine.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.huizong.engine.fixtures.ClockSlots;
import org.huizong.engine.narrative.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

/** The .docx read back with POI and as raw parts: GB/T 9704-2012 page, faces, sizes, text. */
class SummaryDocumentTest {
    private static final String TITLE = Summaries.TITLE;

    private static byte[] write(SummaryDocument d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.write(out);
        return out.toByteArray();
    }

    private static XWPFDocument open(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    /** Zip entry name to text, in order. */
    private static Map<String, String> parts(byte[] zip) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static int twips(Object value) {
        return ((BigInteger) value).intValueExact();
    }

    @Test
    void thePageIsA4WithTheGongwenMarginsAndA22By28Grid() throws IOException {
        byte[] docx = write(SummaryDocument.of(TITLE, Summaries.demo(), Summaries.CLOCK));
        try (XWPFDocument doc = open(docx)) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            CTPageSz size = sect.getPgSz();
            assertThat(twips(size.getW())).isEqualTo(11906);
            assertThat(twips(size.getH())).isEqualTo(16838);
            CTPageMar m = sect.getPgMar();
            // 37, 35, 28 and 26 mm at 56.6929 twips a millimetre
            assertThat(twips(m.getTop())).isEqualTo(2098);
            assertThat(twips(m.getBottom())).isEqualTo(1984);
            assertThat(twips(m.getLeft())).isEqualTo(1587);
            assertThat(twips(m.getRight())).isEqualTo(1474);
            // the page number's line, 14 pt high, centred 7 mm below the 35 mm bottom margin
            assertThat(twips(m.getFooter())).isEqualTo(1587 - 140);
            CTDocGrid grid = sect.getDocGrid();
            assertThat(grid.getType()).isEqualTo(STDocGrid.LINES_AND_CHARS);
            assertThat(grid.getLinePitch().intValueExact()).isEqualTo(579);
            assertThat(grid.getCharSpace().intValueExact()).isEqualTo(-842);
        }
        int typeHeight = 16838 - 2098 - 1984;
        int typeWidth = 11906 - 1587 - 1474;
        assertThat(22 * 579).isLessThanOrEqualTo(typeHeight).isGreaterThan(typeHeight - 579);
        // a grid character is 16 pt plus charSpace/4096 pt, in twips
        double pitch = 20 * (16 - 842 / 4096.0);
        assertThat(28 * pitch).isLessThanOrEqualTo(typeWidth).isGreaterThan(typeWidth - pitch);
        String document = parts(docx).get("word/document.xml");
        assertThat(document).contains("<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\""
                + " w:charSpace=\"-842\"/>");
    }

    @Test
    void theDefaultsAreFangsongSanhaoSoTheGridCountsItsCharacters() throws IOException {
        try (XWPFDocument doc = open(write(SummaryDocument.of(TITLE, Summaries.demo(),
                Summaries.CLOCK)))) {
            CTRPr defaults = doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault()
                    .getRPr();
            assertFace(defaults, "仿宋_GB2312", 32, "defaults");
            assertFace(doc.getStyles().getStyle("Normal").getCTStyle().getRPr(), "仿宋_GB2312", 32,
                    "Normal");
        }
    }

    @Test
    void theTitleIsXiaobiaosongErhaoCentredWithABlankLineBelow() throws IOException {
        try (XWPFDocument doc = open(write(SummaryDocument.of(TITLE, Summaries.demo(),
                Summaries.CLOCK)))) {
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertThat(title.getText()).isEqualTo(TITLE);
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(title.getRuns()).hasSize(1);
            assertFace(title.getRuns().get(0).getCTR().getRPr(), "方正小标宋简体", 44, "title");
            assertThat(title.getRuns().get(0).getCTR().getRPr().sizeOfSpacingArray()).isZero();
            assertExactLines(title, 579);
            assertThat(twips(title.getCTP().getPPr().getSpacing().getAfter())).isEqualTo(579);
            assertThat(title.getCTP().getPPr().isSetInd()).isFalse();
        }
    }

    @Test
    void eachSectionIsOneJustifiedParagraphHeadingInKaitiBodyInFangsong() throws IOException {
        List<Paragraph> demo = Summaries.demo();
        try (XWPFDocument doc = open(write(SummaryDocument.of(TITLE, demo, Summaries.CLOCK)))) {
            List<XWPFParagraph> body = doc.getParagraphs().subList(1, doc.getParagraphs().size());
            assertThat(body).hasSameSizeAs(demo);
            for (int i = 0; i < demo.size(); i++) {
                XWPFParagraph p = body.get(i);
                String label = "paragraph " + (i + 1);
                assertThat(p.getAlignment()).as(label).isEqualTo(ParagraphAlignment.BOTH);
                assertThat(p.getCTP().getPPr().getInd().getFirstLineChars().intValueExact())
                        .as(label).isEqualTo(200);
                assertThat(twips(p.getCTP().getPPr().getInd().getFirstLine())).as(label)
                        .isEqualTo(628);
                assertExactLines(p, 579);
                List<XWPFRun> runs = p.getRuns();
                if (demo.get(i).heading().isEmpty()) {
                    assertThat(runs).as(label).hasSize(1);
                } else {
                    assertThat(runs).as(label).hasSize(2);
                    assertThat(runs.get(0).text()).isEqualTo(demo.get(i).heading());
                    assertFace(runs.get(0).getCTR().getRPr(), "楷体", 32, label + " heading");
                    assertCondensed(runs.get(0).getCTR().getRPr(), label + " heading");
                }
                XWPFRun last = runs.get(runs.size() - 1);
                assertThat(last.text()).isEqualTo(demo.get(i).body());
                assertFace(last.getCTR().getRPr(), "仿宋_GB2312", 32, label + " body");
                assertCondensed(last.getCTR().getRPr(), label + " body");
            }
        }
    }

    @Test
    void theParagraphsAfterTheTitleAreTheNarrativesTextInOrder() throws IOException {
        List<Paragraph> county = Summaries.county();
        try (XWPFDocument doc = open(write(SummaryDocument.of(TITLE, county, Summaries.CLOCK)))) {
            List<String> texts = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs().subList(1, doc.getParagraphs().size())) {
                texts.add(p.getText());
            }
            assertThat(texts).containsExactlyElementsOf(
                    county.stream().map(Paragraph::text).toList());
        }
    }

    @Test
    void withoutParagraphsTheDocumentSaysSoAsTheSheetDoes() throws IOException {
        try (XWPFDocument doc = open(write(SummaryDocument.of(TITLE, List.of(),
                Summaries.CLOCK)))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly(TITLE, "（未生成总结文字）");
        }
    }

    @Test
    void pageNumbersAreSongtiSihaoAtTheOuterCornerOddRightEvenLeft() throws IOException {
        byte[] docx = write(SummaryDocument.of(TITLE, Summaries.demo(), Summaries.CLOCK));
        try (XWPFDocument doc = open(docx)) {
            assertThat(doc.getEvenAndOddHeadings()).isTrue();
            XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
            assertPageNumber(policy.getDefaultFooter(), ParagraphAlignment.RIGHT, "odd");
            assertThat(twips(policy.getDefaultFooter().getParagraphs().get(0).getCTP().getPPr()
                    .getInd().getRight())).isEqualTo(280);
            assertPageNumber(policy.getEvenPageFooter(), ParagraphAlignment.LEFT, "even");
            assertThat(twips(policy.getEvenPageFooter().getParagraphs().get(0).getCTP().getPPr()
                    .getInd().getLeft())).isEqualTo(280);
            assertThat(policy.getFirstPageFooter()).isNull();
        }
        assertThat(parts(docx).get("word/settings.xml")).contains("<w:evenAndOddHeaders");
    }

    private static void assertPageNumber(XWPFFooter footer, ParagraphAlignment alignment,
            String label) {
        assertThat(footer).as(label).isNotNull();
        assertThat(footer.getParagraphs()).as(label).hasSize(1);
        XWPFParagraph p = footer.getParagraphs().get(0);
        assertThat(p.getAlignment()).as(label).isEqualTo(alignment);
        assertThat(p.getText()).as(label).isEqualTo("\u2014 1 \u2014");
        String xml = p.getCTP().xmlText();
        assertThat(xml).as(label).containsSubsequence("w:fldCharType=\"begin\"",
                "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>",
                "w:fldCharType=\"separate\"", ">1<",
                "w:fldCharType=\"end\"");
        for (XWPFRun r : p.getRuns()) {
            assertFace(r.getCTR().getRPr(), "宋体", 28, label + " page number");
        }
    }

    @Test
    void theFontTableNamesTheFallbackOfEachFace() throws IOException {
        Map<String, String> parts = parts(write(SummaryDocument.of(TITLE, Summaries.demo(),
                Summaries.CLOCK)));
        assertThat(parts.get("[Content_Types].xml")).contains("/word/fontTable.xml");
        assertThat(parts.get("word/_rels/document.xml.rels")).contains("fontTable.xml");
        assertThat(parts.get("word/fontTable.xml")).contains(
                "<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>",
                "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>",
                "<w:font w:name=\"楷体\"><w:altName w:val=\"楷体_GB2312\"/>",
                "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/>");
    }

    @Test
    void aSignatureEndsTwoCharactersInWithTheDateTwoCharactersRightOfTheUnit()
            throws IOException {
        SummaryDocument d = SummaryDocument.of(TITLE, Summaries.demo(), Summaries.CLOCK);
        // 示范县教育局: 6 characters; 2024年7月10日: 6.5, so the date ends 2 characters (of 314
        // twips) in and the unit starts 2 characters left of it, ending 4.5 characters in
        assertSignature(d.withSignature("示范县教育局", LocalDate.of(2024, 7, 10)),
                "示范县教育局", 1413, "2024年7月10日", 628);
        // a unit longer than the date + 2 ends 2 characters in; the date starts 2 right of it
        assertSignature(d.withSignature("示范县教育局办公室综合科", LocalDate.of(2024, 7, 1)),
                "示范县教育局办公室综合科", 628, "2024年7月1日", 1884);
    }

    private static void assertSignature(SummaryDocument d, String unit, int unitIn, String date,
            int dateIn) throws IOException {
        try (XWPFDocument doc = open(write(d))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            XWPFParagraph u = ps.get(ps.size() - 2);
            XWPFParagraph t = ps.get(ps.size() - 1);
            assertThat(u.getText()).isEqualTo(unit);
            assertThat(t.getText()).isEqualTo(date);
            assertThat(ps.get(ps.size() - 3).getText()).isEqualTo(
                    Summaries.demo().get(Summaries.demo().size() - 1).text());
            for (XWPFParagraph p : List.of(u, t)) {
                assertThat(p.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
                assertFace(p.getRuns().get(0).getCTR().getRPr(), "仿宋_GB2312", 32, p.getText());
                assertCondensed(p.getRuns().get(0).getCTR().getRPr(), p.getText());
            }
            assertThat(twips(u.getCTP().getPPr().getInd().getRight())).as(unit).isEqualTo(unitIn);
            assertThat(twips(t.getCTP().getPPr().getInd().getRight())).as(date).isEqualTo(dateIn);
            // 空一行 above the unit
            assertThat(twips(u.getCTP().getPPr().getSpacing().getBefore())).isEqualTo(579);
        }
    }

    @Test
    void theSameInputGivesTheSameBytesWhenWrittenLater() throws Exception {
        SummaryDocument d = SummaryDocument.of(TITLE, Summaries.county(), Summaries.CLOCK)
                .withSignature("示范县教育局", LocalDate.of(2024, 7, 10));
        byte[] first = d.toBytes();
        ClockSlots.awaitNextTwoSecondSlot();
        byte[] second = SummaryDocument.of(TITLE, Summaries.county(), Summaries.CLOCK)
                .withSignature("示范县教育局", LocalDate.of(2024, 7, 10)).toBytes();

        assertThat(parts(second)).isEqualTo(parts(first));
        assertThat(second).as("bytes").isEqualTo(first);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getTimeLocal()).as(e.getName())
                        .isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0));
            }
        }
    }


    @Test
    void theDocumentDatesComeFromTheClock() throws IOException {
        Clock later = Clock.fixed(Instant.parse("2025-01-15T08:30:00Z"), ZoneId.of("UTC"));
        try (XWPFDocument doc = open(write(SummaryDocument.of(TITLE, Summaries.demo(), later)))) {
            var core = doc.getProperties().getCoreProperties();
            assertThat(core.getCreated().toInstant()).isEqualTo(later.instant());
            assertThat(core.getModified().toInstant()).isEqualTo(later.instant());
            assertThat(core.getTitle()).isEqualTo(TITLE);
        }
    }

    @Test
    void writingToAFileReplacesItAndAMissingFolderIsNamed(@TempDir Path dir) throws IOException {
        SummaryDocument d = SummaryDocument.of(TITLE, Summaries.demo(), Summaries.CLOCK);
        Path file = dir.resolve("总结.docx");
        Files.writeString(file, "old");

        d.write(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(d.toBytes());
        Path missing = dir.resolve("no-such-folder").resolve("总结.docx");
        assertThatThrownBy(() -> d.write(missing)).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("无法写入工作总结 " + missing + "：");
    }

    @Test
    void aTitleOrUnitOfOtherThanOneTrimmedLineIsRefused() {
        assertThatThrownBy(() -> SummaryDocument.of(" ", List.of(), Summaries.CLOCK))
                .hasMessage("工作总结的标题“ ”应为一行文字，前后不留空白");
        assertThatThrownBy(() -> SummaryDocument.of("上半年\n工作总结", List.of(), Summaries.CLOCK))
                .hasMessage("工作总结的标题“上半年\n工作总结”应为一行文字，前后不留空白");
        SummaryDocument d = SummaryDocument.of(TITLE, List.of(), Summaries.CLOCK);
        assertThatThrownBy(() -> d.withSignature("示范县教育局 ", LocalDate.of(2024, 7, 10)))
                .hasMessage("署名单位“示范县教育局 ”应为一行文字，前后不留空白");
        assertThatThrownBy(() -> d.withSignature("示范县教育局", null)).hasMessage("date");
    }

    private static void assertFace(CTRPr pr, String font, int halfPoints, String label) {
        CTFonts fonts = pr.getRFontsArray(0);
        assertThat(fonts.getEastAsia()).as(label + " eastAsia").isEqualTo(font);
        assertThat(fonts.getAscii()).as(label + " ascii").isEqualTo(font);
        assertThat(fonts.getHAnsi()).as(label + " hAnsi").isEqualTo(font);
        assertThat(twips(pr.getSzArray(0).getVal())).as(label + " size").isEqualTo(halfPoints);
        assertThat(pr.sizeOfBArray()).as(label + " bold").isZero();
    }

    /** 28 characters of 16 points, each 6 twips narrower, fit the 8845 twips; 29 do not. */
    private static void assertCondensed(CTRPr pr, String label) {
        int spacing = twips(pr.getSpacingArray(0).getVal());
        assertThat(spacing).as(label + " character spacing").isEqualTo(-6);
        assertThat(28 * (320 + spacing)).isLessThanOrEqualTo(8845);
        assertThat(29 * (320 + spacing)).isGreaterThan(8845);
    }

    /** Lines exactly {@code pitch} apart, not snapped to the grid (so laid out alike anywhere). */
    private static void assertExactLines(XWPFParagraph p, int pitch) {
        assertThat(POIXMLUnits.parseOnOff(p.getCTP().getPPr().getSnapToGrid())).isFalse();
        CTSpacing spacing = p.getCTP().getPPr().getSpacing();
        assertThat(spacing.getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
        assertThat(twips(spacing.getLine())).isEqualTo(pitch);
    }
}

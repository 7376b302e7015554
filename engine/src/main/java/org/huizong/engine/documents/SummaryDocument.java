package org.huizong.engine.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.huizong.engine.narrative.Paragraph;
import org.huizong.engine.xlsx.Zips;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;

/**
 * The written summary (工作总结) as a Word document laid out as a 公文 (GB/T 9704-2012): A4, a
 * 156 mm x 225 mm type area of 22 lines of 28 characters, the title in 方正小标宋简体 二号 centred,
 * then one paragraph a section: its heading sentence in 楷体 三号 and the body after it in
 * 仿宋_GB2312 三号, justified, indented two characters; optionally the unit and date signing it
 * (不加盖印章: one line below the text, right-aligned two characters in); page numbers
 * {@code — 1 —} in 宋体 四号 at the outer corner.
 *
 * <p>The paragraphs' text is the workbook's 总结 sheet's, character for character; the sheet's two
 * leading ideographic spaces are the indent here. With no paragraphs the document says so, as the
 * sheet does.
 *
 * <p>Output is deterministic: the same title, paragraphs, signature and clock give the same bytes
 * (the document dates come from the clock, zip entry times are fixed). Immutable.
 */
public final class SummaryDocument {
    /** The one paragraph of a summary without any. */
    static final String NOTHING = "（未生成总结文字）";
    /** 成文日期 in Arabic numerals without leading zeros, {@code 2024年7月10日}. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("y年M月d日",
            Locale.ROOT);
    /** The time of every zip entry; zip stores local times, so it is zone-free. */

    private final String title;
    private final List<Paragraph> paragraphs;
    private final Clock clock;
    private final Optional<Signature> signature;

    /** The unit and date under the text, as they are shown. */
    private record Signature(String unit, String date) {
    }

    private SummaryDocument(String title, List<Paragraph> paragraphs, Clock clock,
            Optional<Signature> signature) {
        this.title = title;
        this.paragraphs = paragraphs;
        this.clock = clock;
        this.signature = signature;
    }

    /**
     * A summary without signature.
     *
     * @param title one line, {@code 示范县教育局2024年上半年工作总结}
     * @param paragraphs the rendered narrative, possibly none
     * @param clock gives the document's creation time
     */
    public static SummaryDocument of(String title, List<Paragraph> paragraphs, Clock clock) {
        Objects.requireNonNull(title, "title");
        if (title.isBlank() || title.strip().length() != title.length()
                || title.lines().count() != 1) {
            throw new IllegalArgumentException("工作总结的标题“" + title + "”应为一行文字，前后不留空白");
        }
        Objects.requireNonNull(clock, "clock");
        return new SummaryDocument(title, List.copyOf(paragraphs), clock, Optional.empty());
    }

    /** The same summary signed by {@code unit} on {@code date} (成文日期). */
    public SummaryDocument withSignature(String unit, LocalDate date) {
        Objects.requireNonNull(unit, "unit");
        if (unit.isBlank() || unit.strip().length() != unit.length() || unit.lines().count() != 1) {
            throw new IllegalArgumentException("署名单位“" + unit + "”应为一行文字，前后不留空白");
        }
        Objects.requireNonNull(date, "date");
        return new SummaryDocument(title, paragraphs, clock,
                Optional.of(new Signature(unit, DATE.format(date))));
    }

    /** Writes the document to a file, replacing it. */
    public void write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(toBytes());
        } catch (IOException e) {
            throw new DocumentException("无法写入工作总结 " + file + "：" + e.getMessage(), e);
        }
    }

    /** Writes the document to {@code out}, which stays open. */
    public void write(OutputStream out) {
        try {
            out.write(toBytes());
        } catch (IOException e) {
            throw new DocumentException("无法写出工作总结：" + e.getMessage(), e);
        }
    }

    /** The .docx file's bytes. */
    public byte[] toBytes() {
        Instant now = clock.instant();
        try (XWPFDocument doc = new XWPFDocument()) {
            PageSetup.apply(doc);
            XWPFParagraph heading = doc.createParagraph();
            Text.lines(heading, ParagraphAlignment.CENTER, Gongwen.LINE_PITCH, 0,
                    Gongwen.LINE_PITCH);
            Text.run(heading, title, Typeface.TITLE, Gongwen.TITLE_SIZE);
            for (Paragraph p : paragraphs) {
                section(doc.createParagraph(), p);
            }
            if (paragraphs.isEmpty()) {
                section(doc.createParagraph(), new Paragraph("", NOTHING));
            }
            signature.ifPresent(s -> sign(doc, s));
            POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
            core.setCreated(Optional.of(Date.from(now)));
            core.setModified(Optional.of(Date.from(now)));
            core.setCreator("huizong");
            core.setTitle(title);
            ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 15);
            doc.write(raw);
            return Zips.normalize(raw.toByteArray(), Zips.BOOK_STAMP);
        } catch (IOException e) {
            throw new DocumentException("无法生成工作总结“" + title + "”：" + e.getMessage(), e);
        }
    }

    /** The heading in 楷体 and the body in 仿宋 as one justified paragraph, indented 2 characters. */
    private static void section(XWPFParagraph x, Paragraph p) {
        Text.lines(x, ParagraphAlignment.BOTH, Gongwen.LINE_PITCH, 0, 0);
        CTInd ind = x.getCTP().getPPr().addNewInd();
        // Word reads the characters; a reader without them the twips of two body characters
        ind.setFirstLineChars(BigInteger.valueOf(200));
        ind.setFirstLine(BigInteger.valueOf(2L * Gongwen.CHAR_ADVANCE));
        if (!p.heading().isEmpty()) {
            Text.body(x, p.heading(), Typeface.HEADING);
        }
        if (!p.body().isEmpty()) {
            Text.body(x, p.body(), Typeface.BODY);
        }
    }

    /**
     * 署名 one line below the text, and 成文日期 under it starting two characters right of the
     * unit's first character, the longer of the two ending two characters in from the right edge
     * (GB/T 9704-2012 §7.3.5.2). Widths are in half characters: a digit is half a character.
     */
    private static void sign(XWPFDocument doc, Signature s) {
        int unit = halfWidths(s.unit());
        int date = halfWidths(s.date());
        int dateIn = Math.max(4, unit - date);
        int unitIn = dateIn + date + 4 - unit;
        line(doc, s.unit(), unitIn, Gongwen.LINE_PITCH);
        line(doc, s.date(), dateIn, 0);
    }

    private static void line(XWPFDocument doc, String text, int halvesIn, int before) {
        XWPFParagraph p = doc.createParagraph();
        Text.lines(p, ParagraphAlignment.RIGHT, Gongwen.LINE_PITCH, before, 0);
        CTPPr pr = p.getCTP().getPPr();
        // no extra space between Chinese and digits, which the widths here do not count
        pr.addNewAutoSpaceDE().setVal(false);
        pr.addNewAutoSpaceDN().setVal(false);
        pr.addNewInd().setRight(
                BigInteger.valueOf(Math.round(halvesIn * Gongwen.CHAR_ADVANCE / 2.0)));
        Text.body(p, text, Typeface.BODY);
    }

    /** Width in half characters: 1 for ASCII, 2 for anything wider. */
    static int halfWidths(String text) {
        return text.codePoints().map(c -> c < 0x80 ? 1 : 2).sum();
    }
}

package org.huizong.engine.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary printed by LibreOffice Writer, an independent reader, and read back from the PDF
 * with poppler's pdftotext: A4 pages of 22 lines of 28 characters, the title centred on the type
 * area, page numbers at the outer corner. Skipped where Writer or poppler is not installed.
 */
class SummaryPdfTest {
    /** Points in a millimetre. */
    private static final double PT_PER_MM = 72 / 25.4;
    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\"");
    private static final Pattern WORD = Pattern.compile("<word xMin=\"([\\d.]+)\""
            + " yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");
    /** A line of Chinese characters and full-width punctuation only: one grid cell each. */
    private static final Pattern FULL_WIDTH = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F"
            + "\\uFF01-\\uFF5E]+");

    private static Path soffice;

    /** A word of the PDF with its box in points from the page's top left, on a 1-based page. */
    private record Word(int page, double xMin, double yMin, double xMax, double yMax,
            String text) {
    }

    @BeforeAll
    static void needsWriterAndPoppler() throws IOException {
        Optional<Path> found = onPath("soffice");
        Assumptions.assumeTrue(found.isPresent(), "soffice (LibreOffice) is not installed");
        soffice = found.get();
        // Debian's libreoffice-writer brings it; libreoffice-calc alone cannot open a .docx
        Assumptions.assumeTrue(Files.exists(soffice.toRealPath().resolveSibling("libswlo.so")),
                "LibreOffice Writer (libreoffice-writer) is not installed");
        Assumptions.assumeTrue(onPath("pdftotext").isPresent(), "poppler-utils is not installed");
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", cmd.get(0)).isTrue();
        assertThat(p.exitValue()).as(cmd + ": " + out).isZero();
        return out;
    }

    /** The county's summary, signed, as a PDF printed by Writer. */
    private static Path pdf(Path dir) throws IOException, InterruptedException {
        Path docx = dir.resolve("总结.docx");
        SummaryDocument.of(Summaries.TITLE, Summaries.county(), Summaries.CLOCK)
                .withSignature("示范县教育局", LocalDate.of(2024, 7, 10)).write(docx);
        run(List.of(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(),
                docx.toString()));
        Path pdf = dir.resolve("总结.pdf");
        assertThat(pdf).exists();
        return pdf;
    }

    /**
     * The lines of each page, in reading order, without blank ones, as pdftotext lays them out:
     * spaces between characters, and leading spaces on a line indented further than the others.
     */
    private static List<List<String>> pages(Path pdf) throws IOException, InterruptedException {
        String text = run(List.of("pdftotext", "-layout", pdf.toString(), "-"));
        List<List<String>> pages = new ArrayList<>();
        for (String page : text.split("\f")) {
            List<String> lines = page.lines().filter(l -> !l.isBlank()).toList();
            if (!lines.isEmpty()) {
                pages.add(lines);
            }
        }
        return pages;
    }

    private static String squeeze(String line) {
        return line.replaceAll("\\s+", "");
    }

    private static List<Word> words(Path pdf, List<Double> pageWidths)
            throws IOException, InterruptedException {
        List<Word> words = new ArrayList<>();
        int page = 0;
        for (String line : run(List.of("pdftotext", "-bbox", pdf.toString(), "-")).split("\n")) {
            Matcher p = PAGE.matcher(line);
            if (p.find()) {
                page++;
                pageWidths.add(Double.parseDouble(p.group(1)));
            }
            Matcher w = WORD.matcher(line);
            if (w.find()) {
                words.add(new Word(page, Double.parseDouble(w.group(1)),
                        Double.parseDouble(w.group(2)), Double.parseDouble(w.group(3)),
                        Double.parseDouble(w.group(4)), w.group(5)));
            }
        }
        return words;
    }

    @Test
    void theCountysSummaryPrintsAsFourPagesOf22LinesOf28Characters(@TempDir Path dir)
            throws Exception {
        List<List<String>> pages = pages(pdf(dir));

        assertThat(pages).hasSize(4);
        assertThat(squeeze(pages.get(0).get(0))).isEqualTo(Summaries.TITLE);
        List<Integer> unindented = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            List<String> lines = pages.get(i);
            assertThat(squeeze(lines.get(lines.size() - 1))).as("page %d ends with its number",
                    i + 1).isEqualTo("\u2014" + (i + 1) + "\u2014");
            if (i < pages.size() - 1) {
                // the title's page: the title, a blank line and 20 lines of text
                assertThat(lines).as("page %d: %s", i + 1, lines).hasSize(i == 0 ? 22 : 23);
            }
            for (String line : lines) {
                String chars = squeeze(line);
                if (FULL_WIDTH.matcher(chars).matches()) {
                    boolean indented = Character.isWhitespace(line.charAt(0));
                    assertThat(chars.length()).as(line).isLessThanOrEqualTo(indented ? 26 : 28);
                    if (!indented && chars.length() >= 20) {
                        unindented.add(chars.length());
                    }
                }
            }
        }
        // a line may end early before punctuation that must not begin the next, or a paragraph's
        // end; most lines of Chinese are full
        assertThat(unindented.stream().filter(n -> n == 28).count()).as("full lines of %s",
                unindented).isGreaterThanOrEqualTo(Math.round(unindented.size() * 0.75));
        assertThat(squeeze(String.join("", pages.get(3)))).contains("示范县教育局2024年7月10日");
    }

    @Test
    void theTitleIsCentredOnTheTypeAreaAndPageNumbersSitAtTheOuterCorner(@TempDir Path dir)
            throws Exception {
        List<Double> widths = new ArrayList<>();
        List<Word> words = words(pdf(dir), widths);

        assertThat(widths).hasSize(4).allSatisfy(w -> assertThat(w).isCloseTo(595.3,
                offset(0.5)));
        double left = 28 * PT_PER_MM;
        double right = (210 - 26) * PT_PER_MM;
        List<Word> title = words.stream().filter(w -> w.page() == 1)
                .filter(w -> w.yMin() == words.get(0).yMin()).toList();
        assertThat(String.join("", title.stream().map(Word::text).toList()))
                .isEqualTo(Summaries.TITLE);
        double centre = (title.get(0).xMin() + title.get(title.size() - 1).xMax()) / 2;
        assertThat(centre).as("title centre").isCloseTo((left + right) / 2,
                offset(2.0));
        // 7 mm below the type area, whose bottom edge is 35 mm above the paper's
        double dashes = (297 - 35 + 7) * PT_PER_MM;
        for (int page = 1; page <= 4; page++) {
            int p = page;
            List<Word> number = words.stream().filter(w -> w.page() == p)
                    .filter(w -> w.yMin() > (297 - 35) * PT_PER_MM).toList();
            assertThat(String.join("", number.stream().map(Word::text).toList())).as("page %d", p)
                    .isEqualTo("\u2014" + p + "\u2014");
            double middle = (number.get(0).yMin() + number.get(0).yMax()) / 2;
            assertThat(middle).as("page %d number's height", p).isCloseTo(dashes,
                    offset(3.0));
            if (p % 2 == 1) {
                assertThat(right - number.get(number.size() - 1).xMax())
                        .as("page %d from the right", p).isBetween(10.0, 20.0);
            } else {
                assertThat(number.get(0).xMin() - left).as("page %d from the left", p)
                        .isBetween(10.0, 20.0);
            }
        }
    }
}

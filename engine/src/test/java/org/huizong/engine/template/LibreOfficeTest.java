package org.huizong.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.returns.ReturnReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates through LibreOffice, the second independent reader: it opens them (PDF export
 * succeeds), and a return it saved, as .xlsx or as Excel 97-2003 .xls, reads back the same.
 */
class LibreOfficeTest {
    private final Collection collection = IoFixtures.collection();
    private final TemplateWriter writer = TemplateWriter.of(collection, IoFixtures.PERIOD);

    @BeforeAll
    static void needsLibreOffice() {
        Assumptions.assumeTrue(soffice() != null,
                "soffice (LibreOffice) is not installed; CI installs libreoffice-calc");
    }

    private static String soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "soffice"))) {
                return Path.of(dir, "soffice").toString();
            }
        }
        return null;
    }

    /** Converts {@code in} with LibreOffice headless into {@code outDir}; returns the new file. */
    static Path convert(Path in, String format, Path outDir, Path profile)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(soffice(),
                "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", format, "--outdir", outDir.toString(), in.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("soffice finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        String name = in.getFileName().toString();
        String ext = format.contains(":") ? format.substring(0, format.indexOf(':')) : format;
        Path out = outDir.resolve(name.substring(0, name.lastIndexOf('.') + 1) + ext);
        assertThat(out).as(output).exists();
        return out;
    }

    @Test
    void aTemplateOpensInLibreOfficeAndExportsToPdf(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("in").resolve(TemplateWriter.fileName(IoFixtures.highSchool()));
        Files.createDirectories(xlsx.getParent());
        Files.write(xlsx, writer.toBytes(IoFixtures.highSchool(), ReturnData.empty()));

        Path pdf = convert(xlsx, "pdf", dir.resolve("out"), dir.resolve("profile"));

        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }

    @Test
    void aReturnSavedByLibreOfficeReadsBackTheSame(@TempDir Path dir) throws Exception {
        School school = IoFixtures.highSchool();
        ReturnData data = IoFixtures.fullData(collection, school)
                .withRow("projects", Map.of("name", Value.of("综合楼"), "budget", Value.of(1200),
                        "invested", Value.of(new java.math.BigDecimal("450.1234"))))
                .withExplanation("afterschool.teachers_le_teachers", "外聘课后服务教师5人");
        Path xlsx = dir.resolve("in").resolve("return.xlsx");
        Files.createDirectories(xlsx.getParent());
        Files.write(xlsx, writer.toBytes(school, data));
        Return original = ReturnReader.of(collection).read(xlsx);

        Path resaved = convert(xlsx, "xlsx:Calc MS Excel 2007 XML", dir.resolve("lo"),
                dir.resolve("profile"));
        Path xls = convert(xlsx, "xls:MS Excel 97", dir.resolve("xls"), dir.resolve("profile"));

        for (Path p : List.of(resaved, xls)) {
            Return r = ReturnReader.of(collection).read(p);
            assertThat(r.values()).as(p.toString()).isEqualTo(original.values());
            assertThat(r.cells()).as(p.toString()).isEqualTo(original.cells());
            assertThat(r.tables()).as(p.toString()).isEqualTo(original.tables());
            assertThat(r.explanations()).as(p.toString()).isEqualTo(original.explanations());
            assertThat(r.readFindings()).as(p.toString()).isEmpty();
            assertThat(r.meta()).isEqualTo(original.meta());
        }
    }
}

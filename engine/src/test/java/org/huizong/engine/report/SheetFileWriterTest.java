package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheBytesOfTheWriterPoiOpens() throws IOException {
        List<String> texts = List.of("<c r=\"A1\" s=\"3\">", "学校明细（5,000所）", "é±", "𠀀𪚥 😀",
                "\uD800x", "x\uDC00y", "\uD83D", "\uDE00tail", "");
        for (String text : texts) {
            assertThat(viaSheetFileWriter(w -> w.write(text)))
                    .as(text).isEqualTo(viaPoisWriter(w -> w.write(text)));
        }
    }

    @Test
    void aSurrogatePairSplitAcrossCallsIsOneCharacter() throws IOException {
        Action split = w -> {
            w.write('\uD83D');
            w.write("\uDE00a".toCharArray());
            w.write('\uD83D');
        };
        assertThat(viaSheetFileWriter(split)).isEqualTo(viaPoisWriter(split))
                .isEqualTo("😀a?".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void seededRandomTextsWrittenInPiecesGiveTheSameBytes() throws IOException {
        Random random = new Random(16);
        char[] alphabet = "a<&\"\n 学校县\uD83D\uDE00\uD800\uDC00é".toCharArray();
        for (int round = 0; round < 200; round++) {
            char[] text = new char[random.nextInt(200_000)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int cut = text.length / 3;
            Action pieces = w -> {
                w.write(text, 0, cut);
                if (cut < text.length) {
                    w.write(text[cut]);
                    w.write(new String(text), cut + 1, text.length - cut - 1);
                }
            };
            assertThat(viaSheetFileWriter(pieces)).as("round %d", round)
                    .isEqualTo(viaPoisWriter(pieces));
        }
    }

    private interface Action {
        void on(Writer w) throws IOException;
    }

    private byte[] viaSheetFileWriter(Action action) throws IOException {
        Path file = Files.createTempFile(dir, "sheet", ".xml");
        try (Writer w = new SheetFileWriter(file.toFile())) {
            action.on(w);
        }
        return Files.readAllBytes(file);
    }

    /** What SheetDataWriter.createWriter opens. */
    private byte[] viaPoisWriter(Action action) throws IOException {
        Path file = Files.createTempFile(dir, "poi", ".xml");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8))) {
            action.on(w);
        }
        return Files.readAllBytes(file);
    }
}

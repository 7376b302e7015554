package org.huizong.engine.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip with every entry stamped with one fixed time, in the same order: POI stamps
 * entries with the current time (its reproducible mode is a global switch, unsafe when several
 * templates are written at once), and the same inputs must give the same bytes.
 */
final class ZipNormalizer {
    private ZipNormalizer() {
    }

    static byte[] normalize(byte[] zip, LocalDateTime stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            byte[] buf = new byte[16 * 1024];
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(stamp);
                z.putNextEntry(copy);
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    z.write(buf, 0, n);
                }
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting a zip held in memory", e);
        }
        return out.toByteArray();
    }
}

package org.huizong.engine.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip (an .xlsx) with every entry stamped with one fixed local time, in the original
 * entry order, so the same content gives the same bytes whenever and wherever it is written. The
 * time is a zone-free local date-time because zip stores DOS local times.
 */
final class Zips {
    /** The stamp of every entry. */
    static final LocalDateTime STAMP = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Zips() {
    }

    static byte[] normalize(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        // commons-compress (POI's own zip library) reads the stored entries with data
        // descriptors that the streaming writer makes; java.util.zip refuses them
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip),
                "UTF-8", true, true);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(6);
            for (ZipArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(STAMP);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

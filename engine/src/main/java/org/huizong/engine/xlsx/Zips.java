package org.huizong.engine.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Rewrites a zip (an .xlsx written by POI) with every entry stamped with one fixed time, in the
 * original entry order, so the same content gives the same bytes whenever and wherever it is
 * written. POI stamps entries with the current time, and its reproducible mode is a global switch,
 * unsafe when several workbooks are written at once. The stamp is a zone-free local date-time
 * because zip stores DOS local times.
 */
public final class Zips {
    /** The stamp of every entry of a consolidated workbook. */
    public static final LocalDateTime BOOK_STAMP = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Zips() {
    }

    /**
     * A zip stream deflating at level 6, as every zip written here: {@link #normalize}, the
     * stamped stream and {@link ZipCopies}' spliced entries must give the same bytes.
     */
    static ZipOutputStream deflating(OutputStream out) {
        ZipOutputStream z = new ZipOutputStream(out);
        z.setLevel(6);
        return z;
    }

    /** Starts entry {@code name} stamped {@code stamp}, as every zip written here does. */
    static void putEntry(ZipOutputStream z, String name, LocalDateTime stamp) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(stamp);
        z.putNextEntry(e);
    }

    /** {@code zip} rewritten with every entry stamped {@code stamp}, deflated at level 6. */
    public static byte[] normalize(byte[] zip, LocalDateTime stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        // commons-compress (POI's own zip library) reads the stored entries with data
        // descriptors that POI's streaming writer makes; java.util.zip refuses them
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip),
                "UTF-8", true, true);
                ZipOutputStream z = deflating(out)) {
            for (ZipArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                putEntry(z, e.getName(), stamp);
                in.transferTo(z);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting a zip held in memory", e);
        }
        return out.toByteArray();
    }

    /**
     * Where POI's streaming workbook writes its zip (it asks for a commons-compress stream):
     * each entry goes straight into a {@code java.util.zip} stream on {@code out}, named as POI
     * names it, stamped {@code stamp}, deflated once at level 6: the same bytes as writing the
     * zip and then {@link #normalize normalizing} it, in one pass. Finishing it finishes the zip;
     * {@code out} stays open.
     */
    public static ZipArchiveOutputStream stamped(OutputStream out, LocalDateTime stamp) {
        return new Stamped(out, stamp);
    }

    private static final class Stamped extends ZipArchiveOutputStream {
        private final ZipOutputStream zip;
        private final LocalDateTime stamp;
        private boolean finished;

        Stamped(OutputStream out, LocalDateTime stamp) {
            super(OutputStream.nullOutputStream());
            this.stamp = stamp;
            // closing the zip (which frees its deflater) flushes out, never closes it
            this.zip = deflating(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        }

        @Override
        public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
            putEntry(zip, entry.getName(), stamp);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            zip.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            zip.write(b);
        }

        @Override
        public void closeArchiveEntry() throws IOException {
            zip.closeEntry();
        }

        @Override
        public void finish() throws IOException {
            if (!finished) {
                finished = true;
                zip.close();
            }
        }

        @Override
        public void close() throws IOException {
            finish();
        }
    }
}

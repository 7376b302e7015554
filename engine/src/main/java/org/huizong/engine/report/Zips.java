package org.huizong.engine.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The book's zip: every entry stamped with one fixed local time, in the order POI writes them,
 * so the same content gives the same bytes whenever and wherever it is written. The time is a
 * zone-free local date-time because zip stores DOS local times.
 */
final class Zips {
    /** The stamp of every entry. */
    static final LocalDateTime STAMP = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Zips() {
    }

    /**
     * Where POI's streaming workbook writes its zip (it asks for a commons-compress stream):
     * each entry goes straight into a {@code java.util.zip} stream on {@code out}, named as POI
     * names it, stamped {@link #STAMP}, deflated once at level 6. Finishing it finishes the zip;
     * {@code out} stays open.
     */
    static ZipArchiveOutputStream stamped(OutputStream out) {
        return new Stamped(out);
    }

    private static final class Stamped extends ZipArchiveOutputStream {
        private final ZipOutputStream zip;
        private boolean finished;

        Stamped(OutputStream out) {
            super(OutputStream.nullOutputStream());
            // closing the zip (which frees its deflater) flushes out, never closes it
            this.zip = new ZipOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            zip.setLevel(6);
        }

        @Override
        public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
            ZipEntry copy = new ZipEntry(entry.getName());
            copy.setTimeLocal(STAMP);
            zip.putNextEntry(copy);
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

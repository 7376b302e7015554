package org.huizong.engine.xlsx;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.huizong.engine.UnreadableFileException;

/**
 * Opens an .xlsx (a zip) safely: that it is a readable zip, that it is not a zip bomb, and that
 * every part read from it is whole. Declared entry sizes are checked when it is opened, from the
 * central directory, without inflating anything. A part is inflated only when the reader asks
 * for it, and then into a counter that stops as soon as the inflated size passes a limit (for
 * the part, and for all parts read so far together), so a file that lies about its sizes is
 * caught too; and its CRC is checked, so a part whose bytes changed is damaged. Parts nobody
 * reads (the instructions sheet, the live checks, styles) are never inflated: they cost
 * nothing and can do no harm.
 *
 * <p>The central directory of a plain zip is read straight from its bytes ({@link
 * ZipDirectory}); any other zip through commons-compress.
 */
public final class ZipGuard {
    /** Most bytes all entries together may inflate to. */
    static final long MAX_TOTAL = 200L * 1024 * 1024;
    /** Entries up to this size may compress as well as they like (a blank sheet does). */
    static final long RATIO_GRACE = 1024L * 1024;
    /** Inflated to compressed size beyond which a large entry is taken for a bomb. */
    static final long MAX_RATIO = 100;
    /**
     * Largest part read into memory; a larger (legal) sheet is streamed instead, so that a large
     * upload does not hold hundreds of megabytes at once.
     */
    static final long HOLD_LIMIT = 16L * 1024 * 1024;
    /**
     * Most entries a zip may have. A template has about twenty; a workbook with many pictures a
     * few hundred. Counted from the bytes before any entry is built, so a directory of hundreds
     * of thousands of tiny entries costs one scan, not an object each.
     */
    static final int MAX_PARTS = 10_000;

    private ZipGuard() {
    }

    /**
     * An entry of either directory reader.
     *
     * @param dataOffset where the entry's data starts in the zip, -1 when unknown
     * @param archive commons-compress's entry, null when the directory was read directly
     */
    private record Part(String name, int method, boolean encrypted, long crc, long compressed,
            long size, long dataOffset, ZipArchiveEntry archive) {
        static Part of(ZipDirectory.CentralEntry e) {
            return new Part(e.name(), e.method(), false, e.crc(), e.compressed(), e.size(),
                    e.dataOffset(), null);
        }

        static Part of(ZipArchiveEntry e) {
            return new Part(e.getName(), e.getMethod(), e.getGeneralPurposeBit().usesEncryption(),
                    e.getCrc(), e.getCompressedSize(), e.getSize(), e.getDataOffset(), e);
        }

        /** Whether its data can be inflated straight from the zip's bytes. */
        boolean direct(byte[] zip) {
            return !encrypted && dataOffset >= 0 && compressed >= 0
                    && dataOffset + compressed <= zip.length
                    && (method == ZipEntry.DEFLATED || method == ZipEntry.STORED);
        }
    }

    /**
     * A zip that passed the directory check, open for reading its parts until closed. Every
     * part is checked (bomb limits, CRC) as it is read.
     *
     * <p>Not thread-safe: one file is read by one thread.
     */
    public static final class Contents implements AutoCloseable {
        private final String file;
        private final byte[] bytes;
        /** commons-compress's zip, when the directory was not plain; else null. */
        private final ZipFile zip;
        private final List<String> names;
        private final Map<String, Part> entries;
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        /** Bytes inflated from every part read so far. */
        private long total;

        private Contents(String file, byte[] bytes, ZipFile zip, List<Part> parts) {
            this.file = file;
            this.bytes = bytes;
            this.zip = zip;
            List<String> n = new ArrayList<>(parts.size());
            this.entries = new HashMap<>(parts.size() * 2);
            Map<String, String> folded = new HashMap<>(parts.size() * 2);
            for (Part p : parts) {
                n.add(p.name());
                // Programs disagree on which of two entries of one part name counts (the first,
                // the last; part names compare without case), so what huizong would count could
                // differ from what Excel shows: such a package is refused.
                String earlier = folded.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p.name());
                if (earlier != null) {
                    throw duplicate(file, p.name());
                }
                entries.put(p.name(), p);
            }
            this.names = List.copyOf(n);
        }

        /** Every entry name, in central-directory order. */
        public List<String> names() {
            return names;
        }

        /** Whether entry {@code name} is small enough to be read into memory whole. */
        public boolean fitsInMemory(String name) {
            Part p = entries.get(name);
            return p != null && p.size() >= 0 && p.size() <= HOLD_LIMIT;
        }

        /**
         * The content of entry {@code name}, inflated and checked; empty when there is none.
         *
         * @throws UnreadableFileException when the part is damaged or a bomb
         */
        public Optional<byte[]> bytes(String name) {
            Part p = entries.get(name);
            if (p == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(p.direct(bytes) ? direct(p) : viaStream(p));
            } catch (IOException | RuntimeException e) {
                if (e instanceof UnreadableFileException u) {
                    throw u;
                }
                throw damaged(file, e);
            }
        }

        /**
         * A stream of entry {@code name}'s content, for a part too large to hold; empty when
         * there is none. The stream counts what it gives against the bomb limits and checks
         * the CRC at its end, throwing {@link UnreadableFileException}.
         */
        public Optional<InputStream> open(String name) {
            Part p = entries.get(name);
            if (p == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new CheckedStream(p, raw(p)));
            } catch (IOException | RuntimeException e) {
                if (e instanceof UnreadableFileException u) {
                    throw u;
                }
                throw damaged(file, e);
            }
        }

        private InputStream raw(Part p) throws IOException {
            if (!p.direct(bytes)) {
                if (zip == null || p.archive() == null) {
                    throw new ZipException("entry " + p.name() + " cannot be read");
                }
                return zip.getInputStream(p.archive());
            }
            InputStream data = new ByteArrayInputStream(bytes, (int) p.dataOffset(),
                    (int) p.compressed());
            if (p.method() == ZipEntry.STORED) {
                return data;
            }
            // zlib may want one byte past the raw deflate data to end the stream
            InputStream padded = new SequenceInputStream(data,
                    new ByteArrayInputStream(new byte[1]));
            return new InflaterInputStream(padded, new Inflater(true)) {
                @Override
                public void close() throws IOException {
                    super.close();
                    inf.end();
                }
            };
        }

        /** Inflates a part straight from the zip's bytes into its own array. */
        private byte[] direct(Part e) throws ZipException {
            int offset = (int) e.dataOffset();
            int compressed = (int) e.compressed();
            crc.reset();
            byte[] out;
            if (e.method() == ZipEntry.STORED) {
                count(compressed, compressed);
                crc.update(bytes, offset, compressed);
                out = Arrays.copyOfRange(bytes, offset, offset + compressed);
            } else {
                out = inflate(e, offset, compressed);
            }
            if (e.crc() >= 0 && crc.getValue() != e.crc()) {
                throw new ZipException("CRC mismatch in " + e.name());
            }
            total += out.length;
            return out;
        }

        private byte[] inflate(Part e, int offset, int compressed) throws ZipException {
            inflater.reset();
            inflater.setInput(bytes, offset, compressed);
            byte[] out = new byte[(int) Math.max(64, Math.min(e.size(), HOLD_LIMIT))];
            int n = 0;
            boolean padded = false;
            try {
                while (!inflater.finished()) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, (int) Math.min((long) out.length * 2,
                                MAX_TOTAL));
                    }
                    int got = inflater.inflate(out, n, out.length - n);
                    if (got == 0) {
                        if (!inflater.needsInput() || padded) {
                            throw new ZipException("truncated entry " + e.name());
                        }
                        // zlib may want one byte past the raw deflate data to end the stream
                        inflater.setInput(new byte[1]);
                        padded = true;
                        continue;
                    }
                    crc.update(out, n, got);
                    n += got;
                    count(n, compressed);
                }
            } catch (DataFormatException x) {
                throw new ZipException("bad deflate data in " + e.name() + ": "
                        + x.getMessage());
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        /** For what the direct path does not take: other methods, encryption (refused). */
        private byte[] viaStream(Part e) throws IOException {
            try (InputStream in = new CheckedStream(e, raw(e))) {
                return in.readAllBytes();
            }
        }

        /** Checks a part inflated so far to {@code size} bytes, and the zip's total. */
        private void count(long size, long compressed) {
            if (total + size > MAX_TOTAL || isBomb(size, compressed)) {
                throw bomb(file);
            }
        }

        @Override
        public void close() {
            inflater.end();
            if (zip == null) {
                return;
            }
            try {
                zip.close();
            } catch (IOException e) {
                // The zip is a channel over a byte array: nothing to release or report.
            }
        }

        /** A part's content as it is inflated: counted, and its CRC checked at the end. */
        private final class CheckedStream extends FilterInputStream {
            private final Part part;
            private final CRC32 sum = new CRC32();
            private long size;
            private boolean ended;

            CheckedStream(Part part, InputStream in) {
                super(in);
                this.part = part;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    sum.update(b, off, n);
                    size += n;
                    count(size, part.compressed());
                } else if (n < 0 && !ended) {
                    ended = true;
                    total += size;
                    if (part.crc() >= 0 && sum.getValue() != part.crc()) {
                        throw damaged(file, new ZipException("CRC mismatch in "
                                + part.name()));
                    }
                }
                return n;
            }

            /**
             * The reader may stop after the last row it needs; the rest is inflated here, not
             * parsed, so the CRC covers what was read and the whole part counts against the
             * limits (a bomb's tail stops at them like any other part).
             */
            @Override
            public void close() throws IOException {
                try {
                    byte[] sink = new byte[8192];
                    while (!ended && read(sink, 0, sink.length) >= 0) {
                        // inflated and counted, not kept
                    }
                } catch (IOException | RuntimeException e) {
                    throw e instanceof UnreadableFileException u ? u : damaged(file, e);
                } finally {
                    super.close();
                }
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] sink = new byte[(int) Math.min(n, 8192)];
                int got = read(sink, 0, sink.length);
                return Math.max(got, 0);
            }
        }
    }

    /**
     * Checks the zip's directory and opens it; nothing is inflated yet. The caller closes the
     * result.
     *
     * @throws UnreadableFileException naming {@code file} when the zip is damaged or a bomb
     */
    public static Contents inspect(String file, byte[] zip) {
        // A plain directory declares its count before any entry is built; anything else is
        // counted from the bytes first, since commons-compress builds an object an entry.
        Optional<List<ZipDirectory.CentralEntry>> plain = ZipDirectory.read(zip, MAX_PARTS);
        if (plain.isPresent()) {
            List<Part> parts = plain.get().stream().map(Part::of).toList();
            checkDeclared(file, parts);
            return new Contents(file, zip, null, parts);
        }
        if (ZipDirectory.mostEntries(zip) > MAX_PARTS) {
            throw tooManyParts(file);
        }
        ZipFile z = null;
        try {
            z = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                    .get();
            List<Part> parts = Collections.list(z.getEntries()).stream().map(Part::of).toList();
            checkDeclared(file, parts);
            Contents c = new Contents(file, zip, z, parts);
            z = null;
            return c;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw damaged(file, e);
        } finally {
            if (z != null) {
                try {
                    z.close();
                } catch (IOException e) {
                    // Over a byte array; nothing to release.
                }
            }
        }
    }

    private static void checkDeclared(String file, List<Part> parts) {
        long declared = 0;
        for (Part p : parts) {
            if (p.encrypted()) {
                throw encrypted(file);
            }
            long size = Math.max(0, p.size());
            declared += size;
            if (declared > MAX_TOTAL || isBomb(size, p.compressed())) {
                throw bomb(file);
            }
        }
    }

    private static boolean isBomb(long inflated, long compressed) {
        return inflated > RATIO_GRACE && inflated > MAX_RATIO * Math.max(1, compressed);
    }

    static UnreadableFileException bomb(String file) {
        return new UnreadableFileException(file, "文件 " + file + " 解压后异常巨大（疑似压缩炸弹），"
                + "为安全起见不予读取。请上传由报表模板填写保存的原文件。");
    }

    /** The one message for a file with an open password, whatever its container. */
    public static UnreadableFileException encrypted(String file) {
        return new UnreadableFileException(file, "文件 " + file + " 设置了打开密码（已加密），无法读取。"
                + "请在Excel中取消打开密码后重新保存再上传。");
    }

    static UnreadableFileException duplicate(String file, String part) {
        return new UnreadableFileException(file, "文件 " + file + " 含有两个同名部件 " + part
                + "，不同程序会读出不同的内容，为安全起见不予读取。请在Excel中重新打开并保存后再上传。");
    }

    static UnreadableFileException tooManyParts(String file) {
        return new UnreadableFileException(file, "文件 " + file + " 含有的部件超过" + MAX_PARTS
                + "个，不是报表模板保存的文件，不予读取。请上传由报表模板填写保存的原文件。");
    }

    public static UnreadableFileException damaged(String file, Exception cause) {
        return new UnreadableFileException(file, "文件 " + file + " 已损坏或不完整，无法打开。"
                + "请在Excel中重新打开并保存后再上传。", cause);
    }
}

package org.huizong.engine.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks an .xlsx (a zip) before anything parses it: that it is a readable zip, and that it is
 * not a zip bomb. Declared entry sizes are checked first, from the central directory, without
 * inflating anything; then every entry is inflated into a counter that stops as soon as the
 * inflated size passes a limit, so a file that lies about its sizes is caught too; and every
 * entry's CRC is checked, so a part whose bytes changed is damaged.
 *
 * <p>The zip is opened once: the same pass keeps the parts the reader asked for, so nothing is
 * inflated twice for an ordinary return. Kept parts are bounded ({@link #KEEP_LIMIT}); a part
 * past that bound is inflated again when it is read. The central directory of a plain zip is
 * read straight from its bytes ({@link ZipDirectory}); any other zip through commons-compress.
 */
final class ZipGuard {
    /** Most bytes all entries together may inflate to. */
    static final long MAX_TOTAL = 200L * 1024 * 1024;
    /** Entries up to this size may compress as well as they like (a blank sheet does). */
    static final long RATIO_GRACE = 1024L * 1024;
    /** Inflated to compressed size beyond which a large entry is taken for a bomb. */
    static final long MAX_RATIO = 100;
    /**
     * Most bytes of parts kept in memory after the check. A filled return keeps about 140 KB;
     * the bound keeps a large but legal upload from holding hundreds of megabytes at once.
     */
    static final long KEEP_LIMIT = 16L * 1024 * 1024;

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
        static Part of(ZipDirectory.Entry e) {
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
     * A zip that passed the check, open for reading its parts until closed.
     *
     * <p>Not thread-safe: one file is read by one thread.
     */
    static final class Contents implements AutoCloseable {
        private final String file;
        private final byte[] bytes;
        /** commons-compress's zip, when the directory was not plain; else null. */
        private final ZipFile zip;
        private final List<String> names;
        private final Map<String, Part> entries;
        private final Map<String, byte[]> kept;

        private Contents(String file, byte[] bytes, ZipFile zip, List<String> names,
                Map<String, Part> entries, Map<String, byte[]> kept) {
            this.file = file;
            this.bytes = bytes;
            this.zip = zip;
            this.names = List.copyOf(names);
            this.entries = entries;
            this.kept = kept;
        }

        /** Every entry name, in central-directory order. */
        List<String> names() {
            return names;
        }

        /** The content of entry {@code name} if the check kept it in memory. */
        Optional<byte[]> kept(String name) {
            return Optional.ofNullable(kept.get(name));
        }

        /**
         * The content of entry {@code name}; empty when there is none.
         *
         * @throws UnreadableReturnException when the part can no longer be inflated
         */
        Optional<byte[]> bytes(String name) {
            byte[] b = kept.get(name);
            if (b != null) {
                return Optional.of(b);
            }
            return open(name).map(in -> {
                try (InputStream s = in) {
                    return s.readAllBytes();
                } catch (IOException | RuntimeException x) {
                    throw damaged(file, x);
                }
            });
        }

        /** A stream of entry {@code name}'s content; empty when there is none. */
        Optional<InputStream> open(String name) {
            byte[] b = kept.get(name);
            if (b != null) {
                return Optional.of(new ByteArrayInputStream(b));
            }
            Part p = entries.get(name);
            if (p == null) {
                return Optional.empty();
            }
            if (p.archive() == null) {
                // checked already: direct, and every byte of it inflated once
                InputStream data = new ByteArrayInputStream(bytes, (int) p.dataOffset(),
                        (int) p.compressed());
                // zlib may want one byte past the raw deflate data to end the stream
                InputStream raw = p.method() == ZipEntry.STORED ? data
                        : new SequenceInputStream(data, new ByteArrayInputStream(new byte[1]));
                return Optional.of(p.method() == ZipEntry.STORED ? raw
                        : new InflaterInputStream(raw, new Inflater(true)) {
                            @Override
                            public void close() throws IOException {
                                super.close();
                                inf.end();
                            }
                        });
            }
            try {
                return Optional.of(zip.getInputStream(p.archive()));
            } catch (IOException | RuntimeException x) {
                throw damaged(file, x);
            }
        }

        @Override
        public void close() {
            if (zip == null) {
                return;
            }
            try {
                zip.close();
            } catch (IOException e) {
                // The zip is a channel over a byte array: nothing to release or report.
            }
        }
    }

    /**
     * Checks the zip and opens it; keeps (within {@link #KEEP_LIMIT}) the parts {@code keep}
     * selects. The caller closes the result.
     *
     * @throws UnreadableReturnException naming {@code file} when the zip is damaged or a bomb
     */
    static Contents inspect(String file, byte[] zip, Predicate<String> keep) {
        Optional<List<ZipDirectory.Entry>> plain = ZipDirectory.read(zip);
        if (plain.isPresent()) {
            try {
                return check(file, zip, null, plain.get().stream().map(Part::of).toList(),
                        keep);
            } catch (IOException | RuntimeException e) {
                if (e instanceof UnreadableReturnException u) {
                    throw u;
                }
                throw damaged(file, e);
            }
        }
        ZipFile z = null;
        try {
            z = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                    .get();
            List<Part> parts = Collections.list(z.getEntries()).stream().map(Part::of).toList();
            Contents c = check(file, zip, z, parts, keep);
            z = null;
            return c;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableReturnException u) {
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

    private static Contents check(String file, byte[] bytes, ZipFile z, List<Part> parts,
            Predicate<String> keep) throws IOException {
        checkDeclared(file, parts);
        List<String> names = new ArrayList<>(parts.size());
        Map<String, Part> byName = new HashMap<>();
        Map<String, byte[]> kept = new HashMap<>();
        try (Inflation inflation = new Inflation(file, bytes, z)) {
            for (Part p : parts) {
                names.add(p.name());
                // zip readers find the first of two entries of one name; so does this one
                boolean first = byName.putIfAbsent(p.name(), p) == null;
                long room = first && keep.test(p.name()) ? KEEP_LIMIT - inflation.kept : -1;
                byte[] content = inflation.entry(p, room);
                if (content != null) {
                    kept.put(p.name(), content);
                }
            }
        }
        return new Contents(file, bytes, z, names, byName, kept);
    }

    /**
     * Inflates the entries one after another, each straight from the zip's bytes into its
     * final array (or, when it is not kept, into one scratch buffer), checking every entry's
     * CRC and counting every byte against the bomb limits.
     */
    private static final class Inflation implements AutoCloseable {
        private final String file;
        private final byte[] zip;
        private final ZipFile z;
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        private final byte[] scratch = new byte[32 * 1024];
        private long total;
        private long kept;

        Inflation(String file, byte[] zip, ZipFile z) {
            this.file = file;
            this.zip = zip;
            this.z = z;
        }

        /**
         * Checks entry {@code e}; its content when it fits in {@code room} bytes (negative:
         * not wanted), else null.
         */
        byte[] entry(Part e, long room) throws IOException {
            if (!e.direct(zip)) {
                return viaStream(e, room);
            }
            int offset = (int) e.dataOffset();
            int compressed = (int) e.compressed();
            crc.reset();
            byte[] out;
            long size;
            if (e.method() == ZipEntry.STORED) {
                size = compressed;
                count(size, size);
                crc.update(zip, offset, compressed);
                out = size <= room ? Arrays.copyOfRange(zip, offset, offset + compressed) : null;
            } else {
                out = inflate(e, offset, compressed, room);
                size = inflater.getBytesWritten();
            }
            if (e.crc() >= 0 && crc.getValue() != e.crc()) {
                throw new ZipException("CRC mismatch in " + e.name());
            }
            total += size;
            if (out != null) {
                kept += size;
            }
            return out;
        }

        private byte[] inflate(Part e, int offset, int compressed, long room)
                throws ZipException {
            inflater.reset();
            inflater.setInput(zip, offset, compressed);
            long declared = e.size();
            byte[] out = room >= 0 && declared <= room
                    ? new byte[(int) Math.max(64, Math.min(declared, room))] : null;
            int n = 0;
            boolean padded = false;
            try {
                while (!inflater.finished()) {
                    if (out != null && n == out.length) {
                        long grown = Math.min((long) out.length * 2, room);
                        out = grown > n ? Arrays.copyOf(out, (int) grown) : null;
                    }
                    byte[] into = out != null ? out : scratch;
                    int at = out != null ? n : 0;
                    int got = inflater.inflate(into, at, into.length - at);
                    if (got == 0) {
                        if (!inflater.needsInput() || padded) {
                            throw new ZipException("truncated entry " + e.name());
                        }
                        // zlib may want one byte past the raw deflate data to end the stream
                        inflater.setInput(new byte[1]);
                        padded = true;
                        continue;
                    }
                    crc.update(into, at, got);
                    count(inflater.getBytesWritten(), compressed);
                    n = out != null ? n + got : 0;
                }
            } catch (DataFormatException x) {
                throw new ZipException("bad deflate data in " + e.name() + ": "
                        + x.getMessage());
            }
            return out == null ? null : n == out.length ? out : Arrays.copyOf(out, n);
        }

        /** For what the direct path does not take: other methods, encryption (refused). */
        private byte[] viaStream(Part e, long room) throws IOException {
            if (z == null || e.archive() == null) {
                throw new ZipException("entry " + e.name() + " cannot be read");
            }
            ByteArrayOutputStream out = room >= 0 ? new ByteArrayOutputStream() : null;
            long size = 0;
            try (InputStream in = z.getInputStream(e.archive())) {
                for (int n = in.read(scratch); n > 0; n = in.read(scratch)) {
                    size += n;
                    count(size, e.compressed());
                    if (out != null && size > room) {
                        out = null;
                    }
                    if (out != null) {
                        out.write(scratch, 0, n);
                    }
                }
            }
            total += size;
            if (out != null) {
                kept += size;
            }
            return out == null ? null : out.toByteArray();
        }

        /** Checks an entry inflated so far to {@code size} bytes, and the zip's total. */
        private void count(long size, long compressed) {
            if (total + size > MAX_TOTAL || isBomb(size, compressed)) {
                throw bomb(file);
            }
        }

        @Override
        public void close() {
            inflater.end();
        }
    }

    private static void checkDeclared(String file, List<Part> parts) {
        long declared = 0;
        for (Part p : parts) {
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

    static UnreadableReturnException bomb(String file) {
        return new UnreadableReturnException(file, "文件 " + file + " 解压后异常巨大（疑似压缩炸弹），"
                + "为安全起见不予读取。请上传由报表模板填写保存的原文件。");
    }

    static UnreadableReturnException damaged(String file, Exception cause) {
        return new UnreadableReturnException(file, "文件 " + file + " 已损坏或不完整，无法打开。"
                + "请在Excel中重新打开并保存后再上传。", cause);
    }
}

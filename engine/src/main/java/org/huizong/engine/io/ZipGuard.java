package org.huizong.engine.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks an .xlsx (a zip) before anything parses it: that it is a readable zip, and that it is
 * not a zip bomb. Declared entry sizes are checked first, from the central directory, without
 * inflating anything; then every entry is inflated into a counter that stops as soon as the
 * inflated size passes a limit, so a file that lies about its sizes is caught too.
 *
 * <p>The zip is opened once: the same pass keeps the parts the reader asked for, so nothing is
 * inflated twice for an ordinary return. Kept parts are bounded ({@link #KEEP_LIMIT}); a part
 * past that bound is inflated again from the open zip when it is read.
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
     * A zip that passed the check, open for reading its parts until closed.
     *
     * <p>Not thread-safe: one file is read by one thread.
     */
    static final class Contents implements AutoCloseable {
        private final String file;
        private final ZipFile zip;
        private final List<String> names;
        private final Map<String, ZipArchiveEntry> entries;
        private final Map<String, byte[]> kept;

        private Contents(String file, ZipFile zip, List<String> names,
                Map<String, ZipArchiveEntry> entries, Map<String, byte[]> kept) {
            this.file = file;
            this.zip = zip;
            this.names = List.copyOf(names);
            this.entries = entries;
            this.kept = kept;
        }

        /** Every entry name, in central-directory order. */
        List<String> names() {
            return names;
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
            ZipArchiveEntry e = entries.get(name);
            if (e == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(e)) {
                return Optional.of(in.readAllBytes());
            } catch (IOException | RuntimeException x) {
                throw damaged(file, x);
            }
        }

        /** The content of entry {@code name} if the check kept it in memory. */
        Optional<byte[]> kept(String name) {
            return Optional.ofNullable(kept.get(name));
        }

        /** A stream of entry {@code name}'s content; empty when there is none. */
        Optional<InputStream> open(String name) {
            byte[] b = kept.get(name);
            if (b != null) {
                return Optional.of(new ByteArrayInputStream(b));
            }
            ZipArchiveEntry e = entries.get(name);
            if (e == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(zip.getInputStream(e));
            } catch (IOException | RuntimeException x) {
                throw damaged(file, x);
            }
        }

        @Override
        public void close() {
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
        ZipFile z = null;
        try {
            z = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                    .get();
            Contents c = check(file, zip, z, keep);
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

    private static Contents check(String file, byte[] bytes, ZipFile z, Predicate<String> keep)
            throws IOException {
        List<ZipArchiveEntry> entries = Collections.list(z.getEntries());
        checkDeclared(file, entries);
        List<String> names = new ArrayList<>(entries.size());
        Map<String, ZipArchiveEntry> byName = new HashMap<>();
        Map<String, byte[]> kept = new HashMap<>();
        try (Inflation inflation = new Inflation(file, bytes, z)) {
            for (ZipArchiveEntry e : entries) {
                names.add(e.getName());
                // zip readers find the first of two entries of one name; so does this one
                boolean first = byName.putIfAbsent(e.getName(), e) == null;
                long room = first && keep.test(e.getName()) ? KEEP_LIMIT - inflation.kept : -1;
                byte[] content = inflation.entry(e, room);
                if (content != null) {
                    kept.put(e.getName(), content);
                }
            }
        }
        return new Contents(file, z, names, byName, kept);
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
        byte[] entry(ZipArchiveEntry e, long room) throws IOException {
            long offset = e.getDataOffset();
            long compressed = e.getCompressedSize();
            boolean direct = !e.getGeneralPurposeBit().usesEncryption() && offset >= 0
                    && compressed >= 0 && offset + compressed <= zip.length
                    && (e.getMethod() == ZipEntry.DEFLATED || e.getMethod() == ZipEntry.STORED);
            if (!direct) {
                return viaStream(e, room);
            }
            crc.reset();
            byte[] out;
            long size;
            if (e.getMethod() == ZipEntry.STORED) {
                size = compressed;
                count(size, size);
                crc.update(zip, (int) offset, (int) compressed);
                out = size <= room ? Arrays.copyOfRange(zip, (int) offset,
                        (int) (offset + compressed)) : null;
            } else {
                out = inflate(e, (int) offset, (int) compressed, room);
                size = inflater.getBytesWritten();
            }
            if (e.getCrc() >= 0 && crc.getValue() != e.getCrc()) {
                throw new ZipException("CRC mismatch in " + e.getName());
            }
            total += size;
            if (out != null) {
                kept += size;
            }
            return out;
        }

        private byte[] inflate(ZipArchiveEntry e, int offset, int compressed, long room)
                throws ZipException {
            inflater.reset();
            inflater.setInput(zip, offset, compressed);
            long declared = e.getSize();
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
                            throw new ZipException("truncated entry " + e.getName());
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
                throw new ZipException("bad deflate data in " + e.getName() + ": "
                        + x.getMessage());
            }
            return out == null ? null : n == out.length ? out : Arrays.copyOf(out, n);
        }

        /** For what the direct path does not take: other methods, encryption (refused). */
        private byte[] viaStream(ZipArchiveEntry e, long room) throws IOException {
            ByteArrayOutputStream out = room >= 0 ? new ByteArrayOutputStream() : null;
            long size = 0;
            try (InputStream in = z.getInputStream(e)) {
                for (int n = in.read(scratch); n > 0; n = in.read(scratch)) {
                    size += n;
                    count(size, e.getCompressedSize());
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

    private static void checkDeclared(String file, List<ZipArchiveEntry> entries) {
        long declared = 0;
        for (ZipArchiveEntry e : entries) {
            long size = Math.max(0, e.getSize());
            declared += size;
            if (declared > MAX_TOTAL || isBomb(size, e.getCompressedSize())) {
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

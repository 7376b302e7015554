package org.huizong.engine.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
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
            Contents c = check(file, z, keep);
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

    private static Contents check(String file, ZipFile z, Predicate<String> keep)
            throws IOException {
        List<ZipArchiveEntry> entries = Collections.list(z.getEntries());
        checkDeclared(file, entries);
        List<String> names = new ArrayList<>(entries.size());
        Map<String, ZipArchiveEntry> byName = new HashMap<>();
        Map<String, byte[]> kept = new HashMap<>();
        long total = 0;
        long keptTotal = 0;
        byte[] buf = new byte[32 * 1024];
        for (ZipArchiveEntry e : entries) {
            names.add(e.getName());
            // zip readers find the first of two entries of one name; so does this one
            boolean first = byName.putIfAbsent(e.getName(), e) == null;
            ByteArrayOutputStream out = first && keep.test(e.getName())
                    && keptTotal + Math.max(0, e.getSize()) <= KEEP_LIMIT
                    ? new ByteArrayOutputStream((int) Math.max(32, e.getSize())) : null;
            long size = 0;
            try (InputStream in = z.getInputStream(e)) {
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    size += n;
                    total += n;
                    if (total > MAX_TOTAL || isBomb(size, e.getCompressedSize())) {
                        throw bomb(file);
                    }
                    if (out != null && keptTotal + size > KEEP_LIMIT) {
                        out = null;
                    }
                    if (out != null) {
                        out.write(buf, 0, n);
                    }
                }
            }
            if (out != null) {
                kept.put(e.getName(), out.toByteArray());
                keptTotal += size;
            }
        }
        return new Contents(file, z, names, byName, kept);
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

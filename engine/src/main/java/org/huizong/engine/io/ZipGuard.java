package org.huizong.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks an .xlsx (a zip) before anything parses it: that it is a readable zip, and that it is
 * not a zip bomb. Declared entry sizes are checked first, from the central directory, without
 * inflating anything; then every entry is inflated into a counter that stops as soon as the
 * inflated size passes a limit, so a file that lies about its sizes is caught too.
 */
final class ZipGuard {
    /** Most bytes all entries together may inflate to. */
    static final long MAX_TOTAL = 200L * 1024 * 1024;
    /** Entries up to this size may compress as well as they like (a blank sheet does). */
    static final long RATIO_GRACE = 1024L * 1024;
    /** Inflated to compressed size beyond which a large entry is taken for a bomb. */
    static final long MAX_RATIO = 100;

    private ZipGuard() {
    }

    /**
     * What a safe zip holds.
     *
     * @param names every entry name, in central-directory order
     * @param parts the content of the entries {@code keep} selected
     */
    record Contents(List<String> names, Map<String, byte[]> parts) {
    }

    /**
     * @throws UnreadableReturnException naming {@code file} when the zip is damaged or a bomb
     */
    static Contents inspect(String file, byte[] zip, Predicate<String> keep) {
        try (ZipFile z = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(z.getEntries());
            checkDeclared(file, entries);
            List<String> names = new ArrayList<>();
            Map<String, byte[]> parts = new LinkedHashMap<>();
            long total = 0;
            byte[] buf = new byte[32 * 1024];
            for (ZipArchiveEntry e : entries) {
                names.add(e.getName());
                ByteArrayOutputStream kept = keep.test(e.getName())
                        ? new ByteArrayOutputStream() : null;
                long size = 0;
                try (InputStream in = z.getInputStream(e)) {
                    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                        size += n;
                        total += n;
                        if (total > MAX_TOTAL || isBomb(size, e.getCompressedSize())) {
                            throw bomb(file);
                        }
                        if (kept != null) {
                            kept.write(buf, 0, n);
                        }
                    }
                }
                if (kept != null) {
                    parts.put(e.getName(), kept.toByteArray());
                }
            }
            return new Contents(List.copyOf(names), parts);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableReturnException u) {
                throw u;
            }
            throw damaged(file, e);
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

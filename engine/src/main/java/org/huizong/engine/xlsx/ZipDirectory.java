package org.huizong.engine.xlsx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;

/**
 * The central directory of a zip held in memory, read straight from its bytes, for the plain
 * zips spreadsheet programs write: one disk, no zip64, entries stored or deflated and not
 * encrypted, names in ASCII or flagged as UTF-8, every offset and size consistent. For anything
 * else it gives nothing, and {@link ZipGuard} reads the zip with commons-compress, which
 * decides. Building commons-compress's model of the directory was a tenth of reading a return.
 */
public final class ZipDirectory {
    private static final int END = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL = 0x04034b50;
    private static final int LOCAL_SIZE = 30;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ENCRYPTED = 1;
    private static final int UTF8_NAMES = 1 << 11;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int UNICODE_PATH_EXTRA = 0x7075;

    private ZipDirectory() {
    }

    /**
     * An entry: its name, how it is compressed, its CRC and sizes from the central directory,
     * and where its data starts in the zip.
     */
    public record CentralEntry(String name, int method, long crc, long compressed, long size,
            int dataOffset) {
    }

    /** The entries in central-directory order, or empty when the zip is not plain. */
    public static Optional<List<CentralEntry>> read(byte[] zip) {
        return read(zip, Integer.MAX_VALUE);
    }

    /**
     * As {@link #read(byte[])}, and empty too when the directory declares more than {@code most}
     * entries, before any is built.
     */
    public static Optional<List<CentralEntry>> read(byte[] zip, int most) {
        int end = endRecord(zip);
        if (end < 0 || u16(zip, end + 4) != 0 || u16(zip, end + 6) != 0
                || u16(zip, end + 8) != u16(zip, end + 10)
                || end >= 20 && u32(zip, end - 20) == ZIP64_LOCATOR) {
            return Optional.empty();
        }
        int count = u16(zip, end + 10);
        long size = u32(zip, end + 12);
        long offset = u32(zip, end + 16);
        if (count == 0xFFFF || count > most || offset + size != end) {
            return Optional.empty();
        }
        List<CentralEntry> out = new ArrayList<>(count);
        int p = (int) offset;
        for (int i = 0; i < count; i++) {
            CentralEntry e = entry(zip, p, (int) offset);
            if (e == null) {
                return Optional.empty();
            }
            out.add(e);
            p += CENTRAL_SIZE + u16(zip, p + 28) + u16(zip, p + 30) + u16(zip, p + 32);
        }
        return p == end ? Optional.of(out) : Optional.empty();
    }

    /**
     * At least as many as the entries any zip reader can find in {@code zip}: the number of
     * central directory signatures in it. One scan, nothing allocated; counting stops past
     * {@code Integer.MAX_VALUE}.
     */
    public static int mostEntries(byte[] zip) {
        int n = 0;
        for (int p = 0; p + 4 <= zip.length; p++) {
            if (zip[p] == 'P' && zip[p + 1] == 'K' && zip[p + 2] == 1 && zip[p + 3] == 2) {
                n++;
                p += 3;
            }
        }
        return n;
    }

    /** The end of central directory record, whose comment runs exactly to the end; or -1. */
    private static int endRecord(byte[] zip) {
        for (int p = zip.length - END_SIZE; p >= 0 && p >= zip.length - END_SIZE - MAX_COMMENT;
                p--) {
            if (u32(zip, p) == END && p + END_SIZE + u16(zip, p + 20) == zip.length) {
                return p;
            }
        }
        return -1;
    }

    /** The central directory entry at {@code p}, or null when it is not plain. */
    private static CentralEntry entry(byte[] zip, int p, int directory) {
        if (p + CENTRAL_SIZE > zip.length || u32(zip, p) != CENTRAL) {
            return null;
        }
        int flags = u16(zip, p + 8);
        int method = u16(zip, p + 10);
        long compressed = u32(zip, p + 20);
        long size = u32(zip, p + 24);
        int nameLength = u16(zip, p + 28);
        int extraLength = u16(zip, p + 30);
        long local = u32(zip, p + 42);
        int name = p + CENTRAL_SIZE;
        if ((flags & ENCRYPTED) != 0 || method != ZipEntry.STORED && method != ZipEntry.DEFLATED
                || u16(zip, p + 34) != 0 || compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL
                || local == 0xFFFFFFFFL || name + nameLength + extraLength > zip.length
                || hasExtra(zip, name + nameLength, extraLength)) {
            return null;
        }
        boolean ascii = true;
        for (int i = name; i < name + nameLength; i++) {
            ascii &= zip[i] >= 0;
        }
        if (!ascii && (flags & UTF8_NAMES) == 0) {
            return null;
        }
        if (local + LOCAL_SIZE > directory || u32(zip, (int) local) != LOCAL) {
            return null;
        }
        long data = local + LOCAL_SIZE + u16(zip, (int) local + 26) + u16(zip, (int) local + 28);
        if (data + compressed > directory) {
            return null;
        }
        return new CentralEntry(new String(zip, name, nameLength, StandardCharsets.UTF_8), method,
                u32(zip, p + 16), compressed, size, (int) data);
    }

    /** Whether the extra field holds zip64 sizes or a Unicode path, which change the entry. */
    private static boolean hasExtra(byte[] zip, int from, int length) {
        int p = from;
        while (p + 4 <= from + length) {
            int id = u16(zip, p);
            if (id == ZIP64_EXTRA || id == UNICODE_PATH_EXTRA) {
                return true;
            }
            p += 4 + u16(zip, p + 2);
        }
        return false;
    }

    private static int u16(byte[] b, int p) {
        return p < 0 || p + 2 > b.length ? -1 : (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int p) {
        return p < 0 || p + 4 > b.length ? -1
                : (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16
                        | (b[p + 3] & 0xFFL) << 24;
    }
}

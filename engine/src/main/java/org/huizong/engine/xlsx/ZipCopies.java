package org.huizong.engine.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies of a zip that {@link Zips} wrote, each with some entries' content replaced: the same
 * bytes as {@link Zips#normalize normalizing} a zip of the new content, made without deflating
 * the entries that stay the same. A replaced entry is deflated into a zip of its own by the same
 * {@code java.util.zip} stream {@code Zips} uses, and its records are spliced in; every other
 * entry's records (local header, deflated data, data descriptor) are copied as they are, which
 * a zip allows because only the central directory holds offsets.
 */
public final class ZipCopies {
    private static final int END_SIZE = 22;
    private static final int CEN_HEADER = 46;
    private static final int END_SIG = 0x06054b50;

    private final byte[] zip;
    private final LocalDateTime stamp;
    private final List<String> names = new ArrayList<>();
    private final List<int[]> locals = new ArrayList<>(); // {start, end} of local records
    private final List<int[]> centrals = new ArrayList<>(); // {start, end} of central records

    private ZipCopies(byte[] zip, LocalDateTime stamp) {
        this.zip = zip;
        this.stamp = stamp;
        int end = zip.length - END_SIZE;
        if (end < 0 || readInt(zip, end) != END_SIG) {
            throw new IllegalArgumentException("not a zip written by Zips (no comment, no zip64)");
        }
        int count = readShort(zip, end + 10);
        int cenStart = readInt(zip, end + 16);
        int p = cenStart;
        for (int i = 0; i < count; i++) {
            int nameLength = readShort(zip, p + 28);
            int next = p + CEN_HEADER + nameLength + readShort(zip, p + 30)
                    + readShort(zip, p + 32);
            names.add(new String(zip, p + CEN_HEADER, nameLength, StandardCharsets.UTF_8));
            centrals.add(new int[] {p, next});
            locals.add(new int[] {readInt(zip, p + 42), 0});
            p = next;
        }
        for (int i = 0; i < count; i++) {
            locals.get(i)[1] = i + 1 < count ? locals.get(i + 1)[0] : cenStart;
        }
    }

    /**
     * {@code zip} as {@link Zips} writes it (every entry stamped {@code stamp}, deflated at level
     * 6, in one run, no comment), ready to be copied.
     */
    public static ZipCopies of(byte[] zip, LocalDateTime stamp) {
        return new ZipCopies(zip.clone(), stamp);
    }

    /** Every entry's inflated content, by name, in the zip's order. */
    public Map<String, byte[]> entries() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a zip held in memory", e);
        }
        return parts;
    }

    /**
     * A copy with the entries named in {@code replaced} holding the given content, in the same
     * place; the same bytes as {@code Zips.normalize} of a zip with that content.
     */
    public byte[] with(Map<String, byte[]> replaced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 4096);
        ByteArrayOutputStream central = new ByteArrayOutputStream(4096);
        for (int i = 0; i < names.size(); i++) {
            int offset = out.size();
            byte[] content = replaced.get(names.get(i));
            byte[] cen;
            if (content == null) {
                int[] l = locals.get(i);
                out.write(zip, l[0], l[1] - l[0]);
                int[] c = centrals.get(i);
                cen = Arrays.copyOfRange(zip, c[0], c[1]);
            } else {
                byte[] one = single(names.get(i), content);
                int cenStart = readInt(one, one.length - END_SIZE + 16);
                out.write(one, 0, cenStart);
                cen = Arrays.copyOfRange(one, cenStart, one.length - END_SIZE);
            }
            writeInt(cen, 42, offset);
            central.writeBytes(cen);
        }
        int cenStart = out.size();
        out.writeBytes(central.toByteArray());
        byte[] end = new byte[END_SIZE];
        writeInt(end, 0, END_SIG);
        writeShort(end, 8, names.size());
        writeShort(end, 10, names.size());
        writeInt(end, 12, central.size());
        writeInt(end, 16, cenStart);
        out.writeBytes(end);
        return out.toByteArray();
    }

    /** A zip of one entry, written as {@link Zips#normalize} writes each entry. */
    private byte[] single(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 256);
        try (ZipOutputStream z = Zips.deflating(out)) {
            Zips.putEntry(z, name, stamp);
            z.write(content);
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a zip held in memory", e);
        }
        return out.toByteArray();
    }

    private static int readShort(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int readInt(byte[] b, int at) {
        return readShort(b, at) | readShort(b, at + 2) << 16;
    }

    private static void writeShort(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void writeInt(byte[] b, int at, int v) {
        writeShort(b, at, v);
        writeShort(b, at + 2, v >>> 16);
    }
}

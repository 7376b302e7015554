package org.huizong.engine.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Edits a workbook's zip directly, as a script or another program might have saved it. */
final class Zips {
    private Zips() {
    }

    /** The text of one entry. */
    static String read(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no entry " + name);
    }

    /** A copy with one text entry edited; fails when the edit changes nothing. */
    static byte[] rewrite(byte[] zip, String name, UnaryOperator<String> edit) {
        boolean[] changed = {false};
        byte[] out = copy(zip, (e, content) -> {
            if (!e.equals(name)) {
                return content;
            }
            String before = new String(content, StandardCharsets.UTF_8);
            String after = edit.apply(before);
            changed[0] = !after.equals(before);
            return after.getBytes(StandardCharsets.UTF_8);
        }, null, null);
        if (!changed[0]) {
            throw new IllegalStateException("edit of " + name + " changed nothing");
        }
        return out;
    }

    /**
     * A copy with bytes in the middle of one entry's compressed data inverted, its directory
     * unchanged: a part damaged in transfer.
     */
    static byte[] damageData(byte[] zip, String name) {
        ZipDirectory.Entry e = ZipDirectory.read(zip).orElseThrow().stream()
                .filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        byte[] out = zip.clone();
        int middle = e.dataOffset() + (int) e.compressed() / 2;
        for (int i = middle; i < middle + 8; i++) {
            out[i] ^= (byte) 0xFF;
        }
        return out;
    }

    /** A copy with one more entry at the end. */
    static byte[] add(byte[] zip, String name, byte[] content) {
        return copy(zip, (e, c) -> c, name, content);
    }

    private interface Edit {
        byte[] apply(String entry, byte[] content);
    }

    private static byte[] copy(byte[] zip, Edit edit, String extraName, byte[] extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(edit.apply(e.getName(), in.readAllBytes()));
                out.closeEntry();
            }
            if (extraName != null) {
                out.putNextEntry(new ZipEntry(extraName));
                out.write(extra);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

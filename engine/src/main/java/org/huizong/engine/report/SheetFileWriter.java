package org.huizong.engine.report;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The writer of a streamed sheet's temporary file: UTF-8 straight into a byte buffer, without
 * the locking and the charset encoder of the {@code BufferedWriter} over an
 * {@code OutputStreamWriter} that POI opens, which cost more than the XML POI writes through it
 * (it writes every cell attribute by attribute, and escaped text a character at a time). The
 * bytes are the same: UTF-8, and {@code ?} for a surrogate without its pair, as the
 * {@code OutputStreamWriter} writes them. One thread writes a sheet; not thread-safe.
 */
final class SheetFileWriter extends Writer {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int n;
    /** A high surrogate whose low half has not come yet, or 0. */
    private char high;

    SheetFileWriter(File file) throws IOException {
        this.out = new FileOutputStream(file);
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            put(s.charAt(i));
        }
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            put(chars[i]);
        }
    }

    private void put(char c) throws IOException {
        if (n > buf.length - 4) {
            drain();
        }
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buf[n++] = (byte) (0xF0 | (cp >> 18));
                buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            buf[n++] = '?';
            put(c);
        } else if (c < 0x80) {
            buf[n++] = (byte) c;
        } else if (c < 0x800) {
            buf[n++] = (byte) (0xC0 | (c >> 6));
            buf[n++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[n++] = '?';
        } else {
            buf[n++] = (byte) (0xE0 | (c >> 12));
            buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[n++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void drain() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Writes what is left; a high surrogate left alone at the end is written as {@code ?}. */
    @Override
    public void close() throws IOException {
        if (high != 0) {
            high = 0;
            put('?');
        }
        drain();
        out.close();
    }
}

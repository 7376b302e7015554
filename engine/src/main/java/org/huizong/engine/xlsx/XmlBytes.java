package org.huizong.engine.xlsx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte-level helpers of the XML scans ({@link PlainXml}, {@link SharedStrings}): ASCII names
 * compared in place, a byte searched eight at a time, the prolog, character data decoded.
 */
final class XmlBytes {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The declaration nearly every part starts with, checked without building a string. */
    private static final byte[] UTF8_DECLARATION =
            bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"");

    private XmlBytes() {
    }

    /** Whether {@code b[from, to)} is the ASCII name {@code name}. */
    static boolean isName(byte[] b, String name, int from, int to) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (b[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code b} holds the same {@code length} bytes at {@code i} and {@code j}: a loop,
     * since the names compared are a few bytes long, too short for {@code Arrays.equals} to pay
     * for its setup.
     */
    static boolean same(byte[] b, int i, int j, int length) {
        for (int k = 0; k < length; k++) {
            if (b[i + k] != b[j + k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b[from, to)} holds the byte {@code x}. */
    static boolean contains(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return true;
            }
        }
        return false;
    }

    static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean isSpace(byte x) {
        return x == ' ' || x == '\n' || x == '\r' || x == '\t';
    }

    /**
     * The first {@code x} in {@code b} from {@code from}, or -1. Eight bytes at a time (a byte
     * equal to {@code x} is a zero byte of the XOR, found with the usual bit trick): most of a
     * worksheet is text and formulas between the tags.
     */
    static int indexOf(byte[] b, byte x, int from) {
        int i = from;
        long pattern = (x & 0xFFL) * 0x0101010101010101L;
        for (; i + 8 <= b.length; i += 8) {
            long v = (long) LONGS.get(b, i) ^ pattern;
            long found = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the content after the XML declaration starts, or -1 when the declaration names an
     * encoding other than UTF-8 or the bytes start with a byte order mark of UTF-16.
     */
    static int prolog(byte[] xml) {
        if (xml.length >= 2 && (xml[0] == (byte) 0xFE || xml[0] == (byte) 0xFF)) {
            return -1;
        }
        int p = xml.length >= 3 && xml[0] == (byte) 0xEF && xml[1] == (byte) 0xBB
                && xml[2] == (byte) 0xBF ? 3 : 0;
        if (xml.length < p + 5 || !new String(xml, p, 5, StandardCharsets.US_ASCII)
                .equals("<?xml")) {
            return p;
        }
        int end = indexOf(xml, (byte) '>', p);
        if (end < 0) {
            return -1;
        }
        if (end - p == UTF8_DECLARATION.length + 1 && Arrays.equals(xml, p, end - 1,
                UTF8_DECLARATION, 0, UTF8_DECLARATION.length)) {
            return end + 1;
        }
        return declaresUtf8(new String(xml, p, end - p, StandardCharsets.US_ASCII))
                ? end + 1 : -1;
    }

    /** Whether an XML declaration names no encoding or UTF-8. */
    static boolean declaresUtf8(String decl) {
        int i = decl.indexOf("encoding");
        if (i < 0) {
            return true;
        }
        i += "encoding".length();
        while (i < decl.length() && (decl.charAt(i) == '=' || Character.isWhitespace(
                decl.charAt(i)))) {
            i++;
        }
        if (i >= decl.length()) {
            return false;
        }
        char quote = decl.charAt(i);
        int close = decl.indexOf(quote, i + 1);
        return close > 0 && decl.substring(i + 1, close).equalsIgnoreCase("UTF-8");
    }

    /** Character data: UTF-8, entities and character references decoded, line ends as XML. */
    static String text(byte[] xml, int from, int to) {
        String raw = new String(xml, from, to - from, StandardCharsets.UTF_8);
        if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) {
            return raw;
        }
        return decodeEntities(raw.replace("\r\n", "\n").replace('\r', '\n'));
    }

    /**
     * XML's five entities and character references decoded.
     *
     * @throws IllegalArgumentException on any other entity, which no parser would accept
     */
    static String decodeEntities(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semi = s.indexOf(';', i);
            if (semi < 0) {
                throw new IllegalArgumentException("unterminated entity");
            }
            String name = s.substring(i + 1, semi);
            switch (name) {
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "amp" -> out.append('&');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> out.appendCodePoint(characterReference(name));
            }
            i = semi + 1;
        }
        return out.toString();
    }

    static int characterReference(String name) {
        try {
            if (name.startsWith("#x")) {
                return Integer.parseInt(name.substring(2), 16);
            }
            if (name.startsWith("#")) {
                return Integer.parseInt(name.substring(1));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad character reference &" + name + ";", e);
        }
        throw new IllegalArgumentException("unknown entity &" + name + ";");
    }
}

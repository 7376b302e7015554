package org.huizong.engine.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;

/**
 * Worksheet XML read straight from its bytes, for the form spreadsheet programs write:
 * UTF-8, unprefixed element names, no processing instructions or DTD (comments and CDATA
 * sections are fine). It walks the elements like a StAX reader (start and end tags,
 * attributes, text) without building strings for what nobody asks about, and checks that end
 * tags match.
 *
 * <p>Anything outside that form throws {@link NotPlain} at once, and the caller reads the part
 * again with StAX, which decides. So a part this cursor reads to the end reads the same with
 * StAX; it is several times faster.
 *
 * <p>Also the helpers the byte scan of shared strings shares: the prolog, character data.
 */
final class PlainXml implements XmlCursor {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The declaration nearly every part starts with, checked without building a string. */
    private static final byte[] UTF8_DECLARATION =
            bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"");
    private static final byte[] CDATA = bytes("<![CDATA[");
    private static final byte[] CDATA_END = bytes("]]>");
    private static final byte[] COMMENT = bytes("<!--");
    private static final byte[] COMMENT_END = bytes("-->");

    private final byte[] b;
    private int p;
    private int nameFrom;
    private int nameTo;
    private int attrFrom;
    private int attrTo;
    private boolean pendingEnd;
    private int[] openFrom = new int[16];
    private int[] openTo = new int[16];
    private int depth;

    /** Not the plain form: read the part with StAX instead. */
    static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super("not plain XML", null, false, false);
        }
    }

    PlainXml(byte[] xml) {
        this.b = xml;
        this.p = prolog(xml);
        if (p < 0) {
            throw new NotPlain();
        }
    }

    @Override
    public int next() {
        if (pendingEnd) {
            pendingEnd = false;
            depth--;
            return XMLStreamConstants.END_ELEMENT;
        }
        int lt = indexOf(b, (byte) '<', p);
        while (lt >= 0 && lt + 1 < b.length && b[lt + 1] == '!') {
            // character data in a CDATA section, or a comment: skipped like other text
            lt = indexOf(b, (byte) '<', skipSection(lt));
        }
        if (lt < 0 || lt + 1 >= b.length) {
            if (depth != 0) {
                throw new NotPlain();
            }
            return XMLStreamConstants.END_DOCUMENT;
        }
        byte first = b[lt + 1];
        if (first == '/') {
            return endTag(lt);
        }
        if (first == '?') {
            throw new NotPlain();
        }
        nameFrom = lt + 1;
        nameTo = nameEnd(nameFrom);
        if (nameTo == nameFrom || contains((byte) ':', nameFrom, nameTo)) {
            throw new NotPlain();
        }
        int i = nameTo;
        while (true) {
            if (i >= b.length) {
                throw new NotPlain();
            }
            byte x = b[i];
            if (x == '"' || x == '\'') {
                int close = indexOf(b, x, i + 1);
                if (close < 0) {
                    throw new NotPlain();
                }
                i = close + 1;
                continue;
            }
            if (x == '>') {
                break;
            }
            if (x == '<') {
                throw new NotPlain();
            }
            i++;
        }
        boolean empty = b[i - 1] == '/';
        attrFrom = nameTo;
        attrTo = empty ? i - 1 : i;
        push();
        p = i + 1;
        pendingEnd = empty;
        return XMLStreamConstants.START_ELEMENT;
    }

    private int endTag(int lt) {
        nameFrom = lt + 2;
        nameTo = nameEnd(nameFrom);
        int gt = nameTo;
        while (gt < b.length && isSpace(b[gt])) {
            gt++;
        }
        if (gt >= b.length || b[gt] != '>' || depth == 0
                || openTo[depth - 1] - openFrom[depth - 1] != nameTo - nameFrom
                || !same(b, nameFrom, openFrom[depth - 1], nameTo - nameFrom)) {
            throw new NotPlain();
        }
        depth--;
        p = gt + 1;
        return XMLStreamConstants.END_ELEMENT;
    }

    private void push() {
        if (depth == openFrom.length) {
            openFrom = Arrays.copyOf(openFrom, depth * 2);
            openTo = Arrays.copyOf(openTo, depth * 2);
        }
        openFrom[depth] = nameFrom;
        openTo[depth] = nameTo;
        depth++;
    }

    @Override
    public boolean is(String localName) {
        return is(localName, nameFrom, nameTo);
    }

    @Override
    public String attribute(String name) {
        long range = attributeRange(name);
        if (range < 0) {
            return null;
        }
        int from = (int) (range >>> 32);
        int to = (int) range;
        for (int i = from; i < to; i++) {
            if (b[i] < 0x20 || b[i] == '&') {
                // control characters (tabs, line ends) and entities need XML's normalisation
                return decodeEntities(new String(b, from, to - from, StandardCharsets.UTF_8)
                        .replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    @Override
    public String relationshipId() {
        int i = attrFrom;
        while (i < attrTo) {
            while (i < attrTo && isSpace(b[i])) {
                i++;
            }
            int from = i;
            while (i < attrTo && b[i] != '=' && !isSpace(b[i])) {
                i++;
            }
            int to = i;
            int quote = i;
            while (quote < attrTo && b[quote] != '"' && b[quote] != '\'') {
                quote++;
            }
            int close = quote < attrTo ? indexOf(b, b[quote], quote + 1) : -1;
            if (close < 0 || close > attrTo) {
                break;
            }
            if (to - from > 3 && b[to - 3] == ':' && b[to - 2] == 'i' && b[to - 1] == 'd') {
                return new String(b, quote + 1, close - quote - 1, StandardCharsets.UTF_8);
            }
            i = close + 1;
        }
        return "";
    }

    @Override
    public int column(int otherwise) {
        long range = attributeRange("r");
        if (range < 0) {
            return otherwise;
        }
        int c = 0;
        int letters = 0;
        for (int i = (int) (range >>> 32); i < (int) range; i++) {
            byte x = b[i];
            if (x >= 'A' && x <= 'Z' || x >= 'a' && x <= 'z') {
                c = c * 26 + ((x & ~0x20) - 'A' + 1);
                letters++;
            } else if (x != '$') {
                break;
            }
        }
        if (letters == 0 || letters > 3) {
            throw new IllegalArgumentException("bad cell reference");
        }
        return c - 1;
    }

    @Override
    public int row(int otherwise) {
        long range = attributeRange("r");
        if (range < 0) {
            return otherwise;
        }
        int from = (int) (range >>> 32);
        int to = (int) range;
        if (to - from > 9 || to == from) {
            throw new IllegalArgumentException("bad row number");
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw new IllegalArgumentException("bad row number");
            }
            n = n * 10 + b[i] - '0';
        }
        return n - 1;
    }

    /** Where attribute {@code name}'s value is ({@code from << 32 | to}), or -1 if absent. */
    private long attributeRange(String name) {
        int i = attrFrom;
        while (i < attrTo) {
            while (i < attrTo && isSpace(b[i])) {
                i++;
            }
            if (i >= attrTo) {
                break;
            }
            int from = i;
            while (i < attrTo && b[i] != '=' && !isSpace(b[i])) {
                i++;
            }
            int to = i;
            while (i < attrTo && isSpace(b[i])) {
                i++;
            }
            if (i >= attrTo || b[i] != '=') {
                throw new NotPlain();
            }
            i++;
            while (i < attrTo && isSpace(b[i])) {
                i++;
            }
            if (i >= attrTo || b[i] != '"' && b[i] != '\'') {
                throw new NotPlain();
            }
            int close = indexOf(b, b[i], i + 1);
            if (close < 0 || close >= attrTo) {
                throw new NotPlain();
            }
            if (is(name, from, to)) {
                return (long) (i + 1) << 32 | close;
            }
            i = close + 1;
        }
        return -1;
    }

    /**
     * Skips as bytes: finds the element's end tag without reading what is between (its
     * nesting is then not checked; CDATA sections and comments are stepped over), unless a
     * {@code child} or a nested element of the same name comes first.
     */
    @Override
    public boolean skipUnless(String child) {
        if (pendingEnd) {
            pendingEnd = false;
            depth--;
            return true;
        }
        int length = nameTo - nameFrom;
        int lt = indexOf(b, (byte) '<', p);
        while (lt >= 0 && lt + 2 + length < b.length) {
            byte first = b[lt + 1];
            if (first == '/') {
                if (b[lt + 2 + length] == '>'
                        && same(b, lt + 2, nameFrom, length)) {
                    p = lt + 3 + length;
                    depth--;
                    return true;
                }
            } else if (first == '!') {
                lt = indexOf(b, (byte) '<', skipSection(lt));
                continue;
            } else if (first == '?' || startsTag(lt + 1, child)
                    || startsTag(lt + 1, nameFrom, nameTo)) {
                return false;
            }
            lt = indexOf(b, (byte) '<', lt + 1);
        }
        return false;
    }

    private boolean startsTag(int at, String name) {
        int end = at + name.length();
        return end < b.length && is(name, at, end) && (b[end] == '>' || b[end] == '/'
                || isSpace(b[end]));
    }

    private boolean startsTag(int at, int from, int to) {
        int end = at + to - from;
        return end < b.length && same(b, at, from, to - from)
                && (b[end] == '>' || b[end] == '/' || isSpace(b[end]));
    }

    /**
     * Where the CDATA section or comment starting at {@code lt} ends; anything else starting
     * with {@code <!} (a DTD) is not the plain form.
     */
    private int skipSection(int lt) {
        if (startsWith(CDATA, lt)) {
            return endOf(CDATA_END, lt + CDATA.length);
        }
        if (startsWith(COMMENT, lt)) {
            return endOf(COMMENT_END, lt + COMMENT.length);
        }
        throw new NotPlain();
    }

    private boolean startsWith(byte[] what, int at) {
        return at + what.length <= b.length
                && Arrays.equals(b, at, at + what.length, what, 0, what.length);
    }

    /** The position after the first {@code what} from {@code from}. */
    private int endOf(byte[] what, int from) {
        for (int i = indexOf(b, what[0], from); i >= 0; i = indexOf(b, what[0], i + 1)) {
            if (startsWith(what, i)) {
                return i + what.length;
            }
        }
        throw new NotPlain();
    }

    @Override
    public String text() {
        if (pendingEnd) {
            next();
            return "";
        }
        int lt = indexOf(b, (byte) '<', p);
        if (lt >= 0 && lt + 1 < b.length && b[lt + 1] == '/') {
            String s = text(b, p, lt);
            p = lt;
            next();
            return s;
        }
        StringBuilder sb = new StringBuilder();
        while (lt >= 0 && lt + 1 < b.length && b[lt + 1] == '!') {
            sb.append(text(b, p, lt));
            if (startsWith(CDATA, lt)) {
                int end = endOf(CDATA_END, lt + CDATA.length);
                sb.append(new String(b, lt + CDATA.length, end - CDATA_END.length - lt
                        - CDATA.length, StandardCharsets.UTF_8).replace("\r\n", "\n")
                        .replace('\r', '\n'));
                p = end;
            } else {
                p = skipSection(lt);
            }
            lt = indexOf(b, (byte) '<', p);
        }
        if (lt < 0 || lt + 1 >= b.length || b[lt + 1] != '/') {
            throw new NotPlain();
        }
        sb.append(text(b, p, lt));
        p = lt;
        next();
        return sb.toString();
    }

    @Override
    public String inlineText() {
        StringBuilder sb = new StringBuilder();
        int open = 1;
        int skip = 0;
        while (open > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (skip > 0 || is("rPh")) {
                    skip++;
                    open++;
                } else if (is("t")) {
                    sb.append(text());
                } else {
                    open++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
                if (skip > 0) {
                    skip--;
                }
            } else {
                throw new NotPlain();
            }
        }
        return sb.toString();
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < b.length && b[i] != '>' && b[i] != '/' && !isSpace(b[i])) {
            i++;
        }
        return i;
    }

    private boolean is(String name, int from, int to) {
        return isName(b, name, from, to);
    }

    private boolean contains(byte x, int from, int to) {
        return contains(b, x, from, to);
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
    private static boolean same(byte[] b, int i, int j, int length) {
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

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isSpace(byte x) {
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

    private static int characterReference(String name) {
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

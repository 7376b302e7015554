package org.huizong.engine.xlsx;

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
    private static final byte[] CDATA = XmlBytes.bytes("<![CDATA[");
    private static final byte[] CDATA_END = XmlBytes.bytes("]]>");
    private static final byte[] COMMENT = XmlBytes.bytes("<!--");
    private static final byte[] COMMENT_END = XmlBytes.bytes("-->");

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
        this.p = XmlBytes.prolog(xml);
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
        int lt = XmlBytes.indexOf(b, (byte) '<', p);
        while (lt >= 0 && lt + 1 < b.length && b[lt + 1] == '!') {
            // character data in a CDATA section, or a comment: skipped like other text
            lt = XmlBytes.indexOf(b, (byte) '<', skipSection(lt));
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
                int close = XmlBytes.indexOf(b, x, i + 1);
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
        while (gt < b.length && XmlBytes.isSpace(b[gt])) {
            gt++;
        }
        if (gt >= b.length || b[gt] != '>' || depth == 0
                || openTo[depth - 1] - openFrom[depth - 1] != nameTo - nameFrom
                || !XmlBytes.same(b, nameFrom, openFrom[depth - 1], nameTo - nameFrom)) {
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
                return XmlBytes.decodeEntities(
                        new String(b, from, to - from, StandardCharsets.UTF_8)
                        .replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    @Override
    public String relationshipId() {
        int i = attrFrom;
        while (i < attrTo) {
            while (i < attrTo && XmlBytes.isSpace(b[i])) {
                i++;
            }
            int from = i;
            while (i < attrTo && b[i] != '=' && !XmlBytes.isSpace(b[i])) {
                i++;
            }
            int to = i;
            int quote = i;
            while (quote < attrTo && b[quote] != '"' && b[quote] != '\'') {
                quote++;
            }
            int close = quote < attrTo ? XmlBytes.indexOf(b, b[quote], quote + 1) : -1;
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
            while (i < attrTo && XmlBytes.isSpace(b[i])) {
                i++;
            }
            if (i >= attrTo) {
                break;
            }
            int from = i;
            while (i < attrTo && b[i] != '=' && !XmlBytes.isSpace(b[i])) {
                i++;
            }
            int to = i;
            while (i < attrTo && XmlBytes.isSpace(b[i])) {
                i++;
            }
            if (i >= attrTo || b[i] != '=') {
                throw new NotPlain();
            }
            i++;
            while (i < attrTo && XmlBytes.isSpace(b[i])) {
                i++;
            }
            if (i >= attrTo || b[i] != '"' && b[i] != '\'') {
                throw new NotPlain();
            }
            int close = XmlBytes.indexOf(b, b[i], i + 1);
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
        int lt = XmlBytes.indexOf(b, (byte) '<', p);
        while (lt >= 0 && lt + 2 + length < b.length) {
            byte first = b[lt + 1];
            if (first == '/') {
                if (b[lt + 2 + length] == '>'
                        && XmlBytes.same(b, lt + 2, nameFrom, length)) {
                    p = lt + 3 + length;
                    depth--;
                    return true;
                }
            } else if (first == '!') {
                lt = XmlBytes.indexOf(b, (byte) '<', skipSection(lt));
                continue;
            } else if (first == '?' || startsTag(lt + 1, child)
                    || startsTag(lt + 1, nameFrom, nameTo)) {
                return false;
            }
            lt = XmlBytes.indexOf(b, (byte) '<', lt + 1);
        }
        return false;
    }

    private boolean startsTag(int at, String name) {
        int end = at + name.length();
        return end < b.length && is(name, at, end) && (b[end] == '>' || b[end] == '/'
                || XmlBytes.isSpace(b[end]));
    }

    private boolean startsTag(int at, int from, int to) {
        int end = at + to - from;
        return end < b.length && XmlBytes.same(b, at, from, to - from)
                && (b[end] == '>' || b[end] == '/' || XmlBytes.isSpace(b[end]));
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
        for (int i = XmlBytes.indexOf(b, what[0], from); i >= 0;
                i = XmlBytes.indexOf(b, what[0], i + 1)) {
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
        int lt = XmlBytes.indexOf(b, (byte) '<', p);
        if (lt >= 0 && lt + 1 < b.length && b[lt + 1] == '/') {
            String s = XmlBytes.text(b, p, lt);
            p = lt;
            next();
            return s;
        }
        StringBuilder sb = new StringBuilder();
        while (lt >= 0 && lt + 1 < b.length && b[lt + 1] == '!') {
            sb.append(XmlBytes.text(b, p, lt));
            if (startsWith(CDATA, lt)) {
                int end = endOf(CDATA_END, lt + CDATA.length);
                sb.append(new String(b, lt + CDATA.length, end - CDATA_END.length - lt
                        - CDATA.length, StandardCharsets.UTF_8).replace("\r\n", "\n")
                        .replace('\r', '\n'));
                p = end;
            } else {
                p = skipSection(lt);
            }
            lt = XmlBytes.indexOf(b, (byte) '<', p);
        }
        if (lt < 0 || lt + 1 >= b.length || b[lt + 1] != '/') {
            throw new NotPlain();
        }
        sb.append(XmlBytes.text(b, p, lt));
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
        while (i < b.length && b[i] != '>' && b[i] != '/' && !XmlBytes.isSpace(b[i])) {
            i++;
        }
        return i;
    }

    private boolean is(String name, int from, int to) {
        return XmlBytes.isName(b, name, from, to);
    }

    private boolean contains(byte x, int from, int to) {
        return XmlBytes.contains(b, x, from, to);
    }
}

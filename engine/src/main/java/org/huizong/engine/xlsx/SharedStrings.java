package org.huizong.engine.xlsx;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shared strings table of an .xlsx, read on demand: a reader needs a few dozen of its
 * hundreds of strings, and the {@code _meta} sheet's are the last ones written. So the table is
 * first only indexed, one scan over its bytes that records where each {@code <si>} starts, and
 * a string is decoded when asked for.
 *
 * <p>The byte scan is for the plain UTF-8 form every spreadsheet program writes (no prefixes,
 * comments, CDATA or DTD). A table in any other form is parsed whole with StAX instead. Text is
 * the content of the {@code <t>} elements of an item, phonetic runs ({@code <rPh>}) left out.
 *
 * <p>Not thread-safe: one file is read by one thread.
 */
public final class SharedStrings {
    private static final byte LT = '<';
    private static final byte GT = '>';

    private final byte[] xml;
    /** Start of each item's content, and its end (the {@code </si>}), once indexed. */
    private int[] starts;
    private int[] ends;
    private int count = -1;
    /** The whole table decoded, when it is not in the plain form. */
    private List<String> parsed;

    private SharedStrings(byte[] xml) {
        this.xml = xml;
    }

    /** A table over the bytes of {@code xl/sharedStrings.xml}. */
    public static SharedStrings of(byte[] xml) {
        return new SharedStrings(xml);
    }

    /** A workbook without a shared strings part. */
    public static SharedStrings none() {
        return new SharedStrings(new byte[0]);
    }

    /**
     * The string at {@code index}.
     *
     * @throws IllegalArgumentException when there is no such item or the table is malformed
     * @throws XMLStreamException when the table is not in the plain form and does not parse
     */
    String get(int index) throws XMLStreamException {
        if (count < 0 && parsed == null && !index()) {
            parsed = parse(xml);
        }
        if (parsed != null) {
            check(index, parsed.size());
            return parsed.get(index);
        }
        check(index, count);
        return decodeItem(starts[index], ends[index]);
    }

    private static void check(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("共享字符串第" + index + "项不存在（共" + size + "项）");
        }
    }

    /**
     * Records every item's bounds; false when the table is not in the plain form. Only the
     * {@code <si>} tags matter, so a tag is looked at no further than its name (which must have
     * no prefix).
     */
    private boolean index() {
        int p = XmlBytes.prolog(xml);
        if (p < 0) {
            return false;
        }
        int[] s = new int[64];
        int[] e = new int[64];
        int n = 0;
        int open = -1;
        for (int lt = indexOf(LT, p); lt >= 0; lt = indexOf(LT, lt + 1)) {
            byte first = lt + 1 < xml.length ? xml[lt + 1] : 0;
            if (first == '!' || first == '?') {
                return false;
            }
            boolean end = first == '/';
            int nameStart = lt + (end ? 2 : 1);
            int nameEnd = nameEnd(nameStart, xml.length);
            if (nameEnd < xml.length && xml[nameEnd] == ':') {
                return false;
            }
            if (!is("si", nameStart, nameEnd)) {
                continue;
            }
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                e = Arrays.copyOf(e, n * 2);
            }
            int gt = indexOf(GT, nameEnd);
            if (gt < 0) {
                return false;
            }
            if (end) {
                if (open < 0) {
                    return false;
                }
                s[n] = open;
                e[n++] = lt;
                open = -1;
            } else if (xml[gt - 1] == '/') {
                s[n] = gt + 1;
                e[n++] = gt + 1;
            } else {
                open = gt + 1;
            }
        }
        starts = s;
        ends = e;
        count = n;
        return open < 0;
    }

    /** The text of one item: its {@code <t>} contents, phonetic runs left out. */
    private String decodeItem(int from, int to) {
        StringBuilder out = null;
        String single = null;
        int lt = indexOf(LT, from);
        while (lt >= 0 && lt < to) {
            int gt = indexOf(GT, lt);
            boolean end = xml[lt + 1] == '/';
            int nameStart = lt + (end ? 2 : 1);
            int nameEnd = nameEnd(nameStart, gt);
            boolean empty = xml[gt - 1] == '/';
            if (!end && !empty && is("rPh", nameStart, nameEnd)) {
                lt = closing("rPh", gt + 1, to);
                continue;
            }
            int next = indexOf(LT, gt + 1);
            if (!end && !empty && is("t", nameStart, nameEnd) && next > gt + 1) {
                String text = XmlBytes.text(xml, gt + 1, next);
                if (single == null && out == null) {
                    single = text;
                } else {
                    if (out == null) {
                        out = new StringBuilder(single);
                    }
                    out.append(text);
                }
            }
            lt = next;
        }
        return out != null ? out.toString() : single != null ? single : "";
    }

    /** The position of the {@code </name>} from {@code from}, or {@code to} when none. */
    private int closing(String name, int from, int to) {
        int lt = indexOf(LT, from);
        while (lt >= 0 && lt < to) {
            if (xml[lt + 1] == '/') {
                int gt = indexOf(GT, lt);
                if (is(name, lt + 2, nameEnd(lt + 2, gt))) {
                    int next = indexOf(LT, gt + 1);
                    return next < 0 ? to : next;
                }
            }
            lt = indexOf(LT, lt + 1);
        }
        return to;
    }

    /** Where the tag name from {@code from} ends: at a space, {@code /}, {@code >} or {@code :}. */
    private int nameEnd(int from, int gt) {
        int i = from;
        while (i < gt) {
            byte x = xml[i];
            if (x == ' ' || x == '/' || x == '>' || x == ':' || x == '\t' || x == '\n'
                    || x == '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    private boolean is(String name, int from, int to) {
        return XmlBytes.isName(xml, name, from, to);
    }

    private int indexOf(byte b, int from) {
        return XmlBytes.indexOf(xml, b, from);
    }

    /** Every item with StAX, for a table the byte scan does not take. */
    private static List<String> parse(byte[] xml) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        XMLStreamReader r = XmlParts.reader(new ByteArrayInputStream(xml));
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "si".equals(r.getLocalName())) {
                    out.add(text(r, "si"));
                }
            }
        } finally {
            r.close();
        }
        return out;
    }

    /**
     * The {@code <t>} text inside the element the reader is at (an {@code <si>} or an inline
     * {@code <is>}), up to its end tag, phonetic runs left out.
     */
    static String text(XMLStreamReader r, String element) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        boolean inT = false;
        int skip = 0;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String n = r.getLocalName();
                if (skip > 0 || "rPh".equals(n)) {
                    skip++;
                } else {
                    inT = "t".equals(n);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (skip > 0) {
                    skip--;
                }
                inT = false;
            } else if (inT && skip == 0 && (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                sb.append(r.getText());
            }
        }
        if (depth > 0) {
            throw new XMLStreamException("unterminated <" + element + ">");
        }
        return sb.toString();
    }
}

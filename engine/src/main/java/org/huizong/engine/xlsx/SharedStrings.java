package org.huizong.engine.xlsx;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The shared strings table of an .xlsx, parsed with StAX the first time a string is asked for
 * (a return whose cells asked for hold no shared string never parses it). Text is the content
 * of the {@code <t>} elements of an item; phonetic runs ({@code <rPh>}) are skipped unread.
 *
 * <p>Not thread-safe: one file is read by one thread.
 */
public final class SharedStrings {
    private final byte[] xml;
    /** Every item's text, once parsed. */
    private List<String> items;

    private SharedStrings(byte[] xml, List<String> items) {
        this.xml = xml;
        this.items = items;
    }

    /** A table over the bytes of {@code xl/sharedStrings.xml}. */
    public static SharedStrings of(byte[] xml) {
        return new SharedStrings(xml, null);
    }

    /** A workbook without a shared strings part. */
    public static SharedStrings none() {
        return new SharedStrings(new byte[0], List.of());
    }

    /**
     * The string at {@code index}.
     *
     * @throws IllegalArgumentException when there is no such item
     * @throws XMLStreamException when the table does not parse
     */
    String get(int index) throws XMLStreamException {
        if (items == null) {
            items = parse(xml);
        }
        check(index, items.size());
        return items.get(index);
    }

    private static void check(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("共享字符串第" + index + "项不存在（共" + size + "项）");
        }
    }

    private static List<String> parse(byte[] xml) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        XMLStreamReader2 r = XmlParts.reader(xml);
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
     * {@code <is>}), up to its end tag, phonetic runs skipped.
     */
    static String text(XMLStreamReader2 r, String element) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        boolean inT = false;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("rPh".equals(r.getLocalName())) {
                    r.skipElement();
                    inT = false;
                } else {
                    depth++;
                    inT = "t".equals(r.getLocalName());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                inT = false;
            } else if (inT && (event == XMLStreamConstants.CHARACTERS
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

package org.huizong.engine.xlsx;

import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * A package part read with Aalto StAX, seen as where the reader is: at a start tag, an end tag
 * or the end. Names are local (no prefix); attributes are unqualified. Elements nobody reads are
 * skipped whole ({@link #skip}), their text never decoded.
 *
 * <p>The one XML reader of the container layer: a hand-written byte cursor over the plain form
 * was measured against it on the same returns and dropped, being less than 1.5 times as fast
 * (docs/benchmarks.md, "Reader decision: byte cursor vs Aalto StAX").
 */
final class XmlCursor {
    private final XMLStreamReader2 r;
    private final ColumnOfReference columns = new ColumnOfReference();

    private XmlCursor(XMLStreamReader2 r) {
        this.r = r;
    }

    /** What is read from a part. */
    interface Body<T> {
        T read(XmlCursor cursor) throws XMLStreamException;
    }

    /** {@code body} over the bytes of a part. */
    static <T> T read(byte[] xml, Body<T> body) throws XMLStreamException {
        return read(XmlParts.reader(xml), body);
    }

    /** {@code body} over a part streamed from the zip. */
    static <T> T read(InputStream xml, Body<T> body) throws XMLStreamException {
        return read(XmlParts.reader(xml), body);
    }

    private static <T> T read(XMLStreamReader2 r, Body<T> body) throws XMLStreamException {
        try {
            return body.read(new XmlCursor(r));
        } finally {
            r.close();
        }
    }

    /**
     * The next start or end tag: XMLStreamConstants START_ELEMENT, END_ELEMENT or
     * END_DOCUMENT.
     */
    int next() throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT
                    || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /** Whether the current tag's local name is {@code localName}. */
    boolean is(String localName) {
        return localName.equals(r.getLocalName());
    }

    /** An unqualified attribute of the current start tag, or null. */
    String attribute(String name) {
        return r.getAttributeValue(null, name);
    }

    /**
     * The current start tag's relationship id ({@code r:id} whatever the prefix, transitional
     * or strict namespace), or empty.
     */
    String relationshipId() {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            if ("id".equals(r.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
                return r.getAttributeValue(i);
            }
        }
        return "";
    }

    /**
     * The zero-based column of the current cell's {@code r}, else {@code otherwise}. Decoded from
     * the parser's buffer: a return has thousands of cells, and this is asked of every one.
     */
    int column(int otherwise) throws XMLStreamException {
        int i = r.getAttributeIndex(null, "r");
        if (i < 0) {
            return otherwise;
        }
        r.getAttributeAs(i, columns);
        return columns.column;
    }

    /** The zero-based row of the current row's {@code r}, else {@code otherwise}. */
    int row(int otherwise) throws XMLStreamException {
        int i = r.getAttributeIndex(null, "r");
        return i < 0 ? otherwise : r.getAttributeAsInt(i) - 1;
    }

    /**
     * The column of an A1 reference ({@link SheetCells#column(char[], int, int)}), read from the
     * chars Aalto holds (it trims white space first) instead of a string made for each cell.
     */
    private static final class ColumnOfReference extends TypedValueDecoder {
        private int column;

        @Override
        public void decode(String ref) {
            column = SheetCells.column(ref);
        }

        @Override
        public void decode(char[] buf, int start, int end) {
            column = SheetCells.column(buf, start, end);
        }

        @Override
        public void handleEmptyValue() {
            throw new IllegalArgumentException("empty cell reference");
        }
    }

    /**
     * Skips the current element, at its start tag, up to its end tag, without decoding what it
     * holds ({@code XMLStreamReader2.skipElement}).
     */
    void skip() throws XMLStreamException {
        r.skipElement();
    }

    /** The text of the current element, which has no children, up to its end tag. */
    String text() throws XMLStreamException {
        return r.getElementText();
    }

    /** The {@code <t>} text of the current {@code <is>} up to its end, phonetic left out. */
    String inlineText() throws XMLStreamException {
        return SharedStrings.text(r, "is");
    }
}

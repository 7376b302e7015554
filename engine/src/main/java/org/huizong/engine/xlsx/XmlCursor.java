package org.huizong.engine.xlsx;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Where a reader of a package part is: at a start tag, an end tag or the end. Names are local
 * (no prefix); attributes are unqualified. Two readers: {@link PlainXml} over the bytes of the
 * plain form, and {@link Stax} for anything.
 */
interface XmlCursor {
    /**
     * The next start or end tag: XMLStreamConstants START_ELEMENT, END_ELEMENT or
     * END_DOCUMENT.
     */
    int next() throws XMLStreamException;

    /** Whether the current tag's local name is {@code localName}. */
    boolean is(String localName);

    /** An unqualified attribute of the current start tag, or null. */
    String attribute(String name);

    /**
     * The current start tag's relationship id ({@code r:id} whatever the prefix, transitional
     * or strict namespace), or empty.
     */
    String relationshipId();

    /** The zero-based column of the current cell's {@code r}, else {@code otherwise}. */
    int column(int otherwise);

    /** The zero-based row of the current row's {@code r}, else {@code otherwise}. */
    int row(int otherwise);

    /**
     * Skips the current element, at its start tag, up to its end tag if it holds no
     * {@code child} element; false when it was not skipped (the reader is where it was).
     */
    boolean skipUnless(String child);

    /**
     * Skips the current element, at its start tag, up to its end tag, where the reader can do
     * so without looking at what it holds (StAX: {@code XMLStreamReader2.skipElement}); false
     * when it did not (the reader is where it was, and the caller walks the element). Callers
     * use it on elements whose content they would walk through unread.
     */
    default boolean skip() throws XMLStreamException {
        return false;
    }

    /** The text of the current element, which has no children, up to its end tag. */
    String text() throws XMLStreamException;

    /** The {@code <t>} text of the current {@code <is>} up to its end, phonetic left out. */
    String inlineText() throws XMLStreamException;

    /** What is read from a part, through either reader. */
    interface Body<T> {
        T read(XmlCursor cursor) throws XMLStreamException;
    }

    /**
     * {@code body} over the bytes of a part in the plain form; over StAX when the part is in
     * any other form or anything goes wrong, so StAX decides what is wrong.
     */
    static <T> T read(byte[] xml, Body<T> body) throws XMLStreamException {
        if (!XmlParts.staxOnly()) {
            try {
                return body.read(new PlainXml(xml));
            } catch (RuntimeException | XMLStreamException e) {
                // StAX reads the part again and decides
            }
        }
        XMLStreamReader r = XmlParts.reader(xml);
        try {
            return body.read(new Stax(r));
        } finally {
            r.close();
        }
    }

    /** A StAX reader as a cursor. */
    record Stax(XMLStreamReader r) implements XmlCursor {
        @Override
        public int next() throws XMLStreamException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        || event == XMLStreamConstants.END_ELEMENT) {
                    return event;
                }
            }
            return XMLStreamConstants.END_DOCUMENT;
        }

        @Override
        public boolean is(String localName) {
            return localName.equals(r.getLocalName());
        }

        @Override
        public String attribute(String name) {
            return r.getAttributeValue(null, name);
        }

        @Override
        public String relationshipId() {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String ns = r.getAttributeNamespace(i);
                if ("id".equals(r.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
                    return r.getAttributeValue(i);
                }
            }
            return "";
        }

        @Override
        public int column(int otherwise) {
            String ref = r.getAttributeValue(null, "r");
            return ref == null ? otherwise : SheetCells.column(ref);
        }

        @Override
        public int row(int otherwise) {
            String n = r.getAttributeValue(null, "r");
            return n == null ? otherwise : Integer.parseInt(n.trim()) - 1;
        }

        /** StAX cannot look ahead: the caller walks the element (and may {@link #skip} parts). */
        @Override
        public boolean skipUnless(String child) {
            return false;
        }

        @Override
        public boolean skip() throws XMLStreamException {
            if (r instanceof XMLStreamReader2 r2) {
                r2.skipElement();
                return true;
            }
            return false;
        }

        @Override
        public String text() throws XMLStreamException {
            return r.getElementText();
        }

        @Override
        public String inlineText() throws XMLStreamException {
            return SharedStrings.text(r, "is");
        }
    }
}

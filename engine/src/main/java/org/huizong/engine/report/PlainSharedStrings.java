package org.huizong.engine.report;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;

/**
 * The book's shared strings table, holding plain strings as strings. POI's table keeps every
 * string as an XmlBeans node of its document and keys it by the XML it would save for it: at
 * 30,000 schools that is 157,000 nodes (the largest part of the heap while the book is
 * written) and an XmlBeans save per string cell. Here a string without runs or phonetic parts
 * is held and keyed by its text and written out directly; a string with runs is kept as POI's
 * {@link CTRst}.
 *
 * <p>The bytes are POI's: strings merge as in POI's table, in the same order (the key of a
 * plain string is its text, which POI's key escapes one-to-one), and the table is written as
 * XmlBeans writes POI's ({@link #writeTo}). A string is plain unless it holds a {@code ?}, a
 * character XmlBeans writes as {@code ?} (the other control characters, U+FFFE, U+FFFF, a
 * surrogate without its pair) or runs. {@code PlainSharedStringsTest} compares the bytes with
 * POI's.
 */
final class PlainSharedStrings extends SharedStringsTable {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst count=\"";
    private static final String NAMESPACE =
            "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    /** The first character of a plain string's key; an XML key starts with {@code <}. */
    private static final char PLAIN = '\u0001';

    /** Every distinct string in order of first use: a {@link String}, or a {@link CTRst}. */
    private final List<Object> items = new ArrayList<>();
    private final Map<String, Integer> indexes = new HashMap<>();
    /** Strings added, repeats included. */
    private int count;

    /** A new workbook whose shared strings table is a {@link PlainSharedStrings}. */
    static XSSFWorkbook workbook() {
        return new XSSFWorkbook(new XSSFFactory() {
            @Override
            public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
                return descriptor == XSSFRelation.SHARED_STRINGS ? new PlainSharedStrings()
                        : super.newDocumentPart(descriptor);
            }
        });
    }

    @Override
    public int addSharedStringItem(RichTextString string) {
        if (!(string instanceof XSSFRichTextString x)) {
            throw new IllegalArgumentException("Only XSSFRichTextString argument is supported");
        }
        CTRst st = x.getCTRst();
        String plain = plainText(st);
        String key = plain != null ? PLAIN + plain : xmlText(st);
        count++;
        Integer known = indexes.get(key);
        if (known != null) {
            return known;
        }
        int index = items.size();
        items.add(plain != null ? plain : st.copy());
        indexes.put(key, index);
        return index;
    }

    /** The text of a string without runs or phonetic parts that XmlBeans writes as it is. */
    private static String plainText(CTRst st) {
        if (st.isSetT() && st.sizeOfRArray() == 0 && st.sizeOfRPhArray() == 0
                && !st.isSetPhoneticPr()) {
            String text = st.getT();
            return carriedAsIs(text) ? text : null;
        }
        return null;
    }

    /** No {@code ?}, nor any character XmlBeans writes as one. */
    private static boolean carriedAsIs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '?' || (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                    || ch >= 0xFFFE) {
                return false;
            }
            if (Character.isSurrogate(ch)) {
                if (!Character.isHighSurrogate(ch) || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    @Override
    public RichTextString getItemAt(int idx) {
        Object item = items.get(idx);
        return item instanceof String s ? new XSSFRichTextString(s)
                : new XSSFRichTextString((CTRst) item);
    }

    @Override
    public List<RichTextString> getSharedStringItems() {
        List<RichTextString> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(getItemAt(i));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return items.size();
    }

    /**
     * The table as XmlBeans saves POI's: in a plain string {@code &} and {@code <} escaped,
     * {@code >} only after {@code ]]}, a carriage return as {@code &#13;}, an empty text as
     * {@code <t/>}, and {@code xml:space="preserve"} when the text starts or ends with white
     * space (POI sets it so); a string with runs as POI writes it ({@link #poisItem}).
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16);
        w.write(HEAD + count + "\" uniqueCount=\"" + items.size() + "\" " + NAMESPACE);
        if (items.isEmpty()) {
            w.write("/>");
            w.flush();
            return;
        }
        w.write('>');
        for (Object item : items) {
            if (item instanceof CTRst rich) {
                w.write(poisItem(rich));
                continue;
            }
            String text = (String) item;
            if (text.isEmpty()) {
                w.write("<si><t/></si>");
                continue;
            }
            w.write(Character.isWhitespace(text.charAt(0))
                    || Character.isWhitespace(text.charAt(text.length() - 1))
                    ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            escape(text, w);
            w.write("</t></si>");
        }
        w.write("</sst>");
        w.flush();
    }

    /**
     * The {@code <si>} element POI's table writes for {@code rich}: cut from a table of that
     * one string, written by POI (the namespace in scope is the same). Few strings have runs
     * (the 总结 sheet's headings), so a small table each costs little.
     */
    private static String poisItem(CTRst rich) throws IOException {
        SharedStringsTable one = new SharedStringsTable();
        one.addSharedStringItem(new XSSFRichTextString(rich));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        one.writeTo(b);
        String xml = b.toString(StandardCharsets.UTF_8);
        // text cannot hold these tags: its < is written &lt;
        return xml.substring(xml.indexOf("<si>"), xml.lastIndexOf("</si>") + "</si>".length());
    }

    private static void escape(String text, Writer w) throws IOException {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            String entity = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '\r' -> "&#13;";
                case '>' -> closesCdata(text, i) ? "&gt;" : "";
                default -> "";
            };
            if (entity.isEmpty()) {
                continue;
            }
            w.write(text, from, i - from);
            w.write(entity);
            from = i + 1;
        }
        w.write(text, from, text.length() - from);
    }

    /** Whether the {@code >} at {@code i} ends {@code ]]>}, which text may not hold. */
    private static boolean closesCdata(String text, int i) {
        return i >= 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']';
    }
}

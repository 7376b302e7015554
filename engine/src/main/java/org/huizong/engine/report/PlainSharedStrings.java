package org.huizong.engine.report;

import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;

/**
 * The book's shared strings table, which tells plain strings apart by their text. POI's table
 * keys every string it is given by the XML it would save for it: an XmlBeans save for each
 * string cell, which was the largest single cost of writing 学校明细 and 报送情况. A string without
 * runs or phonetic parts is keyed by its text here, unless it holds a {@code ?} or a character
 * XmlBeans writes as {@code ?} (the other control characters and U+FFFE, U+FFFF); any other
 * string keeps POI's key.
 *
 * <p>Strings merge exactly as in POI's table, in the same order, so the book's bytes are the
 * same: POI's key of a string keyed here is its text escaped one-to-one (its {@code xml:space}
 * too, which POI sets from the text), so equal keys here are equal keys there and the other
 * way round; such a key holds no {@code ?}, while the XML key of a string left to POI holds
 * one, or is not plain; and a key here starts with {@link #PLAIN}, never with {@code <}.
 */
final class PlainSharedStrings extends SharedStringsTable {
    /** The first character of a plain string's key; an XML key starts with {@code <}. */
    private static final char PLAIN = '\u0001';

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
    protected String xmlText(CTRst st) {
        if (st.isSetT() && st.sizeOfRArray() == 0 && st.sizeOfRPhArray() == 0
                && !st.isSetPhoneticPr()) {
            String text = st.getT();
            if (carriedAsIs(text)) {
                return PLAIN + text;
            }
        }
        return super.xmlText(st);
    }

    /** No {@code ?}, nor any character XmlBeans writes as one. */
    private static boolean carriedAsIs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '?' || (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                    || ch >= 0xFFFE) {
                return false;
            }
        }
        return true;
    }
}

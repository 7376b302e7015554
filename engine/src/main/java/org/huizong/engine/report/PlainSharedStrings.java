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
 * runs or phonetic parts whose characters XML carries as they are is keyed by its text here;
 * any other keeps POI's key. POI's key of such a string is a function of its text (its
 * {@code xml:space} too, which POI sets from the text), and no XML text starts with
 * {@link #PLAIN}, so strings are merged exactly as POI merges them, in the same order: the
 * book's bytes are the same.
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

    /** No control character but tab, line feed and return; no surrogate, U+FFFE or U+FFFF. */
    private static boolean carriedAsIs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 ? ch != '\t' && ch != '\n' && ch != '\r'
                    : Character.isSurrogate(ch) || ch >= 0xFFFE) {
                return false;
            }
        }
        return true;
    }
}

package org.huizong.engine.io;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the few package parts fastexcel does not expose, with StAX: the package relationships
 * (where the workbook part is), the workbook part's sheets and defined names, and the content
 * types (whether the workbook is macro-enabled). DTDs and external entities are refused.
 */
final class XmlParts {
    private static final String OFFICE_DOCUMENT = "/officeDocument";

    private XmlParts() {
    }

    /** A sheet of workbook.xml: its tab name and state (visible, hidden, veryHidden). */
    record SheetEntry(String name, String state) {
    }

    /**
     * A {@code <definedName>}.
     *
     * @param sheetScope the zero-based {@code localSheetId}, or -1 for a workbook-scoped name
     */
    record DefinedName(String name, int sheetScope, String refersTo) {
    }

    record Workbook(List<SheetEntry> sheets, List<DefinedName> names) {
    }

    /** The workbook part's path from {@code _rels/.rels}, without a leading slash. */
    static Optional<String> workbookPath(byte[] rels) throws XMLStreamException {
        XMLStreamReader r = reader(rels);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT
                        && "Relationship".equals(r.getLocalName())) {
                    String type = r.getAttributeValue(null, "Type");
                    String target = r.getAttributeValue(null, "Target");
                    if (type != null && type.endsWith(OFFICE_DOCUMENT) && target != null) {
                        return Optional.of(target.startsWith("/") ? target.substring(1) : target);
                    }
                }
            }
            return Optional.empty();
        } finally {
            r.close();
        }
    }

    static Workbook workbook(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = reader(xml);
        List<SheetEntry> sheets = new ArrayList<>();
        List<DefinedName> names = new ArrayList<>();
        try {
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("sheet".equals(r.getLocalName())) {
                    String state = r.getAttributeValue(null, "state");
                    sheets.add(new SheetEntry(r.getAttributeValue(null, "name"),
                            state == null ? "visible" : state));
                } else if ("definedName".equals(r.getLocalName())) {
                    String name = r.getAttributeValue(null, "name");
                    String local = r.getAttributeValue(null, "localSheetId");
                    names.add(new DefinedName(name, local == null ? -1 : Integer.parseInt(local),
                            r.getElementText()));
                }
            }
        } finally {
            r.close();
        }
        return new Workbook(sheets, names);
    }

    /** Workbook-scoped names first; a sheet-scoped one only where no workbook-scoped exists. */
    static Map<String, String> names(List<DefinedName> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (DefinedName n : names) {
            if (n.sheetScope() < 0) {
                out.put(n.name(), n.refersTo());
            }
        }
        for (DefinedName n : names) {
            out.putIfAbsent(n.name(), n.refersTo());
        }
        return out;
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(new ByteArrayInputStream(xml));
    }
}

package org.huizong.engine.xlsx;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/**
 * Reads the package parts around the sheets: the relationships (where the workbook part is,
 * and the worksheets and shared strings it points at) and the workbook part's sheets and
 * defined names, with StAX ({@link XmlCursor}). The StAX factory refuses DTDs and external
 * entities.
 */
public final class XmlParts {
    static final String OFFICE_DOCUMENT = "/officeDocument";
    static final String CORE_PROPERTIES = "/metadata/core-properties";
    public static final String WORKSHEET = "/worksheet";
    public static final String SHARED_STRINGS = "/sharedStrings";

    /**
     * Aalto, the fast StAX parser fastexcel uses too. Configured here once and never changed
     * after, so it is safely shared: creating readers from a configured factory is thread-safe.
     */
    private static final XMLInputFactory FACTORY = factory();

    private XmlParts() {
    }

    /**
     * A sheet of workbook.xml: its tab name, state (visible, hidden, veryHidden) and the id of
     * the relationship to its part.
     */
    public record SheetEntry(String name, String state, String relationship) {
    }

    /**
     * A {@code <definedName>}.
     *
     * @param sheetScope the zero-based {@code localSheetId}, or -1 for a workbook-scoped name
     */
    record DefinedName(String name, int sheetScope, String refersTo) {
    }

    public record Workbook(List<SheetEntry> sheets, List<DefinedName> names) {
    }

    /** A relationship: its type URI and its target part, resolved to a zip entry name. */
    public record Relationship(String type, String target) {
    }

    /** A StAX reader over a part streamed; Aalto's readers are {@link XMLStreamReader2}s. */
    static XMLStreamReader2 reader(InputStream in) throws XMLStreamException {
        return (XMLStreamReader2) FACTORY.createXMLStreamReader(in);
    }

    /** A StAX reader straight over {@code xml}, which Aalto parses in place (no copy). */
    static XMLStreamReader2 reader(byte[] xml) throws XMLStreamException {
        return (XMLStreamReader2) FACTORY.createXMLStreamReader(
                new Stax2ByteArraySource(xml, 0, xml.length));
    }

    /** The workbook part's path from {@code _rels/.rels}, without a leading slash. */
    public static Optional<String> workbookPath(byte[] rels) throws XMLStreamException {
        return relationships(rels, "").values().stream()
                .filter(r -> r.type().endsWith(OFFICE_DOCUMENT))
                .map(Relationship::target).findFirst();
    }

    /** The core properties part's path from {@code _rels/.rels} ({@code docProps/core.xml}). */
    public static Optional<String> corePropertiesPath(byte[] rels) throws XMLStreamException {
        return relationships(rels, "").values().stream()
                .filter(r -> r.type().endsWith(CORE_PROPERTIES))
                .map(Relationship::target).findFirst();
    }

    /**
     * A core properties part's {@code dcterms:modified}: when the document was last saved, as
     * Excel, WPS and LibreOffice write it on every save (W3CDTF: {@code 2024-06-30T02:15:00Z},
     * an offset or fractional seconds allowed). Empty when absent or not a time with a zone.
     */
    public static Optional<Instant> modified(byte[] coreXml) throws XMLStreamException {
        String text = XmlCursor.read(coreXml, r -> {
            for (int e = r.next(); e != XMLStreamConstants.END_DOCUMENT; e = r.next()) {
                if (e == XMLStreamConstants.START_ELEMENT && r.is("modified")) {
                    return r.text();
                }
            }
            return "";
        });
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The relationships part of {@code part}: {@code xl/workbook.xml} has xl/_rels/... */
    public static String relationshipsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /**
     * The internal relationships of a part by id, in document order, targets resolved against
     * {@code base} (the folder of the part they belong to, with a trailing slash, or empty).
     */
    public static Map<String, Relationship> relationships(byte[] rels, String base)
            throws XMLStreamException {
        return XmlCursor.read(rels, r -> {
            Map<String, Relationship> out = new LinkedHashMap<>();
            for (int e = r.next(); e != XMLStreamConstants.END_DOCUMENT; e = r.next()) {
                if (e == XMLStreamConstants.START_ELEMENT && r.is("Relationship")
                        && !"External".equals(r.attribute("TargetMode"))) {
                    String id = r.attribute("Id");
                    String type = r.attribute("Type");
                    String target = r.attribute("Target");
                    if (type != null && target != null) {
                        out.putIfAbsent(id == null ? "" : id,
                                new Relationship(type, resolve(base, target)));
                    }
                }
            }
            return out;
        });
    }

    /** A relationship target as a zip entry name: absolute, or relative with .. segments. */
    static String resolve(String base, String target) {
        String path = target.startsWith("/") ? target.substring(1) : base + target;
        if (!path.contains("./")) {
            return path;
        }
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (s.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!s.equals(".")) {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    public static Workbook workbook(byte[] xml) throws XMLStreamException {
        return XmlCursor.read(xml, r -> {
            List<SheetEntry> sheets = new ArrayList<>();
            List<DefinedName> names = new ArrayList<>();
            for (int e = r.next(); e != XMLStreamConstants.END_DOCUMENT; e = r.next()) {
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (r.is("sheet")) {
                    String state = r.attribute("state");
                    sheets.add(new SheetEntry(r.attribute("name"),
                            state == null ? "visible" : state, r.relationshipId()));
                } else if (r.is("definedName")) {
                    String name = r.attribute("name");
                    String local = r.attribute("localSheetId");
                    names.add(new DefinedName(name, local == null ? -1 : Integer.parseInt(local),
                            r.text()));
                }
            }
            return new Workbook(sheets, names);
        });
    }

    /**
     * Workbook-scoped names first; a sheet-scoped one only where no workbook-scoped exists.
     *
     * @throws IllegalArgumentException when one name is defined twice in one scope (names
     *     compare without case): programs disagree on which counts, Excel repairs the file
     */
    public static Map<String, String> names(List<DefinedName> names) {
        Set<String> scoped = new HashSet<>(names.size() * 2);
        for (DefinedName n : names) {
            if (n.name() != null
                    && !scoped.add(n.sheetScope() + "!" + n.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("defined name " + n.name() + " twice");
            }
        }
        Map<String, String> out = new HashMap<>(names.size() * 2);
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

    private static XMLInputFactory factory() {
        XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}

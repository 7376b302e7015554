package org.huizong.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * An .xlsx read straight from its parts: the zip checked and opened once ({@link ZipGuard}),
 * the workbook part's sheets and defined names and the relationships read with StAX
 * ({@link XmlParts}), and of each sheet only the cells asked for, streamed ({@link SheetCells})
 * with shared strings decoded on demand ({@link SharedStrings}). No workbook model is built.
 */
final class XlsxSource implements WorkbookSource {
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String PACKAGE_RELS = "_rels/.rels";
    /** Rows of {@code _meta} read: it has seven. */
    private static final int META_ROWS = 100;

    private final String file;
    private final ZipGuard.Contents zip;
    private final List<String> sheetNames;
    private final Map<String, String> names;
    /** Sheet name to its part's zip entry. */
    private final Map<String, String> sheetParts;
    private final Optional<String> stringsPart;
    private SharedStrings strings;

    private XlsxSource(String file, ZipGuard.Contents zip, XmlParts.Workbook parts,
            Map<String, XmlParts.Relationship> rels) {
        this.file = file;
        this.zip = zip;
        this.sheetNames = parts.sheets().stream().map(XmlParts.SheetEntry::name).toList();
        this.names = XmlParts.names(parts.names());
        this.sheetParts = new LinkedHashMap<>();
        for (XmlParts.SheetEntry s : parts.sheets()) {
            XmlParts.Relationship r = rels.get(s.relationship());
            if (r != null && r.type().endsWith(XmlParts.WORKSHEET)) {
                sheetParts.putIfAbsent(s.name(), r.target());
            }
        }
        this.stringsPart = rels.values().stream()
                .filter(r -> r.type().endsWith(XmlParts.SHARED_STRINGS))
                .map(XmlParts.Relationship::target).findFirst();
    }

    /**
     * Checks the zip (damage, bombs, macros) and opens it.
     *
     * @throws UnreadableReturnException when it is not a readable, macro-free workbook
     */
    static XlsxSource open(String file, byte[] bytes) {
        ZipGuard.Contents zip = ZipGuard.inspect(file, bytes,
                n -> n.endsWith(".xml") || n.endsWith(".rels"));
        try {
            XlsxSource s = open(file, zip);
            zip = null;
            return s;
        } finally {
            if (zip != null) {
                zip.close();
            }
        }
    }

    private static XlsxSource open(String file, ZipGuard.Contents zip) {
        String types = new String(zip.bytes(CONTENT_TYPES).orElse(new byte[0]),
                StandardCharsets.UTF_8);
        if (types.contains("macroEnabled") || types.contains("vbaProject")
                || zip.names().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT)
                        .endsWith("vbaproject.bin"))) {
            throw Refusals.macroEnabled(file);
        }
        try {
            Optional<byte[]> rels = zip.bytes(PACKAGE_RELS);
            Optional<String> path = rels.isEmpty() ? Optional.empty()
                    : XmlParts.workbookPath(rels.get());
            Optional<byte[]> wbXml = path.flatMap(zip::bytes);
            if (wbXml.isEmpty() || !types.contains("spreadsheetml")) {
                throw Refusals.notASpreadsheet(file);
            }
            String part = path.get();
            String base = part.substring(0, part.lastIndexOf('/') + 1);
            Map<String, XmlParts.Relationship> wbRels = zip.bytes(XmlParts.relationshipsOf(part))
                    .map(b -> relationships(b, base)).orElse(Map.of());
            return new XlsxSource(file, zip, XmlParts.workbook(wbXml.get()), wbRels);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof UnreadableReturnException u) {
                throw u;
            }
            throw ZipGuard.damaged(file, e);
        }
    }

    private static Map<String, XmlParts.Relationship> relationships(byte[] b, String base) {
        try {
            return XmlParts.relationships(b, base);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<String> sheetNames() {
        return sheetNames;
    }

    @Override
    public Map<String, String> definedNames() {
        return names;
    }

    @Override
    public Map<String, String> meta() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!sheetParts.containsKey(MetaSheet.SHEET_NAME)) {
            return out;
        }
        Set<Pos> cells = new LinkedHashSet<>();
        for (int row = 0; row < META_ROWS; row++) {
            cells.add(new Pos(row, 0));
            cells.add(new Pos(row, 1));
        }
        Map<Pos, RawCell> read = read(MetaSheet.SHEET_NAME, cells);
        for (int row = 0; row < META_ROWS; row++) {
            String k = text(read.get(new Pos(row, 0)));
            if (!k.isBlank()) {
                out.put(k.trim(), text(read.get(new Pos(row, 1))).trim());
            }
        }
        return out;
    }

    private static String text(RawCell raw) {
        if (raw == null) {
            return "";
        }
        return raw.kind() == RawCell.Kind.NUMBER ? NumberText.ofStored(raw.text()).toPlainString()
                : raw.text();
    }

    @Override
    public Map<Pos, RawCell> read(String sheetName, Set<Pos> wanted) {
        String part = sheetParts.get(sheetName);
        if (part == null || wanted.isEmpty()) {
            return Map.of();
        }
        try {
            Optional<byte[]> kept = zip.kept(part);
            if (kept.isPresent()) {
                return SheetCells.read(kept.get(), wanted, strings());
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof UnreadableReturnException u) {
                throw u;
            }
            throw ZipGuard.damaged(file, e);
        }
        Optional<InputStream> in = zip.open(part);
        if (in.isEmpty()) {
            throw ZipGuard.damaged(file, new IOException("no part " + part + " for "
                    + sheetName));
        }
        try (InputStream xml = in.get()) {
            return SheetCells.read(xml, wanted, strings());
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof UnreadableReturnException u) {
                throw u;
            }
            throw ZipGuard.damaged(file, e);
        }
    }

    private SharedStrings strings() {
        if (strings == null) {
            strings = stringsPart.flatMap(zip::bytes).map(SharedStrings::of)
                    .orElseGet(SharedStrings::none);
        }
        return strings;
    }

    @Override
    public void close() {
        zip.close();
    }
}

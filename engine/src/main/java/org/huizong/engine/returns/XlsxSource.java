package org.huizong.engine.returns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamException;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.template.MetaSheet;
import org.huizong.engine.xlsx.CellPos;
import org.huizong.engine.xlsx.NumberText;
import org.huizong.engine.xlsx.RawCell;
import org.huizong.engine.xlsx.SharedStrings;
import org.huizong.engine.xlsx.SheetCells;
import org.huizong.engine.xlsx.XmlParts;
import org.huizong.engine.xlsx.ZipGuard;

/**
 * An .xlsx read straight from its parts: the zip's directory checked ({@link ZipGuard}) and only
 * the parts needed inflated, each checked as it is; the workbook part's sheets and defined names
 * and its relationships parsed once for all returns of one structure
 * ({@link WorkbookStructures}); and of
 * each sheet only the cells asked for ({@link SheetCells}), with shared strings decoded on demand
 * ({@link SharedStrings}). No workbook model is built.
 */
final class XlsxSource implements WorkbookSource {
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String PACKAGE_RELS = "_rels/.rels";
    /** Rows of {@code _meta} read: it has seven. */
    private static final int META_ROWS = 100;
    private static final Set<CellPos> META_CELLS = metaCells();
    /** Lower-cased marks of the content types of macro parts. */
    private static final List<String> MACRO_TYPES = List.of("macroenabled", "vbaproject",
            "macrosheet");

    private final String file;
    private final ZipGuard.Contents zip;
    private final WorkbookStructures.Structure layout;
    /** The core properties part ({@code docProps/core.xml}), when the package names one. */
    private final Optional<String> core;
    private SharedStrings strings;

    private XlsxSource(String file, ZipGuard.Contents zip, WorkbookStructures.Structure layout,
            Optional<String> core) {
        this.file = file;
        this.zip = zip;
        this.layout = layout;
        this.core = core;
    }

    /**
     * Checks the zip (damage, bombs, macros) and opens it.
     *
     * @throws UnreadableFileException when it is not a readable, macro-free workbook
     */
    static XlsxSource open(String file, byte[] bytes, WorkbookStructures layouts) {
        ZipGuard.Contents zip = ZipGuard.inspect(file, bytes);
        try {
            XlsxSource s = open(file, zip, layouts);
            zip = null;
            return s;
        } finally {
            if (zip != null) {
                zip.close();
            }
        }
    }

    private static XlsxSource open(String file, ZipGuard.Contents zip, WorkbookStructures layouts) {
        String types = new String(zip.bytes(CONTENT_TYPES).orElse(new byte[0]),
                StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (hasMacros(types, zip.names())) {
            throw Refusals.macroEnabled(file);
        }
        try {
            Optional<byte[]> rels = zip.bytes(PACKAGE_RELS);
            Optional<String> path = rels.isEmpty() ? Optional.empty()
                    : XmlParts.workbookPath(rels.get());
            Optional<String> core = rels.isEmpty() ? Optional.empty()
                    : XmlParts.corePropertiesPath(rels.get());
            Optional<byte[]> wbXml = path.flatMap(zip::bytes);
            if (wbXml.isEmpty() || !types.contains("spreadsheetml")) {
                throw Refusals.notASpreadsheet(file);
            }
            String part = path.get();
            byte[] wbRels = zip.bytes(XmlParts.relationshipsOf(part)).orElse(new byte[0]);
            return new XlsxSource(file, zip, layouts.of(part, wbXml.get(), wbRels), core);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw ZipGuard.damaged(file, e);
        }
    }

    /**
     * Whether a package carries macros: a macro-enabled main part, a VBA project or an Excel 4.0
     * macro sheet, by content type ({@code types}, lower-cased: content types compare without
     * case) or by part name (which compare without case too).
     */
    private static boolean hasMacros(String types, List<String> parts) {
        for (String mark : MACRO_TYPES) {
            if (types.contains(mark)) {
                return true;
            }
        }
        for (String part : parts) {
            String p = part.toLowerCase(Locale.ROOT);
            if (p.endsWith("vbaproject.bin") || p.contains("macrosheets/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> sheetNames() {
        return layout.sheetNames();
    }

    @Override
    public Map<String, String> definedNames() {
        return layout.names();
    }

    /** Reads only the small core properties part; a damaged one gives no saved time. */
    @Override
    public Optional<Instant> saved() {
        try {
            Optional<byte[]> xml = core.flatMap(zip::bytes);
            return xml.isEmpty() ? Optional.empty() : XmlParts.modified(xml.get());
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, String> meta() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!layout.sheetParts().containsKey(MetaSheet.SHEET_NAME)) {
            return out;
        }
        Map<CellPos, RawCell> read = read(MetaSheet.SHEET_NAME, META_CELLS);
        for (int row = 0; row < META_ROWS; row++) {
            String k = text(read.get(new CellPos(row, 0)));
            if (!k.isBlank()) {
                out.put(k.trim(), text(read.get(new CellPos(row, 1))).trim());
            }
        }
        return out;
    }

    private static Set<CellPos> metaCells() {
        Set<CellPos> cells = new LinkedHashSet<>();
        for (int row = 0; row < META_ROWS; row++) {
            cells.add(new CellPos(row, 0));
            cells.add(new CellPos(row, 1));
        }
        return Collections.unmodifiableSet(cells);
    }

    private static String text(RawCell raw) {
        if (raw == null) {
            return "";
        }
        return raw.kind() == RawCell.Kind.NUMBER ? NumberText.storedText(raw.text())
                : raw.text();
    }

    @Override
    public Map<CellPos, RawCell> read(String sheetName, Set<CellPos> wanted) {
        String part = layout.sheetParts().get(sheetName);
        if (part == null || wanted.isEmpty()) {
            return Map.of();
        }
        try {
            if (zip.fitsInMemory(part)) {
                return SheetCells.read(zip.bytes(part).orElseThrow(), wanted, strings());
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw failed(sheetName, e);
        }
        Optional<InputStream> in = zip.open(part);
        if (in.isEmpty()) {
            throw ZipGuard.damaged(file, new IOException("no part " + part + " for "
                    + sheetName));
        }
        try (InputStream xml = in.get()) {
            return SheetCells.read(xml, wanted, strings());
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw failed(sheetName, e);
        }
    }

    /** Why reading a sheet failed, as the refusal: at a cell when it is one cell. */
    private UnreadableFileException failed(String sheetName, Exception e) {
        if (e instanceof UnreadableFileException u) {
            return u;
        }
        if (e instanceof SheetCells.BadCellException b) {
            return Refusals.badCell(file, CellRef.of(sheetName, b.cell().row(),
                    b.cell().column()), b.getMessage(), b);
        }
        return ZipGuard.damaged(file, e);
    }

    private SharedStrings strings() {
        if (strings == null) {
            strings = layout.stringsPart().flatMap(zip::bytes).map(SharedStrings::of)
                    .orElseGet(SharedStrings::none);
        }
        return strings;
    }

    @Override
    public ReturnAssembler.Located located(ReadPlan plan, boolean book,
            Supplier<ReturnAssembler.Located> locate) {
        return layout.located(plan, book, locate);
    }

    @Override
    public void close() {
        zip.close();
    }
}

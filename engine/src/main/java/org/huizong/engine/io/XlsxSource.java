package org.huizong.engine.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An .xlsx read with fastexcel's pull stream (no workbook model in memory); the workbook part's
 * sheets and defined names, which fastexcel does not expose, read with StAX from the same zip.
 */
final class XlsxSource implements WorkbookSource {
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String PACKAGE_RELS = "_rels/.rels";

    private final String file;
    private final ReadableWorkbook workbook;
    private final List<String> sheetNames;
    private final Map<String, String> names;

    private XlsxSource(String file, ReadableWorkbook workbook, XmlParts.Workbook parts) {
        this.file = file;
        this.workbook = workbook;
        this.sheetNames = parts.sheets().stream().map(XmlParts.SheetEntry::name).toList();
        this.names = XmlParts.names(parts.names());
    }

    /**
     * Checks the zip (damage, bombs, macros) and opens it.
     *
     * @throws UnreadableReturnException when it is not a readable, macro-free workbook
     */
    static XlsxSource open(String file, byte[] bytes) {
        ZipGuard.Contents zip = ZipGuard.inspect(file, bytes, n -> n.equals(CONTENT_TYPES)
                || n.endsWith(".rels") || n.endsWith(".xml") && n.contains("workbook"));
        String types = new String(zip.parts().getOrDefault(CONTENT_TYPES, new byte[0]),
                StandardCharsets.UTF_8);
        if (types.contains("macroEnabled") || types.contains("vbaProject")
                || zip.names().stream().anyMatch(n -> n.toLowerCase(java.util.Locale.ROOT)
                        .endsWith("vbaproject.bin"))) {
            throw Refusals.macroEnabled(file);
        }
        XmlParts.Workbook parts;
        try {
            byte[] rels = zip.parts().get(PACKAGE_RELS);
            Optional<String> path = rels == null ? Optional.empty() : XmlParts.workbookPath(rels);
            byte[] wbXml = path.map(p -> zip.parts().get(p)).orElse(null);
            if (wbXml == null || !types.contains("spreadsheetml")) {
                throw Refusals.notASpreadsheet(file);
            }
            parts = XmlParts.workbook(wbXml);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof UnreadableReturnException u) {
                throw u;
            }
            throw ZipGuard.damaged(file, e);
        }
        try {
            return new XlsxSource(file, new ReadableWorkbook(new ByteArrayInputStream(bytes)),
                    parts);
        } catch (IOException | RuntimeException e) {
            throw ZipGuard.damaged(file, e);
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
        Optional<Sheet> sheet = workbook.findSheet(MetaSheet.SHEET_NAME);
        if (sheet.isEmpty()) {
            return out;
        }
        try (Stream<Row> rows = sheet.get().openStream()) {
            rows.limit(100).forEach(r -> {
                String k = r.getCellCount() > 0 ? text(r.getCell(0)) : "";
                String v = r.getCellCount() > 1 ? text(r.getCell(1)) : "";
                if (!k.isBlank()) {
                    out.put(k.trim(), v.trim());
                }
            });
        } catch (IOException | RuntimeException e) {
            throw ZipGuard.damaged(file, e);
        }
        return out;
    }

    private static String text(Cell c) {
        RawCell raw = raw(c);
        return raw.kind() == RawCell.Kind.NUMBER ? NumberText.ofStored(raw.text()).toPlainString()
                : raw.text();
    }

    @Override
    public Map<Pos, RawCell> read(String sheetName, Set<Pos> wanted) {
        Map<Pos, RawCell> out = new HashMap<>();
        Optional<Sheet> sheet = workbook.findSheet(sheetName);
        if (sheet.isEmpty() || wanted.isEmpty()) {
            return out;
        }
        Map<Integer, List<Pos>> byRow = new HashMap<>();
        int lastRow = 0;
        for (Pos p : wanted) {
            byRow.computeIfAbsent(p.row(), k -> new java.util.ArrayList<>()).add(p);
            lastRow = Math.max(lastRow, p.row());
        }
        int stop = lastRow;
        try (Stream<Row> rows = sheet.get().openStream()) {
            // Row numbers are one-based; the stream is lazy, so rows past the last wanted one
            // are never parsed.
            rows.takeWhile(r -> r.getRowNum() - 1 <= stop).forEach(r -> {
                List<Pos> ps = byRow.get(r.getRowNum() - 1);
                if (ps != null) {
                    for (Pos p : ps) {
                        out.put(p, raw(r.getOptionalCell(p.column()).orElse(null)));
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            throw ZipGuard.damaged(file, e);
        }
        return out;
    }

    /** fastexcel's cell as stored; for a formula, its cached result, parsed by its type. */
    private static RawCell raw(Cell c) {
        if (c == null) {
            return RawCell.BLANK;
        }
        Optional<String> formula = Optional.ofNullable(c.getFormula()).filter(f -> !f.isEmpty());
        Object v = c.getValue();
        RawCell.Kind kind;
        String text;
        switch (c.getType()) {
            case NUMBER -> {
                kind = RawCell.Kind.NUMBER;
                text = c.getRawValue();
            }
            case STRING -> {
                kind = RawCell.Kind.TEXT;
                text = c.getText();
            }
            case BOOLEAN -> {
                kind = RawCell.Kind.BOOLEAN;
                text = Boolean.TRUE.equals(v) ? "TRUE" : "FALSE";
            }
            case ERROR -> {
                kind = RawCell.Kind.ERROR;
                text = c.getRawValue();
            }
            case FORMULA -> {
                kind = v == null ? RawCell.Kind.BLANK : v instanceof BigDecimal
                        ? RawCell.Kind.NUMBER : v instanceof Boolean ? RawCell.Kind.BOOLEAN
                        : RawCell.Kind.TEXT;
                text = v instanceof BigDecimal ? c.getRawValue() : v == null ? "" : v.toString();
            }
            default -> {
                kind = RawCell.Kind.BLANK;
                text = "";
            }
        }
        return new RawCell(kind, text, formula);
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // Everything was read from memory; nothing left to release or report.
        }
    }
}

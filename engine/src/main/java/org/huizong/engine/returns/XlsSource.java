package org.huizong.engine.returns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.template.MetaSheet;
import org.huizong.engine.xlsx.CellPos;
import org.huizong.engine.xlsx.NumberText;
import org.huizong.engine.xlsx.RawCell;
import org.huizong.engine.xlsx.ZipGuard;

/**
 * An Excel 97-2003 (.xls) return, read with POI HSSF from memory: a school may have saved the
 * template in the old format. The file itself is never opened for writing. Also tells an
 * encrypted Office file (an OLE2 container with EncryptionInfo) from an .xls.
 */
final class XlsSource implements WorkbookSource {
    private final HSSFWorkbook workbook;

    private XlsSource(HSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    /**
     * @throws UnreadableFileException for an encrypted file, one with VBA macros, or an OLE2
     *     file that is not a workbook (a .doc)
     */
    static XlsSource open(String file, byte[] bytes) {
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw ZipGuard.damaged(file, e);
        }
        DirectoryNode root = fs.getRoot();
        if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
            throw Refusals.encrypted(file);
        }
        if (root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("Macros")) {
            throw Refusals.macroEnabled(file);
        }
        if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")) {
            throw Refusals.notASpreadsheet(file);
        }
        try {
            return new XlsSource(new HSSFWorkbook(root, true));
        } catch (EncryptedDocumentException e) {
            throw Refusals.encrypted(file);
        } catch (IOException | RuntimeException e) {
            throw ZipGuard.damaged(file, e);
        }
    }

    @Override
    public List<String> sheetNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            out.add(workbook.getSheetName(i));
        }
        return out;
    }

    @Override
    public Map<String, String> definedNames() {
        Map<String, String> out = new LinkedHashMap<>();
        List<? extends Name> names = workbook.getAllNames();
        for (Name n : names) {
            if (n.getSheetIndex() < 0 && !n.isFunctionName()) {
                out.put(n.getNameName(), formula(n));
            }
        }
        for (Name n : names) {
            if (!n.isFunctionName()) {
                out.putIfAbsent(n.getNameName(), formula(n));
            }
        }
        return out;
    }

    private static String formula(Name n) {
        try {
            return n.getRefersToFormula();
        } catch (RuntimeException e) {
            return "#REF!";
        }
    }

    @Override
    public Optional<Instant> saved() {
        try {
            SummaryInformation info = workbook.getSummaryInformation();
            return info == null ? Optional.empty()
                    : Optional.ofNullable(info.getLastSaveDateTime()).map(Date::toInstant);
        } catch (RuntimeException e) {
            // a damaged property set says nothing about the figures: no saved time
            return Optional.empty();
        }
    }

    @Override
    public Map<String, String> meta() {
        Map<String, String> out = new LinkedHashMap<>();
        HSSFSheet sheet = workbook.getSheet(MetaSheet.SHEET_NAME);
        if (sheet == null) {
            return out;
        }
        for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 100); r++) {
            HSSFRow row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            RawCell k = raw(row.getCell(0));
            RawCell v = raw(row.getCell(1));
            if (!k.text().isBlank()) {
                out.put(k.text().trim(), v.kind() == RawCell.Kind.NUMBER
                        ? NumberText.storedText(v.text()) : v.text().trim());
            }
        }
        return out;
    }

    @Override
    public Map<CellPos, RawCell> read(String sheetName, Set<CellPos> wanted) {
        Map<CellPos, RawCell> out = new HashMap<>();
        HSSFSheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            return out;
        }
        for (CellPos p : wanted) {
            HSSFRow row = sheet.getRow(p.row());
            out.put(p, raw(row == null ? null : row.getCell(p.column())));
        }
        return out;
    }

    /** Numbers as Excel shows them (15 significant digits), not as binary doubles print. */
    private static RawCell raw(HSSFCell c) {
        if (c == null) {
            return RawCell.BLANK;
        }
        Optional<String> formula = Optional.empty();
        CellType type = c.getCellType();
        if (type == CellType.FORMULA) {
            formula = Optional.of(c.getCellFormula());
            type = c.getCachedFormulaResultType();
        }
        return switch (type) {
            // a NUMBER record may hold the bits of an infinity or NaN, which no program shows
            case NUMERIC -> Double.isFinite(c.getNumericCellValue())
                    ? new RawCell(RawCell.Kind.NUMBER,
                            NumberToTextConverter.toText(c.getNumericCellValue()), formula)
                    : new RawCell(RawCell.Kind.ERROR, FormulaError.NUM.getString(), formula);
            case STRING -> new RawCell(RawCell.Kind.TEXT, c.getStringCellValue(), formula);
            case BOOLEAN -> new RawCell(RawCell.Kind.BOOLEAN,
                    c.getBooleanCellValue() ? "TRUE" : "FALSE", formula);
            case ERROR -> new RawCell(RawCell.Kind.ERROR,
                    FormulaError.forInt(c.getErrorCellValue()).getString(), formula);
            default -> new RawCell(RawCell.Kind.BLANK, "", formula);
        };
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // Read from memory; nothing to release.
        }
    }
}

package org.huizong.engine.definition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.HuizongException;
import org.huizong.engine.spec.DefinitionBook;
import org.huizong.engine.spec.DefinitionLayout;

/**
 * Reads the cell texts of a definition workbook's sheets ({@link DefinitionLayout#sheets()}),
 * as Excel shows them; other sheets (the 填写说明) are skipped. A formula cell gives its cached
 * result. At most {@value #MAX_ROWS} rows and {@value #MAX_COLUMNS} columns a sheet are read.
 */
public final class DefinitionWorkbookReader {
    /** Far beyond any collection (edu-halfyear has about 150 fields). */
    static final int MAX_ROWS = 5000;
    static final int MAX_COLUMNS = 40;

    private DefinitionWorkbookReader() {
    }

    public static DefinitionBook read(Path file) {
        try {
            return read(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new HuizongException(file + ": 无法读取: " + e.getMessage(), e);
        }
    }

    /**
     * Reads workbook bytes.
     *
     * @param source the file name messages start with
     * @throws HuizongException in Chinese when the bytes are no .xlsx workbook
     */
    public static DefinitionBook read(byte[] xlsx, String source) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter shown = new DataFormatter(java.util.Locale.ROOT);
            Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
            for (String name : DefinitionLayout.sheets()) {
                Sheet s = wb.getSheet(name);
                if (s != null) {
                    sheets.put(name, rows(s, shown, source));
                }
            }
            return new DefinitionBook(source, sheets);
        } catch (IOException | RuntimeException e) {
            if (e instanceof HuizongException h) {
                throw h;
            }
            throw new HuizongException(source + ": 不是可读取的 .xlsx 报表定义工作簿（"
                    + (e instanceof InvalidFormatException ? "格式不符" : e.getMessage()) + "）", e);
        }
    }

    private static List<List<String>> rows(Sheet s, DataFormatter shown, String source) {
        if (s.getLastRowNum() >= MAX_ROWS) {
            throw new HuizongException(source + " " + s.getSheetName() + ": 行数超过 " + MAX_ROWS);
        }
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                int last = Math.min(row.getLastCellNum(), MAX_COLUMNS);
                for (int c = 0; c < last; c++) {
                    cells.add(text(row.getCell(c), shown));
                }
            }
            out.add(cells);
        }
        return out;
    }

    private static String text(Cell cell, DataFormatter shown) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return switch (cell.getCachedFormulaResultType()) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> shown.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(),
                        cell.getCellStyle().getDataFormatString());
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                default -> "";
            };
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue()))
                    .stripTrailingZeros().toPlainString();
        }
        return shown.formatCellValue(cell);
    }
}

package org.huizong.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads figures out of a consolidated workbook with POI, an independent reader. */
final class Books {
    private Books() {
    }

    /** The value under a workbook-scoped defined name such as {@code F_info_students}. */
    static BigDecimal named(byte[] book, String name) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            Name n = wb.getName(name);
            if (n == null) {
                throw new AssertionError("no defined name " + name + " in the book");
            }
            CellReference ref = new AreaReference(n.getRefersToFormula(),
                    wb.getSpreadsheetVersion()).getFirstCell();
            Cell cell = wb.getSheet(ref.getSheetName()).getRow(ref.getRow())
                    .getCell(ref.getCol());
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sheet name and cell text, for assertions on words. */
    static String text(byte[] book) {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            wb.forEach(sheet -> {
                sb.append("[").append(sheet.getSheetName()).append("]\n");
                sheet.forEach(row -> row.forEach(c -> sb.append(c.toString()).append('\t')));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}

package org.huizong.engine.report;

import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.huizong.engine.consolidate.SchoolStatus;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Value;
import org.huizong.engine.template.MetaSheet;

/**
 * The per-school detail for machines ({@link MetaSheet#DETAIL_SHEET}): every counted school's
 * code and numeric figures by field id, very hidden and protected, under the name {@link
 * MetaSheet#DETAIL_NAME}. Next year's consolidation compares like with like from it (可比口径)
 * and runs the rules that need a school's previous return. Readers never rely on the visible
 * 学校明细, which a clerk may sort, filter or edit.
 */
final class DetailData {
    private final Book b;

    DetailData(Book b) {
        this.b = b;
    }

    void write(String password) {
        Sheet sheet = b.sheet(MetaSheet.DETAIL_SHEET);
        List<Field> numeric = b.collection.fields().stream().filter(f -> f.type().isNumeric())
                .toList();
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue(MetaSheet.DETAIL_CODE);
        for (int k = 0; k < numeric.size(); k++) {
            header.createCell(1 + k).setCellValue(numeric.get(k).id());
        }
        int r = 1;
        for (SchoolStatus s : b.c.schools()) {
            if (!s.status().isCounted()) {
                continue;
            }
            Row x = sheet.createRow(r++);
            x.createCell(0).setCellValue(s.school().code());
            for (int k = 0; k < numeric.size(); k++) {
                Value v = s.values().get(numeric.get(k).id());
                if (v != null) {
                    // as the totals count it: a number as typed, text as 0
                    x.createCell(1 + k).setCellValue(v instanceof Value.Num n
                            ? n.value().doubleValue() : 0);
                }
            }
        }
        sheet.protectSheet(password);
        b.wb.setSheetVisibility(b.wb.getSheetIndex(MetaSheet.DETAIL_SHEET),
                SheetVisibility.VERY_HIDDEN);
        XSSFName name = b.wb.createName();
        name.setNameName(MetaSheet.DETAIL_NAME);
        name.setRefersToFormula(new AreaReference(
                new CellReference(MetaSheet.DETAIL_SHEET, 0, 0, true, true),
                new CellReference(MetaSheet.DETAIL_SHEET, r - 1, numeric.size(), true, true),
                SpreadsheetVersion.EXCEL2007).formatAsString());
    }
}

package org.huizong.engine.report;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.huizong.engine.model.Field;

/**
 * The exact totals for machines ({@link #NAME}): one row per form field, 字段 | 项目 | 单位 |
 * 精确值 | 显示位置, very hidden and protected, with the field's workbook-scoped {@code F_<field>}
 * name on its exact value. County tables show money rounded with 舍位平衡 ({@link Shown}); the
 * book still reads back as one unit's return with the figures to the yuan, a level up and as
 * next year's previous period.
 */
final class ExactSheet {
    static final String NAME = "_totals";

    private final Book b;

    ExactSheet(Book b) {
        this.b = b;
    }

    /**
     * @param shownAt field id to the cell that shows it ({@code '全县汇总'!D7}), where shown
     */
    void write(String password, Map<String, String> shownAt) {
        Sheet sheet = b.sheet(NAME);
        Row header = sheet.createRow(0);
        String[] titles = {"字段", "项目", "单位", "精确值", "显示位置"};
        for (int k = 0; k < titles.length; k++) {
            header.createCell(k).setCellValue(titles[k]);
        }
        int r = 1;
        for (Field f : b.collection.fields()) {
            Row x = sheet.createRow(r);
            x.createCell(0).setCellValue(f.id());
            x.createCell(1).setCellValue(f.label());
            x.createCell(2).setCellValue(f.unit());
            if (f.type().isNumeric()) {
                BigDecimal v = b.c.totals().get(f.id());
                x.createCell(3).setCellValue(v.doubleValue());
            } else {
                x.createCell(3).setCellValue(switch (f.id()) {
                    case "info.code" -> b.unit.code();
                    case "info.name" -> b.unit.name();
                    default -> "";
                });
            }
            x.createCell(4).setCellValue(shownAt.getOrDefault(f.id(), ""));
            XSSFName n = b.wb.createName();
            n.setNameName(f.definedName());
            n.setRefersToFormula(NAME + "!" + new CellReference(r, 3, true, true)
                    .formatAsString());
            r++;
        }
        sheet.protectSheet(password);
        b.wb.setSheetVisibility(b.wb.getSheetIndex(NAME), SheetVisibility.VERY_HIDDEN);
    }
}

package org.huizong.engine.template;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.huizong.engine.UnreadableFileException;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.xlsx.NumberText;

/**
 * The very hidden {@code _meta} sheet that says what a workbook is: column A holds keys, column B
 * text values, one pair a row. {@link TemplateWriter} writes it into every template; the report
 * writer writes it into a consolidated book so that the book reads as one unit's return a level
 * up. Readers identify a return by it, never by file name.
 */
public final class MetaSheet {
    /** The sheet's name. */
    public static final String SHEET_NAME = "_meta";
    public static final String COLLECTION = "collection";
    public static final String VERSION = "version";
    public static final String PERIOD = "period";
    public static final String UNIT = "unit";
    public static final String STRUCTURE_HASH = "structureHash";
    public static final String KIND = "kind";
    public static final String GENERATOR = "generator";
    /** The value of {@link #GENERATOR}. */
    public static final String GENERATOR_NAME = "huizong";
    /**
     * A consolidated book's very hidden per-school detail: a header row ({@link #DETAIL_CODE},
     * then numeric field ids), then one row a counted school (its code as text, then its
     * figures as numbers, blank when not filled). The book's previous-period comparisons and
     * per-school rules of the next year read it back.
     */
    public static final String DETAIL_SHEET = "_detail";
    /** The workbook-scoped name over the whole of {@link #DETAIL_SHEET}'s table. */
    public static final String DETAIL_NAME = "D_DETAIL";
    /** The header of the detail's first column, the school (or unit) codes. */
    public static final String DETAIL_CODE = "code";

    private MetaSheet() {
    }

    /** The key/value pairs of {@code meta}, in the order they are written. */
    public static Map<String, String> entries(ReturnMeta meta) {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(COLLECTION, meta.collection());
        kv.put(VERSION, Integer.toString(meta.version()));
        kv.put(PERIOD, meta.period().toString());
        kv.put(UNIT, meta.unitCode());
        kv.put(STRUCTURE_HASH, meta.structureHash());
        kv.put(KIND, meta.kind());
        kv.put(GENERATOR, GENERATOR_NAME);
        return kv;
    }

    /**
     * Adds the {@code _meta} sheet as the workbook's last sheet, very hidden (Excel's 取消隐藏 does
     * not list it) and protected with {@code password}. Values are text cells so that Excel shows
     * {@code 1} as 1, not 1.0, and keeps leading zeros of unit codes.
     */
    public static Sheet write(Workbook workbook, ReturnMeta meta, String password) {
        Sheet sheet = workbook.createSheet(SHEET_NAME);
        int r = 0;
        for (Map.Entry<String, String> e : entries(meta).entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(e.getKey());
            row.createCell(1).setCellValue(e.getValue());
        }
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 24 * 256);
        sheet.protectSheet(password);
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
        return sheet;
    }

    /**
     * Reads the pairs back.
     *
     * @throws UnreadableFileException naming {@code file} when a key is missing or malformed
     */
    public static ReturnMeta parse(Map<String, String> kv, String file) {
        String collection = require(kv, COLLECTION, file);
        String versionText = require(kv, VERSION, file);
        String periodText = require(kv, PERIOD, file);
        int version;
        Period period;
        try {
            version = Integer.parseInt(withoutZeroFraction(NumberText.toHalfWidth(versionText)));
            period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
            throw new UnreadableFileException(file, "文件 " + file + " 的模板标识信息（_meta）已损坏：版本“"
                    + quoted(versionText) + "”或报告期“" + quoted(periodText)
                    + "”无法识别。请使用教育局下发的原模板重新填写。", e);
        }
        return new ReturnMeta(collection, version, period, require(kv, UNIT, file),
                require(kv, STRUCTURE_HASH, file), kv.getOrDefault(KIND, ReturnMeta.KIND_RETURN));
    }

    /** At most the first 20 characters of a value, for a message of bounded length. */
    private static String quoted(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /** {@code 1.0} as {@code 1}: a version a program stored as a number. */
    private static String withoutZeroFraction(String s) {
        int dot = s.lastIndexOf('.');
        if (dot < 0 || dot == s.length() - 1) {
            return s;
        }
        for (int i = dot + 1; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return s;
            }
        }
        return s.substring(0, dot);
    }

    private static String require(Map<String, String> kv, String key, String file) {
        String v = kv.get(key);
        if (v == null || v.isBlank()) {
            throw new UnreadableFileException(file, "文件 " + file + " 的模板标识信息（_meta）缺少“" + key
                    + "”。请使用教育局下发的原模板重新填写。");
        }
        return v.trim();
    }
}

package org.huizong.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Severity;

/**
 * Conditional formatting that shows live check results where the clerk types: a failing rule's
 * cells turn red (error) or amber (warning) as soon as the values are in. A form cell's format
 * reads the rule's status cell on the 校验 sheet through its {@code S_} name (a defined name, so
 * it works across sheets in Excel 2010+, WPS and LibreOffice, and the formula is compiled once);
 * table cells carry their row's formula. Errors come first, so red wins where both apply.
 */
final class LiveMarks {
    static final String ERROR_FILL = "FFC7CE";
    static final String ERROR_FONT = "9C0006";
    static final String WARNING_FILL = "FFC000";
    static final String WARNING_FONT = "5C3A00";
    static final String PASSED_FONT = "2E7D32";

    /** The status tests that colour one cell: failing errors, failing warnings. */
    private record Tests(Set<String> errors, Set<String> warnings) {
    }

    private LiveMarks() {
    }

    /** Colours the form cells and table rows of failing checks. */
    static void markForms(XSSFWorkbook wb, List<LiveChecks.CheckLine> lines) {
        Map<CellRef, Tests> byCell = new LinkedHashMap<>();
        for (LiveChecks.CheckLine line : lines) {
            if (!line.isLive()) {
                continue;
            }
            String failing = LiveChecks.statusName(line) + "=\"" + line.severity().label() + "\"";
            for (CellRef c : line.cells()) {
                Tests t = byCell.computeIfAbsent(c, x -> new Tests(new LinkedHashSet<>(),
                        new LinkedHashSet<>()));
                (line.severity() == Severity.ERROR ? t.errors() : t.warnings()).add(failing);
            }
        }
        // One conditional format per sheet and set of tests, over all the cells that share it.
        Map<String, Map<Tests, List<CellRangeAddress>>> groups = new LinkedHashMap<>();
        byCell.forEach((cell, tests) -> {
            CellReference ref = new CellReference(cell.a1());
            groups.computeIfAbsent(cell.sheet(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(tests, x -> new ArrayList<>())
                    .add(new CellRangeAddress(ref.getRow(), ref.getRow(), ref.getCol(),
                            ref.getCol()));
        });
        groups.forEach((sheetName, byTests) -> {
            XSSFSheetConditionalFormatting cf = wb.getSheet(sheetName)
                    .getSheetConditionalFormatting();
            byTests.forEach((tests, regions) -> {
                List<XSSFConditionalFormattingRule> rules = new ArrayList<>();
                if (!tests.errors().isEmpty()) {
                    rules.add(rule(cf, or(tests.errors()), ERROR_FILL, ERROR_FONT));
                }
                if (!tests.warnings().isEmpty()) {
                    rules.add(rule(cf, or(tests.warnings()), WARNING_FILL, WARNING_FONT));
                }
                cf.addConditionalFormatting(regions.toArray(new CellRangeAddress[0]),
                        rules.toArray(new XSSFConditionalFormattingRule[0]));
            });
        });
        for (LiveChecks.CheckLine line : lines) {
            if (!line.isLive()) {
                continue;
            }
            boolean error = line.severity() == Severity.ERROR;
            for (LiveChecks.TableMark m : line.marks()) {
                XSSFSheetConditionalFormatting cf = wb.getSheet(m.sheet())
                        .getSheetConditionalFormatting();
                CellRangeAddress[] regions = m.columns().stream().map(c ->
                        new CellRangeAddress(m.firstRow(), m.lastRow(), c, c))
                        .toArray(CellRangeAddress[]::new);
                cf.addConditionalFormatting(regions, rule(cf, m.formula(),
                        error ? ERROR_FILL : WARNING_FILL, error ? ERROR_FONT : WARNING_FONT));
            }
        }
    }

    /**
     * The 校验 sheet's own colours: each line's message, status and count by its status, an
     * unexplained warning's 说明 cell amber, and the summary line red, amber or green.
     */
    static void markCheckSheet(XSSFSheet sheet, int lastRowIndex) {
        XSSFSheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        int first = CheckSheetWriter.FIRST_LINE_ROW;
        String status = "$" + CheckSheetWriter.col(CheckSheetWriter.STATUS_COL) + (first + 1);
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(first,
                lastRowIndex, CheckSheetWriter.MESSAGE_COL, CheckSheetWriter.COUNT_COL)},
                new XSSFConditionalFormattingRule[] {
                    rule(cf, status + "=\"错误\"", ERROR_FILL, ERROR_FONT),
                    rule(cf, status + "=\"警告\"", WARNING_FILL, WARNING_FONT)});
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(first,
                lastRowIndex, CheckSheetWriter.STATUS_COL, CheckSheetWriter.STATUS_COL)},
                rule(cf, status + "=\"" + CheckSheetWriter.PASSED + "\"", null, PASSED_FONT));
        String x = CheckSheetWriter.col(CheckSheetWriter.EXPLANATION_COL) + (first + 1);
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(first,
                lastRowIndex, CheckSheetWriter.EXPLANATION_COL, CheckSheetWriter.EXPLANATION_COL)},
                rule(cf, "AND(" + status + "=\"警告\",LEN(TRIM(SUBSTITUTE(" + x
                        + ",\"　\",\" \")))<" + org.huizong.engine.rules.Validator.MIN_EXPLANATION
                        + ")", WARNING_FILL, WARNING_FONT));
        String all = "$" + CheckSheetWriter.col(CheckSheetWriter.STATUS_COL) + "$" + (first + 1)
                + ":$" + CheckSheetWriter.col(CheckSheetWriter.STATUS_COL) + "$"
                + (lastRowIndex + 1);
        CellRangeAddress top = new CellRangeAddress(CheckSheetWriter.SUMMARY_ROW,
                CheckSheetWriter.SUMMARY_ROW, 0, CheckSheetWriter.EXPLANATION_COL);
        cf.addConditionalFormatting(new CellRangeAddress[] {top},
                new XSSFConditionalFormattingRule[] {
                    rule(cf, "COUNTIF(" + all + ",\"错误\")>0", ERROR_FILL, ERROR_FONT),
                    rule(cf, "COUNTIF(" + all + ",\"警告\")>0", WARNING_FILL, WARNING_FONT),
                    rule(cf, "TRUE", null, PASSED_FONT)});
    }

    private static XSSFConditionalFormattingRule rule(XSSFSheetConditionalFormatting cf,
            String formula, String fill, String font) {
        XSSFConditionalFormattingRule r = cf.createConditionalFormattingRule(formula);
        if (fill != null) {
            PatternFormatting p = r.createPatternFormatting();
            p.setFillBackgroundColor(color(fill));
            p.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        }
        FontFormatting f = r.createFontFormatting();
        f.setFontColor(color(font));
        // Bold only where something is wrong, so a failing line stands out among passing ones.
        f.setFontStyle(false, fill != null);
        return r;
    }

    private static String or(Set<String> terms) {
        return terms.size() == 1 ? terms.iterator().next() : "OR(" + String.join(",", terms)
                + ")";
    }


    private static XSSFColor color(String rgbHex) {
        byte[] rgb = new byte[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = (byte) Integer.parseInt(rgbHex.substring(2 * i, 2 * i + 2), 16);
        }
        return new XSSFColor(rgb, null);
    }
}

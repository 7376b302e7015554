package org.huizong.engine.io;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Severity;

/**
 * The 校验 sheet: every spec rule with its id, severity and message (placeholders shown as field
 * labels), a 状态 column that stays blank until live checks are added (the rules are checked on
 * submission), and for each warning a 说明 cell named {@code X_<rule>} where the school explains
 * a warning it stands by.
 */
final class CheckSheetWriter {
    static final int STATUS_COL = 4;
    static final int EXPLANATION_COL = 5;
    private static final Pattern PAREN_VALUE =
            Pattern.compile("[(（]\\{=?[^{}]+}[^(){}（）]{0,3}[)）]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(=?)([^{}]+)}");

    private CheckSheetWriter() {
    }

    static void write(XSSFWorkbook wb, TemplateStyles styles, Collection collection,
            String subtitle, Map<String, String> explanations) {
        XSSFSheet sheet = wb.createSheet(TemplateWriter.CHECK_SHEET);
        SheetLook.widths(sheet, 6, 36, 8, 56, 12, 36);
        SheetLook.titleRows(sheet, styles, collection.title() + "——校验规则及说明", subtitle,
                EXPLANATION_COL);
        Row header = sheet.createRow(TemplateLayout.HEADER_ROW);
        List<String> headers = List.of("序号", "规则编号", "级别", "规则说明", "状态", "说明");
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
        }
        List<Rule> rules = collection.rules();
        for (int i = 0; i < rules.size(); i++) {
            writeRule(wb, sheet, styles, collection, TemplateLayout.lineRow(i), i, rules.get(i),
                    explanations.get(rules.get(i).id()));
        }
        int after = TemplateLayout.lineRow(rules.size());
        Row note = sheet.createRow(after);
        Cell nc = note.createCell(0);
        nc.setCellValue("状态：提交时校验。“错误”须改正后才能通过；“警告”如核实数据无误，请在该行“说明”列写明"
                + "原因（不少于6个字）。");
        nc.setCellStyle(styles.paragraph);
        sheet.addMergedRegion(new CellRangeAddress(after, after, 0, EXPLANATION_COL));
        note.setHeightInPoints(34);
        SheetLook.fitRows(sheet, TemplateLayout.HEADER_ROW, after - 1);
        SheetLook.print(sheet, TemplateLayout.HEADER_ROW, 0, true);
        SheetLook.protect(sheet, TemplateWriter.PASSWORD);
    }

    private static void writeRule(XSSFWorkbook wb, XSSFSheet sheet, TemplateStyles styles,
            Collection collection, int rowIndex, int index, Rule rule, String explanation) {
        Row row = sheet.createRow(rowIndex);
        text(row, 0, Integer.toString(index + 1), styles.centered);
        text(row, 1, rule.id(), styles.note);
        text(row, 2, rule.severity().label(), styles.centered);
        text(row, 3, render(rule.message(), collection), styles.label);
        text(row, STATUS_COL, "", styles.centered);
        boolean warning = rule.severity() == Severity.WARNING;
        Cell x = row.createCell(EXPLANATION_COL);
        x.setCellStyle(styles.explanation(warning));
        if (explanation != null) {
            if (!warning) {
                throw new IllegalArgumentException("rule " + rule.id()
                        + " is an error; only warnings take a 说明");
            }
            x.setCellValue(explanation);
        }
        if (warning) {
            CellRangeAddress range = new CellRangeAddress(rowIndex, rowIndex, EXPLANATION_COL,
                    EXPLANATION_COL);
            InputValidation.addExplanation(sheet, range);
            XSSFName n = wb.createName();
            n.setNameName(TemplateWriter.explanationName(rule.id()));
            n.setRefersToFormula(FormSheetWriter.quote(TemplateWriter.CHECK_SHEET) + "!"
                    + FormSheetWriter.absolute(CellRef.of(TemplateWriter.CHECK_SHEET, rowIndex,
                            EXPLANATION_COL).a1()));
        }
    }

    private static void text(Row row, int col, String value, org.apache.poi.ss.usermodel.CellStyle
            style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /**
     * A rule message for a form that has no values yet: a parenthesised value right after its
     * label ({@code 专任教师数({info.teachers})}) is dropped, any other placeholder shows the
     * field's label in 〔〕, a computed one {@code {=...}} as 〔…〕.
     */
    static String render(String message, Collection collection) {
        String s = PAREN_VALUE.matcher(message).replaceAll("");
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String shown = "〔…〕";
            if (m.group(1).isEmpty()) {
                Optional<Field> f = collection.findField(m.group(2).trim());
                shown = "〔" + f.map(Field::label).orElse(m.group(2).trim()) + "〕";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(shown));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

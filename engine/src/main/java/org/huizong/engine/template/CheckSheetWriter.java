package org.huizong.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Severity;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

/**
 * The 校验 sheet: a live count of errors and warnings at the top, then one line per check
 * ({@link LiveChecks.CheckLine}) with its id, severity, message, a live status (通过 / 错误 / 警告, or
 * when it is checked later), the number of findings, a link to its first cell, and for each
 * warning a 说明 cell named {@code X_<rule>} where the school explains a warning it stands by.
 * Every status cell is named {@code S_<key>} so conditional formatting on the form sheets can
 * colour a failing rule's cells.
 */
final class CheckSheetWriter {
    static final int SUMMARY_ROW = 2;
    static final int HEADER_ROW = 3;
    static final int FIRST_LINE_ROW = 4;
    static final int MESSAGE_COL = 3;
    static final int STATUS_COL = 4;
    static final int COUNT_COL = 5;
    static final int LINK_COL = 6;
    static final int EXPLANATION_COL = 7;
    static final String PASSED = "通过";
    private static final int MESSAGE_WIDTH = 54;
    private static final Pattern PAREN_VALUE =
            Pattern.compile("[(（]\\{=?[^{}]+}[^(){}（）]{0,3}[)）]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(=?)([^{}]+)}");

    private CheckSheetWriter() {
    }

    static void write(XSSFWorkbook wb, TemplateStyles styles, Collection collection,
            String subtitle, Map<String, String> explanations, List<LiveChecks.CheckLine> lines) {
        XSSFSheet sheet = wb.createSheet(TemplateWriter.CHECK_SHEET);
        SheetLook.widths(sheet, 6, 30, 6, MESSAGE_WIDTH, 10, 7, 14, 32);
        SheetLook.titleRows(sheet, styles, collection.title() + "——校验规则及说明", subtitle,
                EXPLANATION_COL);
        Row header = sheet.createRow(HEADER_ROW);
        List<String> headers = List.of("序号", "规则编号", "级别", "规则说明", "状态", "问题数",
                "位置", "说明");
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
        }
        header.setHeightInPoints(21);
        XSSFCellStyle link = linkStyle(wb, styles);
        for (int i = 0; i < lines.size(); i++) {
            LiveChecks.CheckLine line = lines.get(i);
            String explanation = explanations.get(line.id());
            writeLine(wb, sheet, styles, link, FIRST_LINE_ROW + i, i, line, explanation);
        }
        int last = FIRST_LINE_ROW + lines.size() - 1;
        summary(sheet, styles, lines, last);
        LiveMarks.markCheckSheet(sheet, last);
        int after = last + 1;
        Row note = sheet.createRow(after);
        Cell nc = note.createCell(0);
        nc.setCellValue("状态随填写即时计算，与上传后系统的校验规则相同。“错误”须改正后才能通过；"
                + "“警告”如核实数据无误，请在该行“说明”列写明原因（不少于6个字）。"
                + "“" + LiveChecks.ON_SUBMISSION + "”的规则需要本校上年同期报表，“"
                + LiveChecks.AT_CONSOLIDATION + "”的规则需要全县数据，由系统在上传后检查。"
                + "数字、整数、小数位数、下拉选项、电话格式和“不适用”项由单元格的输入限制把关"
                + "（粘贴的内容可能绕过），上传后系统再次检查。");
        nc.setCellStyle(styles.paragraph);
        sheet.addMergedRegion(new CellRangeAddress(after, after, 0, EXPLANATION_COL));
        note.setHeightInPoints(52);
        SheetLook.print(sheet, HEADER_ROW, 0, true);
        SheetLook.protect(sheet, TemplateWriter.PASSWORD);
    }

    /** The live count of findings at the top, as the server would count them. */
    private static void summary(XSSFSheet sheet, TemplateStyles styles, List<LiveChecks.CheckLine>
            lines, int last) {
        String status = range(STATUS_COL, last);
        String counts = range(COUNT_COL, last);
        String errors = "SUMIF(" + status + ",\"错误\"," + counts + ")";
        String warnings = "SUMIF(" + status + ",\"警告\"," + counts + ")";
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).severity() == Severity.WARNING && lines.get(i).isLive()) {
                int r = FIRST_LINE_ROW + i + 1;
                String x = col(EXPLANATION_COL) + r;
                unexplained.add("IF(AND(" + col(STATUS_COL) + r + "=\"警告\",LEN(TRIM(SUBSTITUTE("
                        + x + ",\"　\",\" \")))<" + org.huizong.engine.rules.Validator
                        .MIN_EXPLANATION + ")," + col(COUNT_COL) + r + ",0)");
            }
        }
        String open = unexplained.isEmpty() ? "0" : String.join("+", unexplained);
        String formula = "IF(" + errors + "+" + warnings + "=0,\"即时校验：未发现错误或警告\","
                + "\"即时校验：错误 \"&" + errors + "&\" 项，警告 \"&" + warnings + "&\" 项\"&IF("
                + open + ">0,\"，其中 \"&(" + open + ")&\" 项警告尚未写说明\",\"\"))";
        Row row = sheet.createRow(SUMMARY_ROW);
        row.setHeightInPoints(24);
        Cell c = row.createCell(0);
        formula(c, formula);
        c.setCellStyle(styles.heading);
        sheet.addMergedRegion(new CellRangeAddress(SUMMARY_ROW, SUMMARY_ROW, 0,
                EXPLANATION_COL));
    }

    private static void writeLine(XSSFWorkbook wb, XSSFSheet sheet, TemplateStyles styles,
            XSSFCellStyle linkStyle, int rowIndex, int index, LiveChecks.CheckLine line,
            String explanation) {
        Row row = sheet.createRow(rowIndex);
        int r = rowIndex + 1;
        text(row, 0, Integer.toString(index + 1), styles.centered);
        text(row, 1, line.id(), styles.note);
        text(row, 2, line.severity().label(), styles.centered);
        Cell message = row.createCell(MESSAGE_COL);
        message.setCellStyle(styles.label);
        Optional<String> live = line.liveMessage();
        if (live.isPresent()) {
            formula(message, "IF(" + col(STATUS_COL) + r + "=\"" + PASSED + "\","
                    + LiveChecks.literal(line.text()) + "," + live.get().replace(LiveChecks.COUNT,
                            col(COUNT_COL) + r) + ")");
        } else {
            message.setCellValue(line.text());
        }
        Cell status = row.createCell(STATUS_COL);
        status.setCellStyle(styles.centered);
        Cell count = row.createCell(COUNT_COL);
        count.setCellStyle(styles.centered);
        if (line.isLive()) {
            formula(count, line.count().orElseThrow());
            formula(status, "IF(" + col(COUNT_COL) + r + "=0,\"" + PASSED + "\",\""
                    + line.severity().label() + "\")");
        } else {
            status.setCellValue(line.pending());
        }
        name(wb, LiveChecks.statusName(line), rowIndex, STATUS_COL);
        Cell where = row.createCell(LINK_COL);
        where.setCellStyle(line.link().isPresent() ? linkStyle : styles.centered);
        line.link().ifPresent(ref -> {
            where.setCellValue(ref.toString());
            XSSFHyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            h.setAddress(FormSheetWriter.quote(ref.sheet()) + "!" + ref.a1());
            h.setLabel(ref.toString());
            where.setHyperlink(h);
        });
        explanation(wb, sheet, styles, row, line, explanation);
        int height = Math.max(SheetLook.lines(line.text(), MESSAGE_WIDTH),
                SheetLook.lines(line.sample(), MESSAGE_WIDTH));
        row.setHeightInPoints(Math.max(21, height * 15 + 5));
    }

    private static void explanation(XSSFWorkbook wb, XSSFSheet sheet, TemplateStyles styles,
            Row row, LiveChecks.CheckLine line, String explanation) {
        boolean warning = line.severity() == Severity.WARNING;
        Cell x = row.createCell(EXPLANATION_COL);
        x.setCellStyle(styles.explanation(warning));
        if (explanation != null) {
            if (!warning) {
                throw new IllegalArgumentException("rule " + line.id()
                        + " is an error; only warnings take a 说明");
            }
            x.setCellValue(explanation);
        }
        if (warning) {
            int rowIndex = row.getRowNum();
            InputValidation.addExplanation(sheet, new CellRangeAddress(rowIndex, rowIndex,
                    EXPLANATION_COL, EXPLANATION_COL));
            name(wb, TemplateWriter.explanationName(line.id()), rowIndex, EXPLANATION_COL);
        }
    }

    /**
     * Stores a formula as written, without POI's parser: the check formulas come from
     * {@link org.huizong.engine.rules.ExcelFormulaCompiler} and are tens of thousands of
     * characters per template, which parsing would make the slowest part of writing one. The
     * tests evaluate every one of them with POI and LibreOffice.
     */
    private static void formula(Cell cell, String formula) {
        CTCell ct = ((XSSFCell) cell).getCTCell();
        (ct.isSetF() ? ct.getF() : ct.addNewF()).setStringValue(formula);
        if (ct.isSetV()) {
            ct.unsetV();
        }
        if (ct.isSetT()) {
            ct.unsetT();
        }
    }

    private static void name(XSSFWorkbook wb, String name, int row, int column) {
        XSSFName n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula(FormSheetWriter.quote(TemplateWriter.CHECK_SHEET) + "!"
                + FormSheetWriter.absolute(CellRef.of(TemplateWriter.CHECK_SHEET, row, column)
                        .a1()));
    }

    private static XSSFCellStyle linkStyle(XSSFWorkbook wb, TemplateStyles styles) {
        XSSFCellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(styles.centered);
        XSSFFont f = wb.createFont();
        f.setFontName(TemplateStyles.BODY_FONT);
        f.setFontHeightInPoints((short) 10);
        f.setUnderline(XSSFFont.U_SINGLE);
        f.setColor(new org.apache.poi.xssf.usermodel.XSSFColor(new byte[] {0x05, 0x63,
            (byte) 0xC1}, null));
        s.setFont(f);
        return s;
    }

    /** {@code $E$5:$E$40}: a column of the lines, 1-based {@code last} row inclusive. */
    private static String range(int column, int lastRowIndex) {
        return "$" + col(column) + "$" + (FIRST_LINE_ROW + 1) + ":$" + col(column) + "$"
                + (lastRowIndex + 1);
    }

    static String col(int column) {
        return CellRef.columnLetters(column);
    }

    private static void text(Row row, int col, String value, CellStyle style) {
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

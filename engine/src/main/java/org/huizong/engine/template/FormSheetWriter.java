package org.huizong.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.Value;
import org.huizong.engine.template.TemplateStyles.Kind;

/**
 * Writes one form sheet of a school's template: title rows, header, one row per line with its
 * value cells (named {@code F_<field>}), and the repeating table (columns named
 * {@code T_<table>_<key>}) when the sheet has one.
 */
final class FormSheetWriter {
    private static final String PREFILLED_NOTE = "根据学校名单预填";
    private static final String COMPUTED_NOTE = "自动计算";

    private final XSSFWorkbook wb;
    private final TemplateStyles styles;
    private final Collection collection;
    private final Period period;
    private final School school;
    private final ReturnData data;
    private final TemplateLayout layout;
    private final ComputedFormulas formulas;
    private final List<XSSFCell> formulaCells = new ArrayList<>();

    FormSheetWriter(XSSFWorkbook wb, TemplateStyles styles, Collection collection, Period period,
            School school, ReturnData data, TemplateLayout layout, ComputedFormulas formulas) {
        this.wb = wb;
        this.styles = styles;
        this.collection = collection;
        this.period = period;
        this.school = school;
        this.data = data;
        this.layout = layout;
        this.formulas = formulas;
    }

    /** The formula cells written so far, for computing their cached values at the end. */
    List<XSSFCell> formulaCells() {
        return formulaCells;
    }

    void write(Sheet spec) {
        XSSFSheet sheet = wb.createSheet(spec.title());
        int last = TemplateLayout.lastColumn(spec);
        SheetLook.titleRows(sheet, styles, collection.title() + "——" + spec.title(),
                subtitle(school, period), last);
        if (!spec.lines().isEmpty()) {
            writeLines(sheet, spec);
        }
        spec.table().ifPresent(t -> writeTable(sheet, spec, t));
        if (spec.lines().isEmpty()) {
            SheetLook.print(sheet, TemplateLayout.tableHeaderRow(spec), 2, true);
        } else {
            SheetLook.print(sheet, TemplateLayout.HEADER_ROW, 0, false);
        }
        SheetLook.furniture(sheet, collection.furniture());
        SheetLook.protect(sheet, TemplateWriter.PASSWORD);
    }

    static String subtitle(School school, Period period) {
        return "填报单位：" + school.name() + "　　学校标识码：" + school.code() + "　　报告期："
                + period.describe();
    }

    private void writeLines(XSSFSheet sheet, Sheet spec) {
        int note = TemplateLayout.noteColumn(spec);
        int[] widths = new int[note + 1];
        widths[TemplateLayout.NUMBER_COL] = 6;
        widths[TemplateLayout.LABEL_COL] = labelWidth(spec);
        widths[TemplateLayout.UNIT_COL] = 12;
        for (int j = 0; j < spec.valueColumns().size(); j++) {
            widths[TemplateLayout.FIRST_VALUE_COL + j] = Math.max(16,
                    SheetLook.width(spec.valueColumns().get(j)) + 4);
        }
        widths[note] = 30;
        SheetLook.widths(sheet, widths);
        List<String> headers = new ArrayList<>(List.of("序号", "项目", "单位"));
        headers.addAll(spec.valueColumns());
        headers.add("备注");
        headerRow(sheet, TemplateLayout.HEADER_ROW, headers);
        List<Line> lines = spec.lines();
        for (int i = 0; i < lines.size(); i++) {
            writeLine(sheet, spec, i, lines.get(i));
        }
        SheetLook.fitRows(sheet, TemplateLayout.HEADER_ROW,
                TemplateLayout.lineRow(lines.size() - 1));
    }

    private static int labelWidth(Sheet spec) {
        int w = 20;
        for (Line l : spec.lines()) {
            w = Math.max(w, SheetLook.width(l.label()) + 2);
        }
        return Math.min(w, 40);
    }

    private void headerRow(XSSFSheet sheet, int rowIndex, List<String> headers) {
        Row row = sheet.createRow(rowIndex);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
        }
    }

    private void writeLine(XSSFSheet sheet, Sheet spec, int index, Line line) {
        Row row = sheet.createRow(TemplateLayout.lineRow(index));
        Cell number = row.createCell(TemplateLayout.NUMBER_COL);
        number.setCellValue(index + 1);
        number.setCellStyle(styles.centered);
        Cell label = row.createCell(TemplateLayout.LABEL_COL);
        label.setCellValue(line.label());
        label.setCellStyle(styles.label);
        Set<String> units = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (int j = 0; j < spec.valueColumns().size(); j++) {
            Field f = j < line.fields().size() ? line.fields().get(j) : null;
            XSSFCell cell = (XSSFCell) row.createCell(TemplateLayout.FIRST_VALUE_COL + j);
            if (f == null) {
                cell.setCellStyle(styles.label);
                continue;
            }
            if (!f.unit().isEmpty()) {
                units.add(f.unit());
            }
            notes.add(writeField(sheet, cell, f));
        }
        Cell unit = row.createCell(TemplateLayout.UNIT_COL);
        unit.setCellValue(String.join("/", units));
        unit.setCellStyle(styles.centered);
        Cell note = row.createCell(TemplateLayout.noteColumn(spec));
        notes.remove("");
        note.setCellValue(String.join("；", notes));
        note.setCellStyle(styles.note);
    }

    /** Writes one field's cell, names and validates it; returns its 备注 text. */
    private String writeField(XSSFSheet sheet, XSSFCell cell, Field f) {
        CellRef ref = layout.cell(f);
        name(f.definedName(), ref);
        CellRangeAddress range = new CellRangeAddress(cell.getRowIndex(), cell.getRowIndex(),
                cell.getColumnIndex(), cell.getColumnIndex());
        if (f.prefilled()) {
            cell.setCellStyle(styles.value(Kind.PREFILLED, f.type()));
            cell.setCellValue(TemplateWriter.rosterValue(school, f));
            return PREFILLED_NOTE;
        }
        if (f.isComputed()) {
            cell.setCellStyle(styles.value(Kind.COMPUTED, f.type()));
            cell.setCellFormula(formulas.formula(f));
            formulaCells.add(cell);
            return COMPUTED_NOTE;
        }
        Value v = data.values().get(f.id());
        if (!f.appliesTo(school.type())) {
            cell.setCellStyle(styles.value(Kind.NOT_APPLICABLE, f.type()));
            setValue(cell, v);
            InputValidation.addNotApplicable(sheet, f, range, ref.a1(), school.type());
            return InputValidation.NOT_APPLICABLE;
        }
        cell.setCellStyle(styles.value(Kind.INPUT, f.type()));
        setValue(cell, v);
        InputValidation.add(sheet, f, range, ref.a1());
        return f.required() ? "必填" + (f.hint().isEmpty() ? "" : "；" + f.hint()) : f.hint();
    }

    static String quote(String sheetTitle) {
        return "'" + sheetTitle.replace("'", "''") + "'";
    }

    static String absolute(String a1) {
        int split = 0;
        while (split < a1.length() && Character.isLetter(a1.charAt(split))) {
            split++;
        }
        return "$" + a1.substring(0, split) + "$" + a1.substring(split);
    }

    private void name(String name, CellRef ref) {
        XSSFName n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula(quote(ref.sheet()) + "!" + absolute(ref.a1()));
    }

    /** Writes a value as given: numbers as numbers, text as text, whatever the field's type. */
    static void setValue(Cell cell, Value v) {
        if (v instanceof Value.Num n) {
            cell.setCellValue(n.value().doubleValue());
        } else if (v instanceof Value.Text t) {
            cell.setCellValue(t.value());
        }
    }

    private void writeTable(XSSFSheet sheet, Sheet spec, Table table) {
        int headerRow = TemplateLayout.tableHeaderRow(spec);
        int first = TemplateLayout.tableFirstRow(spec);
        int lastRow = first + table.rows() - 1;
        List<Map<String, Value>> rows = data.tables().getOrDefault(table.id(), List.of());
        if (rows.size() > table.rows()) {
            throw new IllegalArgumentException("表 " + table.id() + " 只有" + table.rows()
                    + "行，数据有" + rows.size() + "行");
        }
        List<String> headers = new ArrayList<>(List.of("序号"));
        table.columns().forEach(c -> headers.add(c.labelWithUnit()));
        headerRow(sheet, headerRow, headers);
        if (spec.lines().isEmpty()) {
            int[] widths = new int[table.columns().size() + 1];
            widths[0] = 6;
            for (int j = 0; j < table.columns().size(); j++) {
                widths[j + 1] = columnWidth(table.columns().get(j));
            }
            SheetLook.widths(sheet, widths);
        }
        for (int i = 0; i < table.rows(); i++) {
            Row row = sheet.createRow(first + i);
            Cell number = row.createCell(0);
            number.setCellValue(i + 1);
            number.setCellStyle(styles.centered);
            Map<String, Value> values = i < rows.size() ? rows.get(i) : Map.of();
            for (int j = 0; j < table.columns().size(); j++) {
                Field col = table.columns().get(j);
                Cell cell = row.createCell(TemplateLayout.tableColumn(j));
                boolean applies = col.appliesTo(school.type());
                cell.setCellStyle(styles.value(applies ? Kind.INPUT : Kind.NOT_APPLICABLE,
                        col.type()));
                setValue(cell, values.get(Table.key(col)));
            }
            row.setHeightInPoints(21);
        }
        for (int j = 0; j < table.columns().size(); j++) {
            Field col = table.columns().get(j);
            int c = TemplateLayout.tableColumn(j);
            CellRangeAddress range = new CellRangeAddress(first, lastRow, c, c);
            String topLeft = CellRef.columnLetters(c) + (first + 1);
            if (col.appliesTo(school.type())) {
                InputValidation.add(sheet, col, range, topLeft);
            } else {
                InputValidation.addNotApplicable(sheet, col, range, topLeft, school.type());
            }
            XSSFName n = wb.createName();
            n.setNameName(table.columnName(col));
            n.setRefersToFormula(quote(spec.title()) + "!" + absolute(topLeft) + ":"
                    + absolute(CellRef.columnLetters(c) + (lastRow + 1)));
        }
        SheetLook.fitRows(sheet, headerRow, headerRow);
        Row note = sheet.createRow(lastRow + 1);
        Cell nc = note.createCell(0);
        nc.setCellValue("说明：每个项目填写一行，未用的行保持空白；" + String.join("、",
                requiredLabels(table)) + "必填，其余选填；金额单位为万元，面积单位为平方米。");
        nc.setCellStyle(styles.subtitle);
        sheet.addMergedRegion(new CellRangeAddress(lastRow + 1, lastRow + 1, 0,
                table.columns().size()));
    }

    private static List<String> requiredLabels(Table table) {
        return table.requiredWhenUsed().stream().map(k -> table.column(k).label()).toList();
    }

    private static int columnWidth(Field col) {
        int w = switch (col.type()) {
            case TEXT -> 32;
            case MONEY, AREA -> 17;
            default -> 12;
        };
        return Math.max(w, Math.min(20, SheetLook.width(col.labelWithUnit()) / 2 + 4));
    }
}

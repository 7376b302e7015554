package org.huizong.engine.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;
import org.huizong.engine.rules.ExcelFormulaCompiler.Resolver;
import org.huizong.engine.rules.ExcelFormulaCompiler;
import org.huizong.engine.rules.Expr;
import org.huizong.engine.rules.Validator;

/**
 * What the template checks live, as Excel formulas: for every spec rule a formula counting its
 * findings (0 when it holds), compiled by {@link ExcelFormulaCompiler} from the AST the server
 * evaluates, so the 校验 sheet says what the server will say; and the built-in {@code required}
 * and {@code row.required} checks, counted the way the validator counts them. Rules that need a
 * previous return or the other schools stay for submission or consolidation. Formulas reference
 * cells through the workbook's defined names ({@code F_}, {@code T_}), which work across sheets
 * in conditional formatting too. Built once per collection; only the required fields depend on
 * the school's type.
 */
final class LiveChecks {
    /** Excel's formula length limit is 8,192 characters; a longer count is left to submission. */
    static final int MAX_FORMULA = 8000;
    static final String ON_SUBMISSION = "提交时校验";
    static final String AT_CONSOLIDATION = "汇总时校验";
    /** In a live message, stands for the line's own count cell ({@code F7}). */
    static final String COUNT = "{count}";

    /**
     * One line of the 校验 sheet.
     *
     * @param id the rule id a finding carries ({@code required} for the built-in)
     * @param key unique per line: the suffix of the line's {@code S_} name
     * @param text the message shown while the rule holds (or for a rule checked later)
     * @param sample about as long as the message when it fails, for sizing the row
     * @param count formula counting the findings; empty when the rule is not checked live
     * @param liveMessage text formula: the server's message, values filled in; shown when the
     *     rule fails; empty to keep {@code text}; {@link #COUNT} stands for the count cell
     * @param pending the status of a rule not checked live
     * @param link the first cell to fix, as the server's finding names it
     * @param cells form cells coloured when the rule fails
     * @param marks table cells coloured row by row
     */
    record CheckLine(String id, String key, Severity severity, String text, String sample,
            Optional<String> count,
            Optional<String> liveMessage, String pending, Optional<CellRef> link,
            List<CellRef> cells, List<TableMark> marks) {
        CheckLine {
            Objects.requireNonNull(id, "id");
            cells = List.copyOf(cells);
            marks = List.copyOf(marks);
        }

        boolean isLive() {
            return count.isPresent();
        }
    }

    /**
     * Table cells to colour: every row of {@code columns} (zero-based sheet columns) from
     * {@code firstRow} to {@code lastRow} (zero-based, inclusive) where {@code formula}, written
     * for the top-left cell with row-relative references, is TRUE.
     */
    record TableMark(String sheet, List<Integer> columns, int firstRow, int lastRow,
            String formula) {
        TableMark {
            columns = List.copyOf(columns);
        }
    }

    private final Collection collection;
    private final Validator validator;
    private final ExcelFormulaCompiler compiler;
    private final TemplateLayout layout;
    private final List<CheckLine> ruleLines;

    LiveChecks(Collection collection, TemplateLayout layout) {
        this.collection = collection;
        this.layout = layout;
        this.validator = Validator.of(collection);
        this.compiler = ExcelFormulaCompiler.of(validator);
        List<CheckLine> lines = new ArrayList<>();
        for (Rule r : collection.rules()) {
            lines.add(ruleLine(r));
        }
        this.ruleLines = List.copyOf(lines);
        checkNames();
    }

    /** Every line's {@code S_} name is unique: a spec rule may not take a built-in's id. */
    private void checkNames() {
        Map<String, String> seen = new HashMap<>();
        seen.put("S_required", "the built-in check required");
        for (Table t : collection.tables()) {
            seen.put(statusName("row.required." + t.id()), "the built-in check row.required");
        }
        for (CheckLine l : ruleLines) {
            String before = seen.put(statusName(l.key()), l.id());
            if (before != null) {
                throw new IllegalArgumentException("rule " + l.id() + " and " + before
                        + " share the defined name " + statusName(l.key()));
            }
        }
    }

    /** The lines of {@code school}'s 校验 sheet: built-in checks first, then the spec's rules. */
    List<CheckLine> lines(School school) {
        List<CheckLine> out = new ArrayList<>();
        out.add(required(school));
        for (Sheet s : collection.sheets()) {
            s.table().filter(t -> !t.requiredWhenUsed().isEmpty())
                    .ifPresent(t -> out.add(rowRequired(s, t)));
        }
        out.addAll(ruleLines);
        return out;
    }

    /** The name of a line's status cell: {@code S_} and the key, non-word characters _. */
    static String statusName(CheckLine line) {
        return statusName(line.key());
    }

    private static String statusName(String key) {
        return "S_" + key.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private CheckLine ruleLine(Rule r) {
        String text = CheckSheetWriter.render(r.message(), collection);
        String sample = r.message().replaceAll("\\{[^{}]*}", "000000");
        Expr check = validator.check(r.id());
        Optional<CellRef> link = firstToFix(check, r.table());
        if (r.scope() != Rule.Scope.RETURN || !compiler.isCompilable(r.id())) {
            String pending = r.scope() == Rule.Scope.CONSOLIDATION ? AT_CONSOLIDATION
                    : ON_SUBMISSION;
            return new CheckLine(r.id(), r.id(), r.severity(), text, sample, Optional.empty(),
                    Optional.empty(), pending, link, List.of(), List.of());
        }
        Resolver names = Resolver.definedNames();
        if (r.table().isEmpty()) {
            String count = "IF(" + compiler.rule(r.id(), names) + ",0,1)";
            return new CheckLine(r.id(), r.id(), r.severity(), text, sample, Optional.of(count),
                    Optional.of(compiler.message(r.id(), names)), "", link, formCells(check),
                    List.of());
        }
        Table t = collection.tables().stream().filter(x -> x.id().equals(r.table().get()))
                .findFirst().orElseThrow();
        Sheet sheet = sheetOf(t);
        int first = TemplateLayout.tableFirstRow(sheet);
        List<String> terms = new ArrayList<>();
        for (int row = first; row < first + t.rows(); row++) {
            int at = row;
            Resolver inRow = names.inRow(col -> columnCell(t, col, sheet, at, true));
            terms.add("IF(OR(COUNTA(" + rowRange(sheet, t, row, true) + ")=0,"
                    + compiler.rule(r.id(), inRow) + "),0,1)");
        }
        String count = String.join("+", terms);
        if (count.length() > MAX_FORMULA) {
            return new CheckLine(r.id(), r.id(), r.severity(), text, sample, Optional.empty(),
                    Optional.empty(), ON_SUBMISSION, link, List.of(), List.of());
        }
        Resolver relative = names.inRow(col -> columnCell(t, col, sheet, first, false));
        String failing = "NOT(OR(COUNTA(" + rowRange(sheet, t, first, false) + ")=0,"
                + compiler.rule(r.id(), relative) + "))";
        List<Integer> columns = new ArrayList<>();
        for (String id : check.fieldsToFix()) {
            columnIndex(t, id).ifPresent(columns::add);
        }
        TableMark mark = new TableMark(sheet.title(), columns, first, first + t.rows() - 1,
                failing);
        return new CheckLine(r.id(), r.id(), r.severity(), text, sample, Optional.of(count),
                Optional.empty(), "", link, formCells(check), List.of(mark));
    }

    /**
     * The built-in {@code required} check: one finding per blank required field that applies
     * to the school's type, as the validator counts them; the message lists them.
     */
    private CheckLine required(School school) {
        List<Field> fields = collection.fields().stream().filter(f -> f.required()
                && !f.isComputed() && f.appliesTo(school.type())).toList();
        List<String> counts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Field f : fields) {
            counts.add("IF(ISBLANK(" + f.definedName() + "),1,0)");
            labels.add("IF(ISBLANK(" + f.definedName() + ")," + literal("、" + f.label())
                    + ",\"\")");
        }
        String count = counts.isEmpty() ? "0" : String.join("+", counts);
        String text = "必填项（" + String.join("、", fields.stream().map(Field::label).toList())
                + "）均已填写";
        String live = counts.isEmpty() ? literal(text) : literal("必填项未填 ") + "&" + COUNT
                + "&" + literal(" 项：") + "&MID(" + String.join("&", labels) + ",2,1000)";
        Optional<CellRef> link = fields.stream().findFirst().map(layout::cell);
        String sample = "必填项未填 " + fields.size() + " 项：" + String.join("、",
                fields.stream().map(Field::label).toList());
        return new CheckLine("required", "required", Severity.ERROR, text, sample,
                Optional.of(count), Optional.of(live), "", link, List.of(), List.of());
    }

    /**
     * The built-in {@code row.required} check of a table: one finding per required column left
     * blank in a used row (a row with any value).
     */
    private CheckLine rowRequired(Sheet sheet, Table t) {
        int first = TemplateLayout.tableFirstRow(sheet);
        List<String> rows = new ArrayList<>();
        for (int row = first; row < first + t.rows(); row++) {
            List<String> blanks = new ArrayList<>();
            for (String key : t.requiredWhenUsed()) {
                blanks.add("IF(ISBLANK(" + columnCell(t, t.column(key).id(), sheet, row, true)
                        + "),1,0)");
            }
            rows.add("IF(COUNTA(" + rowRange(sheet, t, row, true) + ")=0,0,"
                    + String.join("+", blanks) + ")");
        }
        List<String> labels = t.requiredWhenUsed().stream().map(k -> t.column(k).label())
                .toList();
        String text = sheet.title() + "：已填写的行，" + String.join("、", labels) + "必填";
        String count = String.join("+", rows);
        Optional<CellRef> link = Optional.of(CellRef.of(sheet.title(), first,
                columnIndex(t, t.column(t.requiredWhenUsed().get(0)).id()).orElseThrow()));
        if (count.length() > MAX_FORMULA) {
            return new CheckLine("row.required", "row.required." + t.id(), Severity.ERROR, text,
                    text, Optional.empty(), Optional.empty(), ON_SUBMISSION, link, List.of(),
                    List.of());
        }
        String live = literal(sheet.title() + "：已填写的行中有 ") + "&" + COUNT + "&"
                + literal(" 处必填项未填（" + String.join("、", labels) + "）");
        List<TableMark> marks = new ArrayList<>();
        for (String key : t.requiredWhenUsed()) {
            String top = columnCell(t, t.column(key).id(), sheet, first, false).replace("$", "");
            marks.add(new TableMark(sheet.title(), List.of(columnIndex(t, t.column(key).id())
                    .orElseThrow()), first, first + t.rows() - 1, "AND(COUNTA("
                    + rowRange(sheet, t, first, false) + ")>0,ISBLANK(" + top + "))"));
        }
        return new CheckLine("row.required", "row.required." + t.id(), Severity.ERROR, text,
                text + "000", Optional.of(count), Optional.of(live), "", link, List.of(), marks);
    }

    private Sheet sheetOf(Table t) {
        return collection.sheets().stream()
                .filter(s -> s.table().map(x -> x.id().equals(t.id())).orElse(false))
                .findFirst().orElseThrow();
    }

    /**
     * A table column's cell in zero-based {@code row}, or null when {@code fieldId} is not one
     * of its columns; {@code absolute} gives {@code '项目建设'!$E$5}, otherwise {@code $E5} for
     * conditional formatting on the table's own sheet.
     */
    private static String columnCell(Table t, String fieldId, Sheet sheet, int row,
            boolean absolute) {
        Optional<Integer> col = columnIndex(t, fieldId);
        if (col.isEmpty()) {
            return null;
        }
        String letters = CellRef.columnLetters(col.get());
        return absolute ? FormSheetWriter.quote(sheet.title()) + "!$" + letters + "$" + (row + 1)
                : "$" + letters + (row + 1);
    }

    private static Optional<Integer> columnIndex(Table t, String fieldId) {
        for (int j = 0; j < t.columns().size(); j++) {
            if (t.columns().get(j).id().equals(fieldId)) {
                return Optional.of(TemplateLayout.tableColumn(j));
            }
        }
        return Optional.empty();
    }

    /** A table row's input cells, for COUNTA: a row with any value is a used row. */
    private static String rowRange(Sheet sheet, Table t, int row, boolean absolute) {
        String from = CellRef.columnLetters(TemplateLayout.tableColumn(0));
        String to = CellRef.columnLetters(TemplateLayout.tableColumn(t.columns().size() - 1));
        return absolute
                ? FormSheetWriter.quote(sheet.title()) + "!$" + from + "$" + (row + 1) + ":$" + to
                        + "$" + (row + 1)
                : "$" + from + (row + 1) + ":$" + to + (row + 1);
    }

    /** The form cells of a check's fields (table columns have their own marks). */
    private List<CellRef> formCells(Expr check) {
        List<CellRef> out = new ArrayList<>();
        for (String id : check.fieldsToFix()) {
            Field f = collection.getField(id);
            if (collection.tables().stream().noneMatch(t -> t.columns().contains(f))) {
                out.add(layout.cell(f));
            }
        }
        return out;
    }

    /** The first cell a finding of the rule names (for a row rule: the column's first row). */
    private Optional<CellRef> firstToFix(Expr check, Optional<String> table) {
        for (String id : check.fieldsToFix()) {
            Field f = collection.getField(id);
            Optional<Table> owner = collection.tables().stream()
                    .filter(t -> t.columns().contains(f)).findFirst();
            if (owner.isEmpty()) {
                return Optional.of(layout.cell(f));
            }
            if (table.isPresent() && owner.get().id().equals(table.get())) {
                Sheet s = sheetOf(owner.get());
                return Optional.of(CellRef.of(s.title(), TemplateLayout.tableFirstRow(s),
                        columnIndex(owner.get(), id).orElseThrow()));
            }
        }
        return Optional.empty();
    }

    /** An Excel string literal, quotes doubled, split below Excel's 255-character limit. */
    static String literal(String s) {
        if (s.isEmpty()) {
            return "\"\"";
        }
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < s.length(); i += 200) {
            pieces.add("\"" + s.substring(i, Math.min(s.length(), i + 200)).replace("\"", "\"\"")
                    + "\"");
        }
        return String.join("&", pieces);
    }
}

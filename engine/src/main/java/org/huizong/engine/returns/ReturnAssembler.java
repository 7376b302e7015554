package org.huizong.engine.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.OrderedMaps;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.rules.Evaluator;
import org.huizong.engine.template.MetaSheet;
import org.huizong.engine.xlsx.CellPos;
import org.huizong.engine.xlsx.NamedArea;
import org.huizong.engine.xlsx.NumberText;
import org.huizong.engine.xlsx.RawCell;

/**
 * Builds a {@link Return} from an opened workbook, whatever its format: identifies it by its
 * {@code _meta} sheet, checks that its structure is the collection's (every {@code F_} and
 * {@code T_} name present and pointing at a sheet that exists), finds every cell by its defined
 * name, reads values and recomputes totals from their parts.
 */
final class ReturnAssembler {
    private static final int LISTED_NAMES = 5;

    private final String file;
    private final WorkbookSource source;
    private final ReadPlan plan;
    private final ReturnMeta meta;
    private final Located located;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * What a read plan finds in a workbook's structure, whatever the figures: the area of every
     * name present (fields, table columns, then 说明), the cells to read on each sheet, and what
     * is missing (the file is refused when anything is). Immutable.
     *
     * @param problems what is missing, in Chinese; empty when nothing is
     * @param fieldCells every field's cell, by field id, when nothing is missing: one map that
     *     every return of this structure holds as its cells (30,000 returns held ninety cell
     *     references each, 300 MB, before)
     * @param rowCells the cells of each table's first {@value #SHARED_ROWS} rows, by table id,
     *     then row, then column key, when nothing is missing: shared as {@code fieldCells} are
     */
    record Located(Map<String, NamedArea> areas, Map<String, CellColumns> wanted,
            List<String> problems, Map<String, CellRef> fieldCells,
            Map<String, List<Map<String, CellRef>>> rowCells) {
        Located {
            areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
            wanted = Collections.unmodifiableMap(new LinkedHashMap<>(wanted));
            problems = List.copyOf(problems);
            fieldCells = OrderedMaps.copyOf(fieldCells);
            rowCells = Map.copyOf(rowCells);
        }
    }

    /**
     * Rows of a table whose cells are made once per structure; a row past them (a name may claim
     * any number) has its cells made when it is read, as every row's were before.
     */
    static final int SHARED_ROWS = 1_000;

    private ReturnAssembler(String file, WorkbookSource source, ReadPlan plan,
            ReturnMeta meta, Located located) {
        this.file = file;
        this.source = source;
        this.plan = plan;
        this.meta = meta;
        this.located = located;
    }

    /**
     * @param book whether to locate names as in a consolidated book rather than a school's
     *     return
     */
    static Return assemble(String file, WorkbookSource source, ReadPlan plan, ReturnMeta meta,
            boolean book) {
        Located l = source.located(plan, book, () -> locate(source, plan, book));
        if (!l.problems().isEmpty()) {
            throw Refusals.structureAltered(file, l.problems());
        }
        return new ReturnAssembler(file, source, plan, meta, l).build();
    }

    /**
     * Finds every name the collection needs, each where the collection's layout lets it point
     * ({@link Placements}; {@code book}: a consolidated book's), and the 说明 names that exist
     * (none is required; only their first cell is read). The cells to read are the located
     * areas' only, so their number is bounded by the layout, never by what a name claims.
     */
    private static Located locate(WorkbookSource source, ReadPlan plan, boolean book) {
        Map<String, NamedArea> areas = new LinkedHashMap<>();
        Map<String, String> names = source.definedNames();
        Set<String> sheets = new HashSet<>(source.sheetNames());
        List<String> missingSheets = new ArrayList<>();
        List<String> missingNames = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        for (ReadPlan.SheetNames s : plan.sheets()) {
            List<String> expected = s.names();
            List<String> missing = new ArrayList<>();
            for (String n : expected) {
                Optional<NamedArea> a = NamedArea.parse(names.get(n))
                        .filter(x -> sheets.contains(x.sheet()));
                if (a.isEmpty()) {
                    missing.add(n);
                    continue;
                }
                ReadPlan.Place p = plan.layout().get(n);
                Placements.problem(n, a.get(), p.area(), p.column(), book)
                        .ifPresentOrElse(misplaced::add, () -> areas.put(n, a.get()));
            }
            if (missing.size() == expected.size() && !sheets.contains(s.title())) {
                missingSheets.add(s.title());
            } else {
                missing.forEach(n -> missingNames.add(n + "（" + s.title() + "）"));
            }
        }
        for (ReadPlan.TableNames t : plan.tables()) {
            misaligned(t, areas).ifPresent(misplaced::add);
        }
        List<String> problems = new ArrayList<>();
        if (!missingSheets.isEmpty()) {
            problems.add("缺少工作表 " + String.join("、", missingSheets));
        }
        if (!missingNames.isEmpty()) {
            problems.add("缺少名称 " + listed(missingNames, "、", "个"));
        }
        if (!misplaced.isEmpty()) {
            problems.add(listed(misplaced, "；", "处"));
        }
        for (ReadPlan.Explanation x : plan.explanations()) {
            String n = x.name();
            NamedArea.parse(names.get(n)).filter(a -> sheets.contains(a.sheet()))
                    .ifPresent(a -> areas.put(n, new NamedArea(a.sheet(), a.firstRow(),
                            a.firstColumn(), a.firstRow(), a.firstColumn())));
        }
        Map<String, List<CellColumns.Run>> runs = new LinkedHashMap<>();
        for (NamedArea a : areas.values()) {
            runs.computeIfAbsent(a.sheet(), k -> new ArrayList<>())
                    .add(new CellColumns.Run(a.firstColumn(), a.firstRow(), a.lastRow()));
        }
        Map<String, CellColumns> wanted = new LinkedHashMap<>();
        runs.forEach((sheet, r) -> wanted.put(sheet, CellColumns.of(r)));
        Map<String, CellRef> fieldCells = new LinkedHashMap<>();
        Map<String, List<Map<String, CellRef>>> rowCells = new HashMap<>();
        if (problems.isEmpty()) {
            for (ReadPlan.Named n : plan.fields()) {
                fieldCells.put(n.field().id(), topCell(areas.get(n.name())));
            }
            for (ReadPlan.TableNames t : plan.tables()) {
                List<Map<String, CellRef>> rows = new ArrayList<>();
                List<NamedArea> columns = columnAreas(t, areas);
                for (int i = 0; i < Math.min(SHARED_ROWS, rowCount(columns)); i++) {
                    rows.add(rowCells(t, columns, i));
                }
                rowCells.put(t.table().id(), List.copyOf(rows));
            }
        }
        return new Located(areas, wanted, problems, fieldCells, rowCells);
    }

    /**
     * The problem when a table's columns do not start on one row of one sheet, so that a row
     * of the list would pair cells a spreadsheet shows on different rows; empty when they do.
     */
    private static Optional<String> misaligned(ReadPlan.TableNames t,
            Map<String, NamedArea> areas) {
        ReadPlan.Named first = null;
        for (ReadPlan.Named c : t.columns()) {
            NamedArea a = areas.get(c.name());
            if (a == null) {
                continue;
            }
            if (first == null) {
                first = c;
                continue;
            }
            NamedArea f = areas.get(first.name());
            if (!a.sheet().equals(f.sheet()) || a.firstRow() != f.firstRow()) {
                return Optional.of("名称 " + c.name() + " 从 " + topCell(a) + " 起，与 "
                        + first.name() + " 的 " + topCell(f) + " 不在同一行");
            }
        }
        return Optional.empty();
    }

    private static CellRef topCell(NamedArea a) {
        return CellRef.of(a.sheet(), a.firstRow(), a.firstColumn());
    }

    /** The first {@value #LISTED_NAMES} items joined, and how many there are when more. */
    private static String listed(List<String> items, String separator, String measure) {
        return String.join(separator, items.subList(0, Math.min(LISTED_NAMES, items.size())))
                + (items.size() > LISTED_NAMES ? " 等" + items.size() + measure : "");
    }

    private Return build() {
        Map<String, Map<CellPos, RawCell>> cells = readCells();
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, CellRef> refs = located.fieldCells();
        for (ReadPlan.Named n : plan.fields()) {
            Field f = n.field();
            NamedArea a = located.areas().get(n.name());
            CellRef ref = refs.get(f.id());
            if (f.isComputed()) {
                continue;
            }
            RawCell raw = cell(cells, a.sheet(), a.firstRow(), a.firstColumn());
            CellValues.read(f, f.label(), raw, ref, findings).ifPresent(v -> values.put(f.id(), v));
        }
        Map<String, List<TableRow>> tables = new LinkedHashMap<>();
        for (ReadPlan.TableNames t : plan.tables()) {
            tables.put(t.table().id(), rows(t, cells));
        }
        recompute(values, tables);
        return new Return(file, meta, values, refs, tables, explanations(cells), findings,
                source.saved(), ReturnMeta.KIND_CONSOLIDATED.equals(meta.kind()) ? detail()
                        : Map.of());
    }

    /**
     * A consolidated book's per-school detail ({@link MetaSheet#DETAIL_SHEET}): code to numeric
     * field to figure; empty when the book has none (written before books kept it). Columns
     * whose header is not a numeric field of the collection are left out, as are rows without a
     * code and cells that hold no number.
     */
    /** Most units a book's per-school detail may list: a province's schools. */
    static final int MAX_DETAIL_ROWS = 100_000;

    private Map<String, Map<String, BigDecimal>> detail() {
        Optional<NamedArea> found = NamedArea.parse(source.definedNames()
                .get(MetaSheet.DETAIL_NAME)).filter(a -> source.sheetNames().contains(a.sheet()));
        if (found.isEmpty()) {
            return Map.of();
        }
        NamedArea a = found.get();
        // a name is the file's own word: an area larger than a book's detail can be (a row a
        // unit, a column a field) is no detail, so the comparison is left out with its note
        if ((long) a.lastRow() - a.firstRow() > MAX_DETAIL_ROWS
                || a.lastColumn() - a.firstColumn() > plan.collection().fields().size()) {
            return Map.of();
        }
        Set<CellPos> wanted = new LinkedHashSet<>();
        for (int r = a.firstRow(); r <= a.lastRow(); r++) {
            for (int c = a.firstColumn(); c <= a.lastColumn(); c++) {
                wanted.add(new CellPos(r, c));
            }
        }
        Map<CellPos, RawCell> cells = source.read(a.sheet(), wanted);
        Set<String> numeric = new HashSet<>();
        plan.collection().fields().stream().filter(f -> f.type().isNumeric())
                .forEach(f -> numeric.add(f.id()));
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (int c = a.firstColumn() + 1; c <= a.lastColumn(); c++) {
            String id = cells.getOrDefault(new CellPos(a.firstRow(), c), RawCell.BLANK)
                    .shownText();
            if (numeric.contains(id)) {
                columns.put(c, id);
            }
        }
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (int r = a.firstRow() + 1; r <= a.lastRow(); r++) {
            String code = cells.getOrDefault(new CellPos(r, a.firstColumn()), RawCell.BLANK)
                    .shownText();
            if (code.isEmpty()) {
                continue;
            }
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> col : columns.entrySet()) {
                RawCell raw = cells.getOrDefault(new CellPos(r, col.getKey()), RawCell.BLANK);
                if (raw.kind() == RawCell.Kind.NUMBER
                        && NumberText.stored(raw.text()) instanceof NumberText.Number n) {
                    figures.put(col.getValue(), n.value());
                }
            }
            out.putIfAbsent(code, figures);
        }
        return out;
    }


    /**
     * Computed fields from their parts with the rule language's own evaluator, so a total means
     * exactly what the validator takes it to mean: blank parts count as 0, a part holding text
     * leaves the total unknown (absent).
     */
    private void recompute(Map<String, Value> values, Map<String, List<TableRow>> tables) {
        Evaluator ev = plan.validator().evaluator(Evaluator.Source.of(values, tables));
        Map<String, Value> computed = new LinkedHashMap<>();
        for (ReadPlan.Computed c : plan.computed()) {
            ev.number(c.formula()).ifPresent(v -> computed.put(c.field().id(),
                    Value.of(NumberText.normalize(v))));
        }
        values.putAll(computed);
    }

    private List<TableRow> rows(ReadPlan.TableNames t, Map<String, Map<CellPos, RawCell>> cells) {
        List<NamedArea> columnAreas = columnAreas(t, located.areas());
        int rowCount = rowCount(columnAreas);
        List<Map<String, CellRef>> shared = located.rowCells().getOrDefault(t.table().id(),
                List.of());
        List<TableRow> out = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            if (isBlank(cells, columnAreas, i)) {
                // most rows of a list are left empty: nothing to read, nothing to report
                continue;
            }
            Map<String, Value> values = new LinkedHashMap<>();
            Map<String, CellRef> refs = i < shared.size() ? shared.get(i)
                    : rowCells(t, columnAreas, i);
            for (int k = 0; k < columnAreas.size(); k++) {
                NamedArea a = columnAreas.get(k);
                if (i >= a.rows()) {
                    continue;
                }
                Field c = t.columns().get(k).field();
                String key = t.keys().get(k);
                CellRef ref = refs.get(key);
                RawCell raw = cell(cells, a.sheet(), a.firstRow() + i, a.firstColumn());
                CellValues.read(c, c.label() + "（第" + (i + 1) + "行）", raw, ref, findings)
                        .ifPresent(v -> values.put(key, v));
            }
            if (!values.isEmpty()) {
                out.add(new TableRow(i + 1, values, refs));
            }
        }
        return out;
    }

    private static List<NamedArea> columnAreas(ReadPlan.TableNames t,
            Map<String, NamedArea> areas) {
        List<NamedArea> out = new ArrayList<>(t.columns().size());
        for (ReadPlan.Named c : t.columns()) {
            out.add(areas.get(c.name()));
        }
        return out;
    }

    private static int rowCount(List<NamedArea> columns) {
        int rows = 0;
        for (NamedArea a : columns) {
            rows = Math.max(rows, a.rows());
        }
        return rows;
    }

    /** Row {@code i}'s cells by column key: every column that reaches the row. */
    private static Map<String, CellRef> rowCells(ReadPlan.TableNames t, List<NamedArea> columns,
            int i) {
        Map<String, CellRef> refs = new LinkedHashMap<>();
        for (int k = 0; k < columns.size(); k++) {
            NamedArea a = columns.get(k);
            if (i < a.rows()) {
                refs.put(t.keys().get(k), CellRef.of(a.sheet(), a.firstRow() + i,
                        a.firstColumn()));
            }
        }
        return OrderedMaps.copyOf(refs);
    }

    /** Whether row {@code i} of a table has no cell with content or a formula. */
    private static boolean isBlank(Map<String, Map<CellPos, RawCell>> cells,
            List<NamedArea> columns,
            int i) {
        for (NamedArea a : columns) {
            if (i < a.rows() && !cell(cells, a.sheet(), a.firstRow() + i, a.firstColumn())
                    .isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The school's 说明 by rule id, from the {@code X_} names that exist (none is required). */
    private Map<String, String> explanations(Map<String, Map<CellPos, RawCell>> cells) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ReadPlan.Explanation x : plan.explanations()) {
            NamedArea a = located.areas().get(x.name());
            if (a == null) {
                continue;
            }
            RawCell raw = cell(cells, a.sheet(), a.firstRow(), a.firstColumn());
            String text = raw.shownText();
            if (!text.isEmpty()) {
                out.put(x.ruleId(), text);
            }
        }
        return out;
    }

    /** Reads every named cell, one pass per sheet. */
    private Map<String, Map<CellPos, RawCell>> readCells() {
        Map<String, Map<CellPos, RawCell>> out = new HashMap<>();
        located.wanted().forEach((sheet, ps) -> out.put(sheet, source.read(sheet, ps)));
        return out;
    }

    private static RawCell cell(Map<String, Map<CellPos, RawCell>> cells, String sheet, int row,
            int column) {
        return cells.getOrDefault(sheet, Map.of()).getOrDefault(new CellPos(row, column),
                RawCell.BLANK);
    }
}

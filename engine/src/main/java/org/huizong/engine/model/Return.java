package org.huizong.engine.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one school sent back, as read: values by field id, where each field sits, the repeating
 * tables' used rows, the school's explanations of warnings, and what reading itself noticed.
 *
 * @param file the file name it was read from (for messages), never a full path
 * @param values non-blank values by field id, computed fields recomputed from their parts
 * @param cells the cell of every field the workbook names
 * @param tables used rows by table id
 * @param explanations the school's 说明 by rule id, as typed (trimmed, may be short)
 * @param readFindings notices and errors from reading (a dash read as 0; 约300 in a count)
 * @param saved when the workbook says it was last saved ({@code dcterms:modified}, which Excel,
 *     WPS and LibreOffice write on every save); empty when it does not say
 * @param detail a consolidated book's per-school detail: school (or unit) code to numeric field
 *     id to figure, every school the book counted, in its order; empty for a school's return and
 *     for a book written before books kept it
 */
public record Return(String file, ReturnMeta meta, Map<String, Value> values,
        Map<String, CellRef> cells, Map<String, List<TableRow>> tables,
        Map<String, String> explanations, List<Finding> readFindings, Optional<Instant> saved,
        Map<String, Map<String, BigDecimal>> detail) {

    public Return {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(meta, "meta of " + file);
        values = copy(values);
        cells = copy(cells);
        Map<String, List<TableRow>> t = new LinkedHashMap<>();
        tables.forEach((k, v) -> t.put(k, List.copyOf(v)));
        tables = java.util.Collections.unmodifiableMap(t);
        explanations = copy(explanations);
        readFindings = List.copyOf(readFindings);
        Objects.requireNonNull(saved, "saved of " + file);
        Map<String, Map<String, BigDecimal>> d = new LinkedHashMap<>();
        detail.forEach((code, figures) -> d.put(code, copy(figures)));
        detail = Collections.unmodifiableMap(d);
    }

    /** A return without per-school detail (a school's). */
    public Return(String file, ReturnMeta meta, Map<String, Value> values,
            Map<String, CellRef> cells, Map<String, List<TableRow>> tables,
            Map<String, String> explanations, List<Finding> readFindings, Optional<Instant> saved) {
        this(file, meta, values, cells, tables, explanations, readFindings, saved, Map.of());
    }

    /** A return whose workbook does not say when it was saved, without per-school detail. */
    public Return(String file, ReturnMeta meta, Map<String, Value> values,
            Map<String, CellRef> cells, Map<String, List<TableRow>> tables,
            Map<String, String> explanations, List<Finding> readFindings) {
        this(file, meta, values, cells, tables, explanations, readFindings, Optional.empty());
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return OrderedMaps.copyOf(m);
    }

    public Optional<Value> find(String fieldId) {
        return Optional.ofNullable(values.get(fieldId));
    }

    public Optional<CellRef> findCell(String fieldId) {
        return Optional.ofNullable(cells.get(fieldId));
    }

    /** The text of a field, or empty when blank or numeric. */
    public Optional<String> text(String fieldId) {
        return find(fieldId).map(Value::display);
    }

    public List<TableRow> rows(String tableId) {
        return tables.getOrDefault(tableId, List.of());
    }

    public String schoolCode() {
        return meta.unitCode();
    }

    /**
     * One school's return as this consolidated book's per-school detail holds it: its numeric
     * figures, nothing else (no text, cells or table rows), of the book's collection and period;
     * what the rules that compare a school with its previous return ({@code prev()}) need. Empty
     * when the book did not count the school, or holds no detail.
     */
    public Optional<Return> detailOf(String code) {
        Map<String, BigDecimal> figures = detail.get(code);
        if (figures == null) {
            return Optional.empty();
        }
        Map<String, Value> values = new LinkedHashMap<>();
        figures.forEach((id, v) -> values.put(id, Value.of(v)));
        return Optional.of(new Return(file, new ReturnMeta(meta.collection(), meta.version(),
                meta.period(), code, meta.structureHash(), ReturnMeta.KIND_RETURN), values,
                Map.of(), Map.of(), Map.of(), List.of()));
    }
}

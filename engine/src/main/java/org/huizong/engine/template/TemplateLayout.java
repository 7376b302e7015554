package org.huizong.engine.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;
import org.huizong.engine.xlsx.NamedArea;

/**
 * Where everything sits on a template's form sheets. All indexes are zero-based. A form sheet is
 * a title row, a subtitle row (school, code, period), a header row (序号, 项目, 单位, the value
 * columns, 备注) and one row per {@link Line}. A table sheet has the table header where the form
 * header would be (after the form lines and a blank row when it has both) and
 * {@link Table#rows()} input rows. Only the writer uses positions; the reader finds cells by
 * their defined names, so a layout change never breaks reading old returns.
 */
final class TemplateLayout {
    static final int TITLE_ROW = 0;
    static final int SUBTITLE_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_LINE_ROW = 3;
    static final int NUMBER_COL = 0;
    static final int LABEL_COL = 1;
    static final int UNIT_COL = 2;
    static final int FIRST_VALUE_COL = 3;

    /** Every form field's cell, by field id. */
    private final Map<String, NamedArea> cells;

    private TemplateLayout(Map<String, NamedArea> cells) {
        this.cells = Collections.unmodifiableMap(cells);
    }

    static TemplateLayout of(Collection collection) {
        Map<String, NamedArea> cells = new LinkedHashMap<>();
        for (Sheet s : collection.sheets()) {
            List<Line> lines = s.lines();
            for (int i = 0; i < lines.size(); i++) {
                List<Field> fs = lines.get(i).fields();
                for (int j = 0; j < fs.size(); j++) {
                    if (fs.get(j) != null) {
                        int row = lineRow(i);
                        int column = FIRST_VALUE_COL + j;
                        cells.put(fs.get(j).id(), new NamedArea(s.title(), row, column, row,
                                column));
                    }
                }
            }
        }
        return new TemplateLayout(cells);
    }

    /**
     * Where the template puts every {@code F_} and {@code T_} name, in sheet order: a field's
     * one cell, a table column's {@link Table#rows()} input rows.
     */
    Map<String, NamedArea> namedAreas(Collection collection) {
        Map<String, NamedArea> out = new LinkedHashMap<>();
        for (Sheet s : collection.sheets()) {
            for (Field f : s.fields()) {
                out.put(f.definedName(), cells.get(f.id()));
            }
            s.table().ifPresent(t -> {
                int first = tableFirstRow(s);
                for (int j = 0; j < t.columns().size(); j++) {
                    out.put(t.columnName(t.columns().get(j)), new NamedArea(s.title(), first,
                            tableColumn(j), first + t.rows() - 1, tableColumn(j)));
                }
            });
        }
        return out;
    }

    /** The cell of a form field (not a table column). */
    CellRef cell(Field field) {
        NamedArea c = cells.get(field.id());
        if (c == null) {
            throw new IllegalArgumentException("field " + field.id() + " is not on a form line");
        }
        return CellRef.of(c.sheet(), c.firstRow(), c.firstColumn());
    }

    static int lineRow(int lineIndex) {
        return FIRST_LINE_ROW + lineIndex;
    }

    /** The 备注 column, right of the value columns. */
    static int noteColumn(Sheet sheet) {
        return FIRST_VALUE_COL + sheet.valueColumns().size();
    }

    /** The last column of the sheet's form or table, for merged title rows and print areas. */
    static int lastColumn(Sheet sheet) {
        int form = sheet.lines().isEmpty() ? 0 : noteColumn(sheet);
        int table = sheet.table().map(t -> tableColumn(t.columns().size() - 1)).orElse(0);
        return Math.max(form, table);
    }

    static int tableHeaderRow(Sheet sheet) {
        return sheet.lines().isEmpty() ? HEADER_ROW : lineRow(sheet.lines().size()) + 1;
    }

    static int tableFirstRow(Sheet sheet) {
        return tableHeaderRow(sheet) + 1;
    }

    /** The column of a table's column {@code index}; column A numbers the rows. */
    static int tableColumn(int index) {
        return 1 + index;
    }
}

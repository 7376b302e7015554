package org.huizong.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sheet of the collection as the school sees it.
 *
 * @param id short stable id ({@code aid})
 * @param title the sheet tab's Chinese name (学生资助)
 * @param valueColumns headers of the value columns, left to right (数值; 资助人数(人), 资助金额(万元))
 * @param lines the form rows
 * @param table the repeating table, for a table sheet
 */
public record Sheet(String id, String title, List<String> valueColumns, List<Line> lines,
        Optional<Table> table) {
    public Sheet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title of sheet " + id);
        valueColumns = List.copyOf(valueColumns);
        lines = List.copyOf(lines);
        Objects.requireNonNull(table, "table");
        if (title.length() > 31) {
            throw new IllegalArgumentException("工作表名称“" + title + "”超过 31 个字符");
        }
        for (Line l : lines) {
            if (l.fields().size() > valueColumns.size()) {
                throw new IllegalArgumentException("工作表 " + id + " 的行“" + l.label() + "”有 "
                        + l.fields().size() + " 个字段，但只有 " + valueColumns.size() + " 个数值列");
            }
        }
    }

    /** Every field of the form lines, in reading order (table columns excluded). */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (Line l : lines) {
            for (Field f : l.fields()) {
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}

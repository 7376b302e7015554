package org.huizong.engine.model;

import java.util.Map;
import java.util.Objects;

/**
 * One used row of a repeating table.
 *
 * @param index one-based position among the table's rows
 * @param values by column key ({@code budget}); blank cells absent
 * @param cells by column key, every column
 */
public record TableRow(int index, Map<String, Value> values, Map<String, CellRef> cells) {
    public TableRow {
        values = OrderedMaps.copyOf(values);
        cells = OrderedMaps.copyOf(cells);
        if (index < 1) {
            throw new IllegalArgumentException("table row index " + index + " is not one-based");
        }
    }

    public java.util.Optional<Value> find(String key) {
        return java.util.Optional.ofNullable(values.get(Objects.requireNonNull(key)));
    }
}

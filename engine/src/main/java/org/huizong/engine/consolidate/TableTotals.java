package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Totals of a repeating table over every counted return: all rows, and rows grouped by each of
 * the table's list (enum) columns, such as 类别 or 资金来源.
 *
 * @param all every row
 * @param byColumn enum column key to list value to the totals of rows with that value, values
 *     in the list's order, every value present (0 rows when none); rows leaving the column blank
 *     are in no group
 */
public record TableTotals(String tableId, Category all,
        Map<String, Map<String, Category>> byColumn) {

    /**
     * @param rows how many rows
     * @param sums numeric column key to the column's sum over those rows, in column order
     */
    public record Category(int rows, Map<String, BigDecimal> sums) {
        public Category {
            sums = Collections.unmodifiableMap(new LinkedHashMap<>(sums));
        }
    }

    public TableTotals {
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(all, "all");
        Map<String, Map<String, Category>> m = new LinkedHashMap<>();
        byColumn.forEach((k, v) -> m.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        byColumn = Collections.unmodifiableMap(m);
    }
}

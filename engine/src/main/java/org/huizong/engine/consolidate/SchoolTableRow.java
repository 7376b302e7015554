package org.huizong.engine.consolidate;

import java.util.Map;
import java.util.Objects;
import org.huizong.engine.model.OrderedMaps;
import org.huizong.engine.model.Value;

/**
 * One used row of a repeating table (项目建设) of a counted return, with the school it came from.
 *
 * @param index one-based position of the row in the school's table
 * @param values by column key ({@code budget}); blank cells absent
 */
public record SchoolTableRow(String schoolCode, String schoolName, int index,
        Map<String, Value> values) {
    public SchoolTableRow {
        Objects.requireNonNull(schoolCode, "schoolCode");
        Objects.requireNonNull(schoolName, "schoolName of " + schoolCode);
        values = OrderedMaps.copyOf(values);
        if (index < 1) {
            throw new IllegalArgumentException("row index " + index + " is not one-based");
        }
    }
}

package org.huizong.engine.model;

import java.util.Objects;

/**
 * A figure derived from totals, never by averaging rates: 本科上线率 is the sum of 本科上线人数
 * over the sum of 实际参加高考人数.
 *
 * @param expression rule-language expression over fields (totals when consolidated)
 * @param unit {@code %} for a percentage (the expression yields a ratio), or a display unit
 * @param decimals decimals shown
 */
public record Indicator(String id, String label, String expression, String unit, int decimals) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label of indicator " + id);
        Objects.requireNonNull(expression, "expression of indicator " + id);
        unit = unit == null ? "" : unit;
    }

    public boolean isPercent() {
        return "%".equals(unit);
    }
}

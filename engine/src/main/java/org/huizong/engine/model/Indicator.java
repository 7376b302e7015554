package org.huizong.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A figure derived from totals, never by averaging rates: 本科上线率 is the sum of 本科上线人数
 * over the sum of 实际参加高考人数.
 *
 * @param expression rule-language expression over fields (totals when consolidated)
 * @param unit {@code %} for a percentage (the expression yields a ratio), or a display unit
 * @param decimals decimals shown
 * @param population the school types whose figures the indicator is computed over, numerator
 *     and denominator alike (课后服务参与率 over the compulsory-school types, not over
 *     kindergartens' pupils too); empty for every school counted
 */
public record Indicator(String id, String label, String expression, String unit, int decimals,
        List<String> population) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label of indicator " + id);
        Objects.requireNonNull(expression, "expression of indicator " + id);
        unit = unit == null ? "" : unit;
        population = List.copyOf(Objects.requireNonNull(population, "population of " + id));
    }

    /** An indicator over every school counted. */
    public Indicator(String id, String label, String expression, String unit, int decimals) {
        this(id, label, expression, unit, decimals, List.of());
    }

    /** Whether the indicator counts a school of this type. */
    public boolean counts(String schoolType) {
        return population.isEmpty() || population.contains(schoolType);
    }

    public boolean isPercent() {
        return "%".equals(unit);
    }
}

package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Indicator;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.rules.Evaluator;
import org.huizong.engine.rules.Validator;

/**
 * Computes a collection's indicators from totals with the rule language's evaluator, never by
 * averaging the schools' rates: 本科上线率 is the summed 本科上线人数 over the summed 实际参加高考人数.
 * Table functions ({@code count}, {@code sumif}) see the rows of every counted return together.
 */
final class Indicators {
    private final Collection collection;
    private final Validator validator;
    /** Indicators whose expression reads a table's rows ({@code count(projects.name)}). */
    private final Set<String> fromTables;
    private final boolean needsTypes;

    Indicators(Collection collection) {
        this.collection = collection;
        this.validator = Validator.of(collection);
        Set<String> form = new HashSet<>();
        collection.fields().forEach(f -> form.add(f.id()));
        Set<String> tables = new HashSet<>();
        for (Indicator i : collection.indicators()) {
            if (!form.containsAll(validator.indicator(i.id()).fieldRefs())) {
                tables.add(i.id());
            }
        }
        this.fromTables = Set.copyOf(tables);
        this.needsTypes = collection.indicators().stream()
                .anyMatch(i -> !i.population().isEmpty());
    }

    Validator validator() {
        return validator;
    }

    /**
     * As {@link #compute}, from form fields alone: an indicator read from a table's rows is
     * empty, since the rows are not known (a previous book's detail has form fields only).
     */
    Map<String, Optional<BigDecimal>> computeWithoutTables(Map<String, BigDecimal> sums,
            Map<String, Map<String, BigDecimal>> byType) {
        Map<String, Optional<BigDecimal>> out = new LinkedHashMap<>(compute(sums, Map.of(),
                byType));
        fromTables.forEach(id -> out.put(id, Optional.empty()));
        return out;
    }

    /** Whether an indicator reads a table's rows. */
    boolean readsTables(String indicatorId) {
        return fromTables.contains(indicatorId);
    }

    /** Whether some indicator is over a population of school types, so sums by type count. */
    boolean needsTypes() {
        return needsTypes;
    }

    /**
     * @param sums numeric field id to total
     * @param tables table id to the rows of the group's counted returns
     * @param byType school type to the sums of the group's counted returns of that type (those
     *     present): an indicator over a population is computed from its types' sums alone;
     *     may be empty when {@link #needsTypes} is false
     * @return indicator id to value, in the collection's order; empty when it cannot be
     *     computed (a zero denominator) or is too large for a workbook cell (a double), so no
     *     infinity reaches a book
     */
    Map<String, Optional<BigDecimal>> compute(Map<String, BigDecimal> sums,
            Map<String, List<TableRow>> tables, Map<String, Map<String, BigDecimal>> byType) {
        Evaluator all = evaluator(sums, tables);
        Map<String, Optional<BigDecimal>> out = new LinkedHashMap<>();
        for (Indicator i : collection.indicators()) {
            Evaluator ev = i.population().isEmpty() ? all
                    : evaluator(over(i.population(), sums.keySet(), byType), tables);
            out.put(i.id(), ev.number(validator.indicator(i.id()))
                    .filter(v -> Double.isFinite(v.doubleValue())));
        }
        return out;
    }

    private Evaluator evaluator(Map<String, BigDecimal> sums,
            Map<String, List<TableRow>> tables) {
        Map<String, Value> values = new LinkedHashMap<>();
        sums.forEach((k, v) -> values.put(k, new Value.Num(v)));
        return validator.evaluator(Evaluator.Source.of(values, tables));
    }

    /** The sums over the schools of {@code types}: every field of {@code fields}, 0 if none. */
    private static Map<String, BigDecimal> over(List<String> types, Set<String> fields,
            Map<String, Map<String, BigDecimal>> byType) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String f : fields) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String t : types) {
                sum = sum.add(byType.getOrDefault(t, Map.of()).getOrDefault(f, BigDecimal.ZERO));
            }
            out.put(f, sum);
        }
        return out;
    }
}

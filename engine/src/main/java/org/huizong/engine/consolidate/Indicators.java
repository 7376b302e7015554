package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Indicator;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.rules.Expr;
import org.huizong.engine.rules.RuleParser;

/**
 * Computes a collection's indicators from totals, never by averaging the schools' rates: 本科上线率
 * is the summed 本科上线人数 over the summed 实际参加高考人数. Table functions ({@code count},
 * {@code sumif}) see the rows of every counted return together.
 */
final class Indicators {
    private final Collection collection;
    private final Map<String, Expr> parsed = new LinkedHashMap<>();

    Indicators(Collection collection) {
        this.collection = collection;
        for (Indicator i : collection.indicators()) {
            parsed.put(i.id(), RuleParser.parse(i.expression()));
        }
    }

    /**
     * @param sums numeric field id to total
     * @param tables table id to the rows of the group's counted returns
     * @return indicator id to value, in the collection's order; empty when it cannot be
     *     computed (a zero denominator)
     */
    Map<String, Optional<BigDecimal>> compute(Map<String, BigDecimal> sums,
            Map<String, List<TableRow>> tables) {
        Map<String, Value> values = new LinkedHashMap<>();
        sums.forEach((k, v) -> values.put(k, new Value.Num(v)));
        Map<String, Optional<BigDecimal>> out = new LinkedHashMap<>();
        parsed.forEach((id, e) -> out.put(id, evaluate(e, values, tables)));
        return out;
    }

    /** The value of an expression over one set of values and table rows. */
    Optional<BigDecimal> evaluate(Expr e, Map<String, Value> values,
            Map<String, List<TableRow>> tables) {
        return new TotalsEvaluator(collection, values, tables).number(e);
    }
}

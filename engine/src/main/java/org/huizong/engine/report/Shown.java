package org.huizong.engine.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.model.BalancedRounding;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;

/**
 * The figures a county table shows: money in 万元 to {@link #MONEY_SCALE} decimals with 舍位平衡,
 * everything else as it is (counts are whole, areas are collected to the shown precision).
 *
 * <p>A part-whole group is a computed money field whose formula is a plain sum of money fields
 * ({@code aid.total.amount = aid.preschool.amount + ... + aid.other.amount}, {@link
 * Collection#moneySums}): its parts are
 * rounded by the largest-remainder method ({@link BalancedRounding}) so that the shown parts add
 * up to the shown total, the exact total rounded half up. A money field in no group is rounded
 * half up, and so is every figure of a group whose exact parts do not add up to its exact total.
 * Money indicators split by a list column ({@link Collection#moneyIndicatorSums}) are groups too,
 * balanced among the indicators given to {@link #indicators}.
 * The exact figures stay in the book's {@code _totals} sheet ({@link ExactSheet}).
 */
final class Shown {
    /** Decimals of 万元 in county tables: to the hundred yuan. */
    static final int MONEY_SCALE = 2;

    private final List<Group> groups;
    private final List<Field> money;

    /** A total and its parts, by field id, parts in the formula's order. */
    record Group(String total, List<String> parts) {
    }

    Shown(Collection collection) {
        List<Field> m = new ArrayList<>();
        for (Field f : collection.fields()) {
            if (f.type() == FieldType.MONEY) {
                m.add(f);
            }
        }
        this.money = List.copyOf(m);
        List<Group> gs = new ArrayList<>();
        collection.moneySums().forEach((total, parts) -> gs.add(new Group(total, parts)));
        // 项目计划总投资 and its parts by 类别: balanced wherever the indicators are shown together
        collection.moneyIndicatorSums().forEach((total, parts) -> gs.add(new Group(total,
                parts)));
        this.groups = List.copyOf(gs);
    }

    /** The part-whole groups, in the collection's field order. */
    List<Group> groups() {
        return groups;
    }

    /**
     * The shown figure of every money field among {@code exact}, by field id; fields absent from
     * {@code exact} are absent here. A group sharing a figure with an earlier one is not balanced.
     */
    Map<String, BigDecimal> money(Map<String, BigDecimal> exact) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Group g : groups) {
            if (!exact.containsKey(g.total()) || !exact.keySet().containsAll(g.parts())
                    || g.parts().stream().map(exact::get).reduce(BigDecimal.ZERO,
                            BigDecimal::add).compareTo(exact.get(g.total())) != 0) {
                // parts that do not add up to their total (a return written elsewhere) are
                // each rounded half up: nothing to balance
                continue;
            }
            if (g.parts().stream().anyMatch(out::containsKey)
                    || out.containsKey(g.total())) {
                continue;
            }
            BigDecimal total = half(exact.get(g.total()));
            BalancedRounding.Balanced b = BalancedRounding.balance(
                    g.parts().stream().map(exact::get).toList(), MONEY_SCALE, total);
            for (int i = 0; i < g.parts().size(); i++) {
                out.put(g.parts().get(i), b.parts().get(i));
            }
            out.put(g.total(), total);
        }
        for (Field f : money) {
            BigDecimal v = exact.get(f.id());
            if (v != null && !out.containsKey(f.id())) {
                out.put(f.id(), half(v));
            }
        }
        return out;
    }

    /**
     * The shown value of every indicator of {@code exact} (empty where there is none): the
     * parts of a money indicator group balanced to its total as shown, 2 decimals of 万元; any
     * other indicator as it is, shown in its own format.
     */
    Map<String, java.util.Optional<BigDecimal>> indicators(
            Map<String, java.util.Optional<BigDecimal>> exact) {
        Map<String, BigDecimal> present = new LinkedHashMap<>();
        exact.forEach((id, v) -> v.ifPresent(x -> present.put(id, x)));
        Map<String, BigDecimal> balanced = money(present);
        Map<String, java.util.Optional<BigDecimal>> out = new LinkedHashMap<>(exact);
        balanced.forEach((id, v) -> out.put(id, java.util.Optional.of(v)));
        return out;
    }

    /** {@code exact} with its money figures replaced by the shown ones. */
    Map<String, BigDecimal> all(Map<String, BigDecimal> exact) {
        Map<String, BigDecimal> out = new LinkedHashMap<>(exact);
        out.putAll(money(exact));
        return out;
    }

    static BigDecimal half(BigDecimal v) {
        return v.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }
}

package org.huizong.engine.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.Value;
import org.huizong.engine.rules.Evaluator;
import org.huizong.engine.rules.Expr;
import org.huizong.engine.rules.Validator;

/**
 * Seeded random filled returns that keep landing on the rules' boundaries: fields start blank,
 * zero, text, or a plausible number, then for about half of the rules one field of one of its
 * comparisons is solved so the two sides are equal and nudged by -1, 0 or +1 unit (1 for counts,
 * 0.0001 万元 for money). Values sometimes sit in fields that do not apply to the school, and
 * warnings get no, a too short or a valid 说明.
 */
final class RandomReturns {
    private static final List<String> NOT_NUMBERS = List.of("约300", "四十", "12.6万", "3人");

    private final Collection collection;
    private final Validator validator;
    private final Random random;
    /** Parts of totals the template writes as SUM(range); see {@link #base}. */
    private final Set<String> sumParts = new HashSet<>();

    RandomReturns(Collection collection, Validator validator, long seed) {
        this.collection = collection;
        this.validator = validator;
        this.random = new Random(seed);
        for (Field f : collection.fields()) {
            f.formula().flatMap(SumFormula::of).ifPresent(s ->
                    s.terms().forEach(t -> sumParts.add(t.fieldId())));
        }
    }

    ReturnData next(School school) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            if (!f.isInput() || f.prefilled()
                    || !f.appliesTo(school.type()) && random.nextInt(25) != 0) {
                continue;
            }
            base(f).ifPresent(v -> values.put(f.id(), v));
        }
        List<Rule> rules = new ArrayList<>(collection.rules());
        java.util.Collections.shuffle(rules, random);
        for (Rule r : rules) {
            if (r.scope() == Rule.Scope.RETURN && r.table().isEmpty() && random.nextBoolean()) {
                aim(r, values, school.type());
            }
        }
        ReturnData data = new ReturnData(values, Map.of(), Map.of());
        for (Table t : collection.tables()) {
            int rows = random.nextInt(5);
            for (int i = 0; i < rows; i++) {
                data = data.withRow(t.id(), row());
            }
        }
        for (Rule r : collection.rules()) {
            if (r.severity() == Severity.WARNING) {
                switch (random.nextInt(4)) {
                    case 0 -> data = data.withExplanation(r.id(), "已核实");
                    case 1 -> data = data.withExplanation(r.id(), "经核实数据属实，特此说明");
                    default -> { }
                }
            }
        }
        return data;
    }

    /**
     * A field's first value, or none (blank). No text goes into the parts of a SUM total: the
     * template's {@code SUM(D4:D11)} skips text where the rule language calls the total unknown,
     * a difference docs/rule-language.md states (the part carries a {@code number} error
     * either way).
     */
    private Optional<Value> base(Field f) {
        int dice = random.nextInt(100);
        if (dice < 12) {
            return Optional.empty();
        }
        return switch (f.type()) {
            case COUNT, MONEY, AREA -> {
                if (dice < 24) {
                    yield Optional.of(Value.of(0));
                } else if (dice < 28 && !sumParts.contains(f.id())) {
                    yield Optional.of(Value.of(NOT_NUMBERS.get(random.nextInt(4))));
                }
                yield Optional.of(Value.of(number(f.type())));
            }
            case ENUM -> Optional.of(Value.of(dice < 16 ? "不"
                    : f.values().get(random.nextInt(f.values().size()))));
            case PHONE -> Optional.of(Value.of(dice < 16 ? "12345" : "0555-1234567"));
            case TEXT -> Optional.of(Value.of("测试" + random.nextInt(100)));
        };
    }

    private BigDecimal number(FieldType type) {
        int scale = switch (random.nextInt(4)) {
            case 0 -> 10;
            case 1 -> 100;
            case 2 -> 1000;
            default -> 5000;
        };
        return switch (type) {
            case MONEY -> BigDecimal.valueOf(random.nextInt(scale * 1000), 4);
            case AREA -> BigDecimal.valueOf(random.nextInt(scale * 100), 2);
            default -> random.nextInt(30) == 0 ? new BigDecimal(random.nextInt(scale) + ".5")
                    : BigDecimal.valueOf(random.nextInt(scale));
        };
    }

    /**
     * Puts one comparison of {@code rule} on its boundary: picks an input field in it, finds
     * where the two sides meet by two evaluations (the sides are linear in one field, or near
     * enough), rounds to the field's unit and nudges by -1, 0 or +1 unit.
     */
    private void aim(Rule rule, Map<String, Value> values, String schoolType) {
        List<Expr.Binary> comparisons = new ArrayList<>();
        for (Expr e : validator.check(rule.id()).nodes()) {
            if (e instanceof Expr.Binary b && b.op().isComparison() && !b.left().isCondition()) {
                comparisons.add(b);
            }
        }
        if (comparisons.isEmpty()) {
            return;
        }
        Expr.Binary cmp = comparisons.get(random.nextInt(comparisons.size()));
        List<Field> inputs = cmp.fieldRefs().stream().map(collection::getField)
                .filter(f -> f.isInput() && f.type().isNumeric() && !isColumn(f)
                        && (f.appliesTo(schoolType) || values.containsKey(f.id()))).toList();
        if (inputs.isEmpty()) {
            return;
        }
        Field x = inputs.get(random.nextInt(inputs.size()));
        values.put(x.id(), Value.of(BigDecimal.ZERO));
        Optional<BigDecimal> d0 = gap(cmp, values);
        values.put(x.id(), Value.of(BigDecimal.ONE));
        Optional<BigDecimal> d1 = gap(cmp, values);
        if (d0.isEmpty() || d1.isEmpty() || d1.get().compareTo(d0.get()) == 0) {
            values.put(x.id(), Value.of(number(x.type())));
            return;
        }
        BigDecimal slope = d1.get().subtract(d0.get());
        int scale = x.type() == FieldType.COUNT ? 0 : x.decimals();
        BigDecimal root = d0.get().negate().divide(slope, scale, RoundingMode.HALF_UP);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        values.put(x.id(), Value.of(root.add(unit.multiply(BigDecimal.valueOf(
                random.nextInt(3) - 1L)))));
    }

    /** Left minus right of a comparison, empty when either side is unknown. */
    private Optional<BigDecimal> gap(Expr.Binary cmp, Map<String, Value> values) {
        Evaluator ev = validator.evaluator(Evaluator.Source.of(values, Map.of()));
        Optional<BigDecimal> l = ev.number(cmp.left());
        Optional<BigDecimal> r = ev.number(cmp.right());
        return l.isPresent() && r.isPresent() ? Optional.of(l.get().subtract(r.get()))
                : Optional.empty();
    }

    private boolean isColumn(Field f) {
        return collection.tables().stream().anyMatch(t -> t.columns().contains(f));
    }

    /** A project row: often complete, sometimes missing required columns or blank. */
    private Map<String, Value> row() {
        Map<String, Value> row = new LinkedHashMap<>();
        if (random.nextInt(8) == 0) {
            return row;
        }
        if (random.nextInt(10) != 0) {
            row.put("name", Value.of("项目" + random.nextInt(100)));
        }
        if (random.nextInt(5) != 0) {
            row.put("category", Value.of("新建"));
        }
        if (random.nextInt(5) != 0) {
            row.put("status", Value.of("在建"));
        }
        BigDecimal budget = number(FieldType.MONEY);
        if (random.nextInt(5) != 0) {
            row.put("budget", random.nextInt(15) == 0 ? Value.of("约30") : Value.of(budget));
        }
        int dice = random.nextInt(4);
        if (dice < 3) {
            row.put("invested", Value.of(dice == 0 ? number(FieldType.MONEY)
                    : budget.add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(
                            random.nextInt(3) - 1L)))));
        }
        return row;
    }
}

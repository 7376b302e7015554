package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.rules.Expr;

/**
 * The value expressions of indicators and outlier checks, over totals and table rows: numbers,
 * fields, arithmetic and the aggregate functions. A blank field counts as 0; division by 0 is
 * blank (empty), as in the rule language. Conditions are not indicators' business and are
 * refused.
 */
final class TotalsEvaluator {
    /** Decimals kept by a division; indicators show at most 4, ratios as percent with 2. */
    static final int DIVISION_SCALE = 10;

    private final Collection collection;
    private final Map<String, Value> values;
    private final Map<String, List<TableRow>> tables;

    TotalsEvaluator(Collection collection, Map<String, Value> values,
            Map<String, List<TableRow>> tables) {
        this.collection = collection;
        this.values = values;
        this.tables = tables;
    }

    Optional<BigDecimal> number(Expr e) {
        if (e instanceof Expr.Num n) {
            return Optional.of(n.value());
        } else if (e instanceof Expr.FieldRef f) {
            Value v = values.get(f.id());
            return Optional.of(v == null ? BigDecimal.ZERO : Finisher.number(v));
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
            return number(u.operand()).map(BigDecimal::negate);
        } else if (e instanceof Expr.Binary b && b.op().isArithmetic()) {
            BigDecimal l = number(b.left()).orElse(BigDecimal.ZERO);
            BigDecimal r = number(b.right()).orElse(BigDecimal.ZERO);
            return switch (b.op()) {
                case ADD -> Optional.of(l.add(r));
                case SUB -> Optional.of(l.subtract(r));
                case MUL -> Optional.of(l.multiply(r));
                default -> r.signum() == 0 ? Optional.empty()
                        : Optional.of(l.divide(r, DIVISION_SCALE, RoundingMode.HALF_UP));
            };
        } else if (e instanceof Expr.Call c) {
            return call(c);
        }
        throw new IllegalArgumentException("not a value expression: " + e.toSource());
    }

    private Optional<BigDecimal> call(Expr.Call c) {
        List<Expr> a = c.args();
        switch (c.function()) {
            case SUM, MAX, MIN -> {
                List<BigDecimal> xs = new ArrayList<>();
                for (Expr x : a) {
                    xs.addAll(spread(x));
                }
                return fold(c, xs);
            }
            case ABS -> {
                return number(a.get(0)).map(BigDecimal::abs);
            }
            case ROUND -> {
                int n = number(a.get(1)).orElse(BigDecimal.ZERO).intValueExact();
                return number(a.get(0)).map(x -> x.setScale(n, RoundingMode.HALF_UP));
            }
            case COUNT -> {
                return Optional.of(BigDecimal.valueOf(column(a.get(0)).size()));
            }
            case COUNTIF -> {
                String want = ((Expr.Str) a.get(1)).value();
                return Optional.of(BigDecimal.valueOf(rows(a.get(0)).stream()
                        .filter(r -> matches(r, a.get(0), want)).count()));
            }
            case SUMIF -> {
                String want = ((Expr.Str) a.get(2)).value();
                BigDecimal sum = BigDecimal.ZERO;
                for (TableRow r : rows(a.get(0))) {
                    Value v = r.values().get(key(a.get(0)));
                    if (v != null && matches(r, a.get(1), want)) {
                        sum = sum.add(Finisher.number(v));
                    }
                }
                return Optional.of(sum);
            }
            default -> throw new IllegalArgumentException("function " + c.function().spelling()
                    + " cannot compute a total: " + c.toSource());
        }
    }

    private static Optional<BigDecimal> fold(Expr.Call c, List<BigDecimal> xs) {
        if (c.function() == org.huizong.engine.rules.RuleFunction.SUM) {
            return Optional.of(xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        if (xs.isEmpty()) {
            return Optional.empty();
        }
        return c.function() == org.huizong.engine.rules.RuleFunction.MAX
                ? xs.stream().max(BigDecimal::compareTo) : xs.stream().min(BigDecimal::compareTo);
    }

    /** A table column's numbers over every row, or the one value of anything else. */
    private List<BigDecimal> spread(Expr x) {
        if (x instanceof Expr.FieldRef f && isColumn(f.id())) {
            return column(x).stream().map(Finisher::number).toList();
        }
        return number(x).map(List::of).orElse(List.of());
    }

    private List<Value> column(Expr col) {
        List<Value> out = new ArrayList<>();
        for (TableRow r : rows(col)) {
            Value v = r.values().get(key(col));
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private boolean matches(TableRow r, Expr col, String want) {
        Value v = r.values().get(key(col));
        return v != null && v.display().equals(want);
    }

    private List<TableRow> rows(Expr col) {
        String id = ((Expr.FieldRef) col).id();
        return tables.getOrDefault(id.substring(0, id.indexOf('.')), List.of());
    }

    private static String key(Expr col) {
        String id = ((Expr.FieldRef) col).id();
        return id.substring(id.indexOf('.') + 1);
    }

    private boolean isColumn(String id) {
        return collection.tables().stream().map(Table::id)
                .anyMatch(t -> id.startsWith(t + "."));
    }
}

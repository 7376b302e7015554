package org.huizong.engine.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.rules.Expr.BinaryOp;

/**
 * Evaluates expressions against one school's values, with the semantics of
 * {@code docs/rule-language.md}, which the compiled Excel formulas mirror:
 * <ul>
 * <li>a blank field is 0 in arithmetic and comparisons (and {@code ""} against text);
 * <li>division by zero, and arithmetic on text, give an <em>unknown</em> result that spreads
 *     through arithmetic and aggregates; any comparison with an unknown is true (the rule cannot
 *     be judged, so it passes) and {@code outlier} of an unknown is false;
 * <li>{@code =} and {@code <>} compare text with text, numbers with numbers; a number never
 *     equals a text;
 * <li>arithmetic is exact, division rounds to {@link MathContext#DECIMAL64}.
 * </ul>
 * Immutable; {@code with*} methods return a new evaluator.
 */
public final class Evaluator {
    /** approx()'s default tolerance: half a yuan, in 万元. */
    static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.00005");

    /** Where field values come from: a return, or a bureau's totals. */
    public interface Source {
        /** The value of a form field, empty when blank. */
        Optional<Value> find(String fieldId);

        /** The used rows of a table, in row order. */
        List<TableRow> rows(String tableId);

        static Source of(Return r) {
            Objects.requireNonNull(r, "return");
            return new Source() {
                @Override
                public Optional<Value> find(String fieldId) {
                    return r.find(fieldId);
                }

                @Override
                public List<TableRow> rows(String tableId) {
                    return r.rows(tableId);
                }
            };
        }

        static Source of(Map<String, ? extends Value> values,
                Map<String, List<TableRow>> tables) {
            Map<String, Value> v = Map.copyOf(values);
            Map<String, List<TableRow>> t = Map.copyOf(tables);
            return new Source() {
                @Override
                public Optional<Value> find(String fieldId) {
                    return Optional.ofNullable(v.get(fieldId));
                }

                @Override
                public List<TableRow> rows(String tableId) {
                    return t.getOrDefault(tableId, List.of());
                }
            };
        }
    }

    /** Decides {@code outlier(x)} at consolidation: the call (to tell calls apart) and x. */
    @FunctionalInterface
    public interface OutlierTest {
        boolean isOutlier(Expr.Call call, BigDecimal value);
    }

    private final Schema schema;
    private final Source source;
    private final Optional<Source> previous;
    private final Optional<Row> row;
    private final Optional<OutlierTest> outliers;

    /** The current row of a row rule: its table and cells. */
    private record Row(Table table, TableRow row) {
    }

    private Evaluator(Schema schema, Source source, Optional<Source> previous, Optional<Row> row,
            Optional<OutlierTest> outliers) {
        this.schema = schema;
        this.source = source;
        this.previous = previous;
        this.row = row;
        this.outliers = outliers;
    }

    /** Parses the collection's computed-field formulas; prefer {@link Validator#evaluator}. */
    public static Evaluator of(Collection collection, Source source) {
        return of(new Schema(collection), source);
    }

    public static Evaluator of(Collection collection, Return r) {
        return of(collection, Source.of(r));
    }

    static Evaluator of(Schema schema, Source source) {
        return new Evaluator(schema, Objects.requireNonNull(source, "source"), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** With the same school's previous return, for {@code prev()}. */
    public Evaluator withPrevious(Source prev) {
        return new Evaluator(schema, source, Optional.of(prev), row, outliers);
    }

    /** Inside a row rule: references to that table's columns mean this row's cells. */
    public Evaluator withRow(String tableId, TableRow tableRow) {
        Table t = schema.collection().tables().stream().filter(x -> x.id().equals(tableId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "collection " + schema.collection().id() + " has no table " + tableId));
        return new Evaluator(schema, source, previous, Optional.of(new Row(t, tableRow)),
                outliers);
    }

    public Evaluator withOutliers(OutlierTest test) {
        return new Evaluator(schema, source, previous, row, Optional.of(test));
    }

    /** Evaluates a condition; an unknown comparison counts as true. */
    public boolean test(Expr condition) {
        if (!condition.isCondition()) {
            throw new IllegalArgumentException("not a condition: " + condition.toSource());
        }
        return ((Operand.Bool) eval(condition)).value();
    }

    /**
     * Evaluates a value: a blank field is 0; empty when it cannot be computed (division by zero,
     * text in arithmetic) or when the value is text.
     */
    public Optional<BigDecimal> number(Expr value) {
        Operand v = eval(value);
        if (v instanceof Operand.Num n) {
            return Optional.of(n.value());
        }
        return v instanceof Operand.Blank ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }

    /** The school's type as its return states it ({@code info.type}). */
    public Optional<String> schoolType() {
        return source.find("info.type").map(Value::display);
    }

    /**
     * A field's value as a message shows it, empty when blank: the current row's cell for a
     * column in a row rule, a computed field's recomputed value.
     */
    public Optional<String> display(String fieldId) {
        Operand v = field(fieldId, source);
        if (v instanceof Operand.Num n) {
            return Optional.of(n.value().stripTrailingZeros().toPlainString());
        }
        return v instanceof Operand.Text t ? Optional.of(t.value()) : Optional.empty();
    }

    /** Whether a field (or the row's cell) is blank. */
    public boolean isBlank(String fieldId) {
        return field(fieldId, source) instanceof Operand.Blank;
    }

    Operand eval(Expr e) {
        if (e instanceof Expr.Num n) {
            return new Operand.Num(n.value());
        } else if (e instanceof Expr.Str s) {
            return new Operand.Text(s.value());
        } else if (e instanceof Expr.Bool b) {
            return Operand.Bool.of(b.value());
        } else if (e instanceof Expr.FieldRef f) {
            return field(f.id(), source);
        } else if (e instanceof Expr.Unary u) {
            Operand v = eval(u.operand());
            if (u.op() == Expr.UnaryOp.NOT) {
                return Operand.Bool.of(!((Operand.Bool) v).value());
            }
            return v instanceof Operand.Num || v instanceof Operand.Blank
                    ? new Operand.Num(Operand.num(v).negate()) : Operand.Unknown.INSTANCE;
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        return call((Expr.Call) e);
    }

    private Operand field(String id, Source from) {
        if (row.isPresent() && id.startsWith(row.get().table().id() + ".")
                && schema.isColumn(id) && from == source) {
            String key = id.substring(row.get().table().id().length() + 1);
            return Operand.of(row.get().row().find(key));
        }
        Optional<Expr> formula = schema.formula(id);
        if (formula.isPresent()) {
            Evaluator over = from == source ? this
                    : new Evaluator(schema, from, Optional.empty(), Optional.empty(), outliers);
            return over.eval(formula.get());
        }
        return Operand.of(from.find(id));
    }

    private Operand binary(Expr.Binary b) {
        BinaryOp op = b.op();
        if (op == BinaryOp.AND) {
            return Operand.Bool.of(test(b.left()) && test(b.right()));
        } else if (op == BinaryOp.OR) {
            return Operand.Bool.of(test(b.left()) || test(b.right()));
        }
        Operand l = eval(b.left());
        Operand r = eval(b.right());
        if (op.isComparison()) {
            return compare(op, l, r);
        }
        if (!Operand.isNumeric(l) || !Operand.isNumeric(r)) {
            return Operand.Unknown.INSTANCE;
        }
        BigDecimal x = Operand.num(l);
        BigDecimal y = Operand.num(r);
        return switch (op) {
            case ADD -> new Operand.Num(x.add(y));
            case SUB -> new Operand.Num(x.subtract(y));
            case MUL -> new Operand.Num(x.multiply(y));
            default -> y.signum() == 0 ? Operand.Unknown.INSTANCE
                    : new Operand.Num(x.divide(y, MathContext.DECIMAL64));
        };
    }

    private static Operand compare(BinaryOp op, Operand l, Operand r) {
        if (l instanceof Operand.Unknown || r instanceof Operand.Unknown) {
            return Operand.Bool.TRUE;
        }
        if (l instanceof Operand.Bool || r instanceof Operand.Bool) {
            boolean eq = l.equals(r);
            return Operand.Bool.of(op == BinaryOp.EQ ? eq : !eq);
        }
        if (op == BinaryOp.EQ || op == BinaryOp.NE) {
            boolean eq = Operand.same(l, r);
            return Operand.Bool.of(op == BinaryOp.EQ ? eq : !eq);
        }
        if (!Operand.isNumeric(l) || !Operand.isNumeric(r)) {
            return Operand.Bool.TRUE;
        }
        int c = Operand.num(l).compareTo(Operand.num(r));
        return Operand.Bool.of(switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        });
    }

    private Operand call(Expr.Call c) {
        List<Expr> a = c.args();
        return switch (c.function()) {
            case SUM, MAX, MIN -> aggregate(c);
            case ABS -> unaryNumber(eval(a.get(0)), BigDecimal::abs);
            case ROUND -> round(eval(a.get(0)), eval(a.get(1)));
            case IF -> test(a.get(0)) ? eval(a.get(1)) : eval(a.get(2));
            case BLANK -> Operand.Bool.of(field(ref(a.get(0)), source) instanceof Operand.Blank);
            case PRESENT ->
                    Operand.Bool.of(!(field(ref(a.get(0)), source) instanceof Operand.Blank));
            case TYPE_IS -> typeIs(a);
            case APPROX -> approx(a);
            case COUNT -> new Operand.Num(BigDecimal.valueOf(columnValues(ref(a.get(0))).stream()
                    .filter(v -> !(v instanceof Operand.Blank)).count()));
            case COUNTIF -> countIf(ref(a.get(0)), eval(a.get(1)));
            case SUMIF -> sumIf(ref(a.get(0)), ref(a.get(1)), eval(a.get(2)));
            case PREV -> field(ref(a.get(0)), previous.orElseThrow(() ->
                    new IllegalStateException("prev() needs a previous return: "
                            + c.toSource())));
            case OUTLIER -> outlier(c);
        };
    }

    private static String ref(Expr e) {
        return ((Expr.FieldRef) e).id();
    }

    private Operand aggregate(Expr.Call c) {
        List<Operand> values = new ArrayList<>();
        for (Expr arg : c.args()) {
            if (arg instanceof Expr.FieldRef f && schema.isColumn(f.id())) {
                // Like Excel's SUM/MAX/MIN over a range: blank and text cells are skipped.
                columnValues(f.id()).stream().filter(v -> v instanceof Operand.Num)
                        .forEach(values::add);
            } else {
                Operand v = eval(arg);
                if (!Operand.isNumeric(v)) {
                    return Operand.Unknown.INSTANCE;
                }
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            return new Operand.Num(BigDecimal.ZERO);
        }
        BigDecimal acc = Operand.num(values.get(0));
        for (Operand v : values.subList(1, values.size())) {
            BigDecimal x = Operand.num(v);
            acc = switch (c.function()) {
                case SUM -> acc.add(x);
                case MAX -> acc.max(x);
                default -> acc.min(x);
            };
        }
        return new Operand.Num(acc);
    }

    /** The column's cells over every used row, blank ones as {@link Operand.Blank}. */
    private List<Operand> columnValues(String columnId) {
        Table t = schema.tableOf(columnId).orElseThrow(() -> new IllegalArgumentException(
                columnId + " is not a table column"));
        String key = columnId.substring(t.id().length() + 1);
        List<Operand> out = new ArrayList<>();
        for (TableRow r : source.rows(t.id())) {
            out.add(Operand.of(r.find(key)));
        }
        return out;
    }

    private Operand countIf(String columnId, Operand criterion) {
        long n = columnValues(columnId).stream()
                .filter(v -> !(v instanceof Operand.Blank) && Operand.same(v, criterion)).count();
        return new Operand.Num(BigDecimal.valueOf(n));
    }

    private Operand sumIf(String sumColumn, String testColumn, Operand criterion) {
        List<Operand> sums = columnValues(sumColumn);
        List<Operand> tests = columnValues(testColumn);
        BigDecimal acc = BigDecimal.ZERO;
        for (int i = 0; i < sums.size(); i++) {
            if (!(tests.get(i) instanceof Operand.Blank) && Operand.same(tests.get(i), criterion)
                    && sums.get(i) instanceof Operand.Num n) {
                acc = acc.add(n.value());
            }
        }
        return new Operand.Num(acc);
    }

    private static Operand unaryNumber(Operand v, UnaryOperator<BigDecimal> f) {
        return Operand.isNumeric(v) ? new Operand.Num(f.apply(Operand.num(v)))
                : Operand.Unknown.INSTANCE;
    }

    /** Excel's ROUND: half away from zero; a fractional digit count is truncated. */
    private static Operand round(Operand x, Operand digits) {
        if (!Operand.isNumeric(x) || !Operand.isNumeric(digits)) {
            return Operand.Unknown.INSTANCE;
        }
        int n = Operand.num(digits).intValue();
        return new Operand.Num(Operand.num(x).setScale(n, RoundingMode.HALF_UP));
    }

    private Operand typeIs(List<Expr> args) {
        Optional<String> type = schoolType();
        if (type.isEmpty()) {
            return Operand.Bool.FALSE;
        }
        for (Expr a : args) {
            if (schema.typesOf(((Expr.Str) a).value()).contains(type.get())) {
                return Operand.Bool.TRUE;
            }
        }
        return Operand.Bool.FALSE;
    }

    private Operand approx(List<Expr> args) {
        Operand x = eval(args.get(0));
        Operand y = eval(args.get(1));
        Operand tol = args.size() > 2 ? eval(args.get(2)) : new Operand.Num(DEFAULT_TOLERANCE);
        if (!Operand.isNumeric(x) || !Operand.isNumeric(y) || !Operand.isNumeric(tol)) {
            return Operand.Bool.TRUE;
        }
        return Operand.Bool.of(Operand.num(x).subtract(Operand.num(y)).abs()
                .compareTo(Operand.num(tol)) <= 0);
    }

    private Operand outlier(Expr.Call c) {
        OutlierTest t = outliers.orElseThrow(() -> new IllegalStateException(
                "outlier() is only evaluated at consolidation: " + c.toSource()));
        Operand x = eval(c.args().get(0));
        return Operand.Bool.of(Operand.isNumeric(x) && t.isOutlier(c, Operand.num(x)));
    }
}

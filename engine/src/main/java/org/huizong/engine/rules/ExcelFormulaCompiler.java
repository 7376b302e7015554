package org.huizong.engine.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.huizong.engine.model.Field;
import org.huizong.engine.rules.Expr.BinaryOp;

/**
 * Compiles expressions into Excel formulas (without the leading {@code =}) that Excel, WPS and
 * LibreOffice evaluate alike, using only arithmetic, comparisons, AND/OR/NOT, IF, SUM, MAX, MIN,
 * ABS, ROUND, ISBLANK, ISNUMBER, COUNTA, COUNTIF and SUMIF.
 *
 * <p>A compiled condition is TRUE exactly when {@link Evaluator#test} holds, for numbers of at
 * most 9 decimals. To get there every value compiles to three formulas: the value itself, a guard
 * that is TRUE when the Java value is unknown (division by zero, text in arithmetic), and a guard
 * that is TRUE when it is text. Guards never raise an error, and the value is only evaluated
 * behind {@code IF(guard, ...)}, which every program above evaluates lazily, so no #DIV/0! or
 * #VALUE! ever surfaces. Numeric comparisons compare {@code ROUND(a-b,9)} with 0 so binary
 * floating point gives the decimal answer (0.9/30 >= 0.03 holds, as it does in Java). Text
 * compares as Excel does, ignoring case; the collections' texts are Chinese.
 *
 * <p>{@code prev()} and {@code outlier()} need other returns and cannot be compiled; see
 * {@link #isCompilable}.
 */
public final class ExcelFormulaCompiler {
    private static final String TRUE = "TRUE";
    private static final String FALSE = "FALSE";

    /** Where the referenced cells are in the workbook being written. */
    public interface Resolver {
        /**
         * A form field's cell (absolute reference like {@code '学生资助'!$D$7} or a defined name
         * like {@code F_aid_unique}); in a row rule, for a column of its table, that row's cell.
         */
        String cell(String fieldId);

        /** A table column's whole input range: {@code T_projects_budget}. */
        String range(String columnId);

        /**
         * The workbook's defined names: {@code F_<field>} for cells and {@code T_<table>_<key>}
         * for columns, as the template writer defines them.
         */
        static Resolver definedNames() {
            return new Resolver() {
                @Override
                public String cell(String fieldId) {
                    return "F_" + fieldId.replace('.', '_');
                }

                @Override
                public String range(String columnId) {
                    return "T_" + columnId.replace('.', '_');
                }
            };
        }

        /**
         * This resolver inside one row of a row rule: a column's cell is {@code rowCell} of it,
         * ranges and form fields stay.
         */
        default Resolver inRow(Function<String, String> rowCell) {
            Resolver base = this;
            return new Resolver() {
                @Override
                public String cell(String fieldId) {
                    String c = rowCell.apply(fieldId);
                    return c != null ? c : base.cell(fieldId);
                }

                @Override
                public String range(String columnId) {
                    return base.range(columnId);
                }
            };
        }
    }

    /** A compiled value: formula, unknown guard, text guard (guards are TRUE/FALSE formulas). */
    private record Part(String value, String unknown, String text) {
    }

    private final Validator validator;
    private final Schema schema;

    private ExcelFormulaCompiler(Validator validator) {
        this.validator = validator;
        this.schema = new Schema(validator.collection());
    }

    public static ExcelFormulaCompiler of(Validator validator) {
        return new ExcelFormulaCompiler(Objects.requireNonNull(validator, "validator"));
    }

    /** Whether an expression can become a formula: it uses neither prev() nor outlier(). */
    public static boolean isCompilable(Expr e) {
        return !e.usesPrev() && !e.usesOutlier();
    }

    /** Whether a spec rule (its when and check) can be checked live in the template. */
    public boolean isCompilable(String ruleId) {
        return isCompilable(validator.when(ruleId)) && isCompilable(validator.check(ruleId));
    }

    /**
     * A spec rule as one formula, TRUE when the rule holds: {@code OR(NOT(when), check)}. For a
     * row rule pass a resolver {@link Resolver#inRow made for the row}.
     */
    public String rule(String ruleId, Resolver r) {
        String check = condition(validator.check(ruleId), r);
        Expr when = validator.when(ruleId);
        if (when instanceof Expr.Bool b && b.value()) {
            return check;
        }
        return or(List.of("NOT(" + condition(when, r) + ")", check));
    }

    /** A condition as a formula that yields TRUE or FALSE, never an error. */
    public String condition(Expr e, Resolver r) {
        requireCompilable(e);
        if (!e.isCondition()) {
            throw new IllegalArgumentException("not a condition: " + e.toSource());
        }
        return new Run(r).cond(e);
    }

    /**
     * A value as a formula: the number, or {@code ""} (an empty-looking cell) where Java has no
     * value (division by zero, text in arithmetic). For computed fields and indicators.
     */
    public String value(Expr e, Resolver r) {
        requireCompilable(e);
        if (e.isCondition()) {
            throw new IllegalArgumentException("not a value: " + e.toSource());
        }
        Part p = new Run(r).value(e);
        return guarded(or(List.of(p.unknown(), p.text())), "\"\"", p.value());
    }

    /**
     * A rule's message as a text formula, placeholders filled live: {@code {field}} shows the
     * cell (空 when blank), {@code {=expr}} the number rounded to 4 decimals (空 when unknown).
     */
    public String message(String ruleId, Resolver r) {
        MessageTemplate m = validator.messageOf(ruleId);
        Run run = new Run(r);
        List<String> pieces = new ArrayList<>();
        m.visit(
                literal -> pieces.add(text(literal)),
                field -> {
                    String c = r.cell(field);
                    pieces.add("IF(ISBLANK(" + c + ")," + text(MessageTemplate.BLANK) + "," + c
                            + ")");
                },
                expr -> {
                    Part p = run.value(expr);
                    pieces.add(guarded(or(List.of(p.unknown(), p.text())),
                            "\"" + MessageTemplate.BLANK + "\"", "ROUND(" + p.value() + ",4)"));
                });
        return pieces.isEmpty() ? "\"\"" : String.join("&", pieces);
    }

    private static void requireCompilable(Expr e) {
        if (!isCompilable(e)) {
            throw new IllegalArgumentException("prev() and outlier() cannot become Excel "
                    + "formulas: " + e.toSource());
        }
    }

    /** One compilation against one resolver. */
    private final class Run {
        private final Resolver r;

        Run(Resolver r) {
            this.r = r;
        }

        String cond(Expr e) {
            if (e instanceof Expr.Bool b) {
                return b.value() ? TRUE : FALSE;
            } else if (e instanceof Expr.Unary u) {
                return "NOT(" + cond(u.operand()) + ")";
            } else if (e instanceof Expr.Binary b) {
                return switch (b.op()) {
                    case AND -> flat("AND", b);
                    case OR -> flat("OR", b);
                    default -> compare(b);
                };
            }
            Expr.Call c = (Expr.Call) e;
            return switch (c.function()) {
                case IF -> "IF(" + cond(c.args().get(0)) + "," + cond(c.args().get(1)) + ","
                        + cond(c.args().get(2)) + ")";
                case BLANK -> "ISBLANK(" + r.cell(ref(c.args().get(0))) + ")";
                case PRESENT -> "NOT(ISBLANK(" + r.cell(ref(c.args().get(0))) + "))";
                case TYPE_IS -> typeIs(c);
                case APPROX -> approx(c);
                default -> throw new IllegalStateException("not a condition: " + c.toSource());
            };
        }

        /** {@code a and b and c} as one AND(a,b,c). */
        private String flat(String fn, Expr.Binary b) {
            List<String> terms = new ArrayList<>();
            collect(b, b.op(), terms);
            return fn + "(" + String.join(",", terms) + ")";
        }

        private void collect(Expr e, BinaryOp op, List<String> terms) {
            if (e instanceof Expr.Binary b && b.op() == op) {
                collect(b.left(), op, terms);
                collect(b.right(), op, terms);
            } else {
                terms.add(cond(e));
            }
        }

        private String compare(Expr.Binary b) {
            String sym = b.op() == BinaryOp.NE ? "<>" : b.op().symbol();
            if (b.left().isCondition()) {
                return "(" + cond(b.left()) + sym + cond(b.right()) + ")";
            }
            Part l = value(b.left());
            Part rt = value(b.right());
            String unknown = or(List.of(l.unknown(), rt.unknown()));
            String decide;
            if (b.op() == BinaryOp.EQ || b.op() == BinaryOp.NE) {
                String plain = l.value() + sym + rt.value();
                decide = numeric(b.left()) && numeric(b.right())
                        ? guarded(or(List.of(l.text(), rt.text())), plain,
                                roundedDiff(l, rt) + sym + "0")
                        : plain;
            } else {
                unknown = or(List.of(unknown, l.text(), rt.text()));
                decide = roundedDiff(l, rt) + sym + "0";
            }
            return guarded(unknown, TRUE, decide);
        }

        private String roundedDiff(Part l, Part rt) {
            return "ROUND(" + l.value() + "-" + paren(rt.value()) + ",9)";
        }

        private String typeIs(Expr.Call c) {
            Set<String> types = new LinkedHashSet<>();
            for (Expr a : c.args()) {
                types.addAll(schema.typesOf(((Expr.Str) a).value()));
            }
            String cell = r.cell("info.type");
            List<String> terms = new ArrayList<>();
            for (String t : types) {
                terms.add(cell + "=" + text(t));
            }
            return or(terms);
        }

        private String approx(Expr.Call c) {
            Part a = value(c.args().get(0));
            Part b = value(c.args().get(1));
            Part tol = c.args().size() > 2 ? value(c.args().get(2))
                    : new Part(Evaluator.DEFAULT_TOLERANCE.toPlainString(), FALSE, FALSE);
            String guard = or(List.of(a.unknown(), b.unknown(), tol.unknown(), a.text(),
                    b.text(), tol.text()));
            return guarded(guard, TRUE, "ROUND(ABS(" + a.value() + "-" + paren(b.value())
                    + ")-" + paren(tol.value()) + ",9)<=0");
        }

        Part value(Expr e) {
            if (e instanceof Expr.Num n) {
                return new Part(number(n.value()), FALSE, FALSE);
            } else if (e instanceof Expr.Str s) {
                return new Part(text(s.value()), FALSE, TRUE);
            } else if (e instanceof Expr.FieldRef f) {
                String c = r.cell(f.id());
                if (schema.formula(f.id()).isPresent()) {
                    // A computed cell shows "" exactly when Java's value is unknown.
                    return new Part(c, "NOT(ISNUMBER(" + c + "))", FALSE);
                }
                return new Part(c, FALSE, "NOT(OR(ISBLANK(" + c + "),ISNUMBER(" + c + ")))");
            } else if (e instanceof Expr.Unary u) {
                Part p = value(u.operand());
                return new Part("-" + paren(p.value()), or(List.of(p.unknown(), p.text())),
                        FALSE);
            } else if (e instanceof Expr.Binary b) {
                return arithmetic(b);
            }
            return call((Expr.Call) e);
        }

        private Part arithmetic(Expr.Binary b) {
            Part l = value(b.left());
            Part rt = value(b.right());
            String unknown = or(List.of(l.unknown(), rt.unknown(), l.text(), rt.text()));
            if (b.op() == BinaryOp.DIV) {
                String zero = b.right() instanceof Expr.Num || b.right() instanceof Expr.FieldRef
                        ? rt.value() + "=0" : "ROUND(" + rt.value() + ",9)=0";
                return new Part("(" + l.value() + "/" + paren(rt.value()) + ")",
                        guarded(unknown, TRUE, zero), FALSE);
            }
            return new Part("(" + l.value() + b.op().symbol() + paren(rt.value()) + ")",
                    unknown, FALSE);
        }

        private Part call(Expr.Call c) {
            List<Expr> a = c.args();
            return switch (c.function()) {
                case SUM, MAX, MIN -> aggregate(c);
                case ABS -> {
                    Part p = value(a.get(0));
                    yield new Part("ABS(" + p.value() + ")", or(List.of(p.unknown(), p.text())),
                            FALSE);
                }
                case ROUND -> {
                    Part x = value(a.get(0));
                    Part n = value(a.get(1));
                    yield new Part("ROUND(" + x.value() + "," + n.value() + ")",
                            or(List.of(x.unknown(), x.text(), n.unknown(), n.text())), FALSE);
                }
                case IF -> {
                    String cond = cond(a.get(0));
                    Part x = value(a.get(1));
                    Part y = value(a.get(2));
                    yield new Part("IF(" + cond + "," + x.value() + "," + y.value() + ")",
                            choose(cond, x.unknown(), y.unknown()), choose(cond, x.text(),
                            y.text()));
                }
                case COUNT -> new Part("COUNTA(" + r.range(ref(a.get(0))) + ")", FALSE, FALSE);
                case COUNTIF -> criterion(a.get(1), crit -> "COUNTIF(" + r.range(ref(a.get(0)))
                        + "," + crit + ")");
                case SUMIF -> criterion(a.get(2), crit -> "SUMIF(" + r.range(ref(a.get(1)))
                        + "," + crit + "," + r.range(ref(a.get(0))) + ")");
                default -> throw new IllegalStateException("not a value: " + c.toSource());
            };
        }

        private Part aggregate(Expr.Call c) {
            List<String> args = new ArrayList<>();
            List<String> guards = new ArrayList<>();
            for (Expr a : c.args()) {
                if (a instanceof Expr.FieldRef f && schema.isColumn(f.id())) {
                    args.add(r.range(f.id()));
                    continue;
                }
                Part p = value(a);
                guards.add(p.unknown());
                guards.add(p.text());
                // MAX and MIN skip a blank cell given directly; Java counts it as 0.
                args.add(a instanceof Expr.FieldRef && c.function() != RuleFunction.SUM
                        ? "(" + p.value() + "+0)" : p.value());
            }
            String fn = c.function().spelling().toUpperCase(Locale.ROOT);
            return new Part(fn + "(" + String.join(",", args) + ")", or(guards), FALSE);
        }

        /**
         * COUNTIF/SUMIF criteria: a text literal as {@code "=v"} so it means equality even when
         * it starts with an operator; Java counts nothing for an unknown criterion.
         */
        private Part criterion(Expr v, Function<String, String> call) {
            if (v instanceof Expr.Str s) {
                return s.value().isEmpty() ? new Part("0", FALSE, FALSE)
                        : new Part(call.apply(text("=" + s.value())), FALSE, FALSE);
            }
            Part p = value(v);
            return new Part(guarded(p.unknown(), "0", call.apply(p.value())), FALSE, FALSE);
        }

        /** Whether a value is a number in Java whenever it is not unknown or text. */
        private boolean numeric(Expr e) {
            if (e instanceof Expr.Str) {
                return false;
            } else if (e instanceof Expr.FieldRef f) {
                Field field = schema.collection().getField(f.id());
                return field.type().isNumeric() || field.isComputed();
            } else if (e instanceof Expr.Call c && c.function() == RuleFunction.IF) {
                return numeric(c.args().get(1)) && numeric(c.args().get(2));
            }
            return true;
        }
    }

    private static String ref(Expr e) {
        return ((Expr.FieldRef) e).id();
    }

    /** IF(guard, then, otherwise), folded when the guard is a constant. */
    private static String guarded(String guard, String then, String otherwise) {
        if (guard.equals(FALSE)) {
            return otherwise;
        }
        if (guard.equals(TRUE)) {
            return then;
        }
        return "IF(" + guard + "," + then + "," + otherwise + ")";
    }

    private static String choose(String cond, String a, String b) {
        return a.equals(b) ? a : "IF(" + cond + "," + a + "," + b + ")";
    }

    /** OR of guards, dropping constant FALSE terms and folding a constant TRUE. */
    private static String or(List<String> terms) {
        List<String> live = new ArrayList<>();
        for (String t : terms) {
            if (t.equals(TRUE)) {
                return TRUE;
            }
            if (!t.equals(FALSE) && !live.contains(t)) {
                live.add(t);
            }
        }
        if (live.isEmpty()) {
            return FALSE;
        }
        return live.size() == 1 ? live.get(0) : "OR(" + String.join(",", live) + ")";
    }

    /** Parenthesises a negative literal or a bare sum so it can follow an operator. */
    private static String paren(String v) {
        return v.startsWith("-") ? "(" + v + ")" : v;
    }

    private static String number(BigDecimal n) {
        return n.toPlainString();
    }

    /**
     * An Excel string literal, quotes doubled; one longer than Excel's 255 characters is split
     * into joined pieces.
     */
    static String text(String s) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < s.length(); i += 200) {
            String chunk = s.substring(i, Math.min(s.length(), i + 200));
            pieces.add("\"" + chunk.replace("\"", "\"\"") + "\"");
        }
        return pieces.isEmpty() ? "\"\"" : String.join("&", pieces);
    }
}

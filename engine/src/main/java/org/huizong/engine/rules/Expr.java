package org.huizong.engine.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed rule-language expression. Every node keeps its zero-based offset into the source it
 * was parsed from ({@code position}); a binary node's offset is its operator's.
 *
 * <p>Nodes are values: two parses of the same text are equal. {@link #toSource()} prints a
 * canonical form with every binary operation in parentheses, which parses back to an equal tree
 * (positions aside).
 */
public sealed interface Expr {

    /** A number literal, exact as written ({@code 0.10} keeps its scale). */
    record Num(BigDecimal value, int position) implements Expr {
        public Num {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A string literal, without its quotes. */
    record Str(String value, int position) implements Expr {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    record Bool(boolean value, int position) implements Expr {
    }

    /** A dotted field id ({@code aid.hs_grant.amount}); a table column in a row rule. */
    record FieldRef(String id, int position) implements Expr {
        public FieldRef {
            Objects.requireNonNull(id, "id");
        }
    }

    record Unary(UnaryOp op, Expr operand, int position) implements Expr {
        public Unary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(operand, "operand");
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, int position) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Call(RuleFunction function, List<Expr> args, int position) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
        }
    }

    enum UnaryOp {
        NEG("-"), NOT("not ");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol.trim();
        }
    }

    enum BinaryOp {
        OR("or"), AND("and"),
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** How the canonical form writes it ({@code !=} is written {@code <>}). */
        public String symbol() {
            return symbol;
        }

        public boolean isLogical() {
            return this == OR || this == AND;
        }

        public boolean isComparison() {
            return compareTo(EQ) >= 0 && compareTo(GE) <= 0;
        }

        public boolean isArithmetic() {
            return compareTo(ADD) >= 0;
        }
    }

    /** Zero-based offset of this node into the parsed source. */
    int position();

    /** The direct sub-expressions, left to right. */
    default List<Expr> children() {
        if (this instanceof Unary u) {
            return List.of(u.operand());
        } else if (this instanceof Binary b) {
            return List.of(b.left(), b.right());
        } else if (this instanceof Call c) {
            return c.args();
        }
        return List.of();
    }

    /** Every field id referenced, in order of first appearance. */
    default Set<String> fieldRefs() {
        Set<String> out = new LinkedHashSet<>();
        walk(this, e -> {
            if (e instanceof FieldRef f) {
                out.add(f.id());
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /**
     * The referenced fields a clerk would change first: in order of appearance, except that
     * fields only tested by blank()/present() guards come last. Findings name their cells in this
     * order, and the template's live checks link to the first, so both use this one method.
     */
    default Set<String> fieldsToFix() {
        Set<String> out = new LinkedHashSet<>();
        collectUnguarded(this, out);
        out.addAll(fieldRefs());
        return Collections.unmodifiableSet(out);
    }

    private static void collectUnguarded(Expr e, Set<String> out) {
        if (e instanceof FieldRef f) {
            out.add(f.id());
        } else if (!(e instanceof Call c && (c.function() == RuleFunction.BLANK
                || c.function() == RuleFunction.PRESENT))) {
            e.children().forEach(child -> collectUnguarded(child, out));
        }
    }

    /** Every node of the tree, depth first, parents before children. */
    default List<Expr> nodes() {
        List<Expr> out = new ArrayList<>();
        walk(this, out::add);
        return Collections.unmodifiableList(out);
    }

    /** Whether a call of this function appears anywhere in the tree. */
    default boolean uses(RuleFunction function) {
        return nodes().stream().anyMatch(e -> e instanceof Call c && c.function() == function);
    }

    /** Uses {@code prev()}: checkable only against a previous return. */
    default boolean usesPrev() {
        return uses(RuleFunction.PREV);
    }

    /** Uses {@code outlier()}: checkable only at consolidation. */
    default boolean usesOutlier() {
        return uses(RuleFunction.OUTLIER);
    }

    /** Whether this yields true/false (a rule check or condition) rather than a value. */
    default boolean isCondition() {
        if (this instanceof Bool) {
            return true;
        } else if (this instanceof Unary u) {
            return u.op() == UnaryOp.NOT;
        } else if (this instanceof Binary b) {
            return !b.op().isArithmetic();
        } else if (this instanceof Call c) {
            return c.function() == RuleFunction.IF
                    ? c.args().get(1).isCondition() : c.function().isCondition();
        }
        return false;
    }

    /** Canonical source: every binary operation in parentheses, keywords in lower case. */
    default String toSource() {
        if (this instanceof Num n) {
            return n.value().toPlainString();
        } else if (this instanceof Str s) {
            return '"' + s.value().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        } else if (this instanceof Bool b) {
            return Boolean.toString(b.value());
        } else if (this instanceof FieldRef f) {
            return f.id();
        } else if (this instanceof Unary u) {
            return u.op().symbol + u.operand().toSource();
        } else if (this instanceof Binary b) {
            return "(" + b.left().toSource() + " " + b.op().symbol() + " "
                    + b.right().toSource() + ")";
        }
        Call c = (Call) this;
        StringBuilder sb = new StringBuilder(c.function().spelling()).append('(');
        for (int i = 0; i < c.args().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(c.args().get(i).toSource());
        }
        return sb.append(')').toString();
    }

    private static void walk(Expr e, java.util.function.Consumer<Expr> visit) {
        visit.accept(e);
        for (Expr child : e.children()) {
            walk(child, visit);
        }
    }
}

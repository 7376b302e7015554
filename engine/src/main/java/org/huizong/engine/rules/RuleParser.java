package org.huizong.engine.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.huizong.engine.rules.Expr.BinaryOp;
import org.huizong.engine.rules.Expr.UnaryOp;

/**
 * Parses rule-language source into an {@link Expr}: a hand-written lexer and a recursive-descent
 * parser following the grammar of {@code docs/rule-language.md}. Besides syntax it checks what
 * can be checked without the collection: function names and arity, field-only arguments, and
 * that conditions and values are not mixed ({@code a + (b < c)}, {@code a and 3}).
 */
public final class RuleParser {
    private static final Pattern FIELD_ID =
            Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private final String source;
    private final List<RuleLexer.Token> tokens;
    private int next;

    private RuleParser(String source) {
        this.source = source;
        this.tokens = RuleLexer.tokens(source);
    }

    /**
     * @throws RuleSyntaxException naming the 1-based position and what was expected there
     */
    public static Expr parse(String source) {
        Objects.requireNonNull(source, "source");
        RuleParser p = new RuleParser(source);
        if (p.peek().kind() == RuleLexer.Kind.END) {
            throw new RuleSyntaxException(source, 0, "：表达式为空");
        }
        Expr e = p.or();
        RuleLexer.Token t = p.peek();
        if (t.kind() == RuleLexer.Kind.OP && isComparison(t.text())) {
            throw p.error(t, "：比较运算不能连写（如 a < b < c），请用 and 连接两个比较");
        }
        if (t.kind() != RuleLexer.Kind.END) {
            throw p.error(t, "：应为运算符或表达式结尾，实际是 " + describe(t));
        }
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (peekKeyword("or")) {
            RuleLexer.Token op = advance();
            left = logical(BinaryOp.OR, left, and(), op);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peekKeyword("and")) {
            RuleLexer.Token op = advance();
            left = logical(BinaryOp.AND, left, not(), op);
        }
        return left;
    }

    private Expr logical(BinaryOp op, Expr left, Expr right, RuleLexer.Token at) {
        requireCondition(left, op.symbol() + " 的左边");
        requireCondition(right, op.symbol() + " 的右边");
        return new Expr.Binary(op, left, right, at.offset());
    }

    private Expr not() {
        if (peekKeyword("not")) {
            RuleLexer.Token op = advance();
            Expr operand = not();
            requireCondition(operand, "not 后面");
            return new Expr.Unary(UnaryOp.NOT, operand, op.offset());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = sum();
        RuleLexer.Token t = peek();
        if (t.kind() != RuleLexer.Kind.OP || !isComparison(t.text())) {
            return left;
        }
        advance();
        BinaryOp op = switch (t.text()) {
            case "=" -> BinaryOp.EQ;
            case "<>", "!=" -> BinaryOp.NE;
            case "<" -> BinaryOp.LT;
            case "<=" -> BinaryOp.LE;
            case ">" -> BinaryOp.GT;
            default -> BinaryOp.GE;
        };
        Expr right = sum();
        if (op == BinaryOp.EQ || op == BinaryOp.NE) {
            if (left.isCondition() != right.isCondition()) {
                throw error(start(left), "：" + t.text() + " 两边应同为数值（或文字）或同为条件，"
                        + "实际左边是" + kindOf(left) + "，右边是" + kindOf(right));
            }
        } else {
            requireValue(left, t.text() + " 的左边");
            requireValue(right, t.text() + " 的右边");
        }
        return new Expr.Binary(op, left, right, t.offset());
    }

    private Expr sum() {
        Expr left = product();
        while (peekOp("+") || peekOp("-")) {
            RuleLexer.Token t = advance();
            left = arithmetic(t.text().equals("+") ? BinaryOp.ADD : BinaryOp.SUB, left,
                    product(), t);
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (peekOp("*") || peekOp("/")) {
            RuleLexer.Token t = advance();
            left = arithmetic(t.text().equals("*") ? BinaryOp.MUL : BinaryOp.DIV, left,
                    unary(), t);
        }
        return left;
    }

    private Expr arithmetic(BinaryOp op, Expr left, Expr right, RuleLexer.Token at) {
        requireValue(left, op.symbol() + " 的左边");
        requireValue(right, op.symbol() + " 的右边");
        return new Expr.Binary(op, left, right, at.offset());
    }

    private Expr unary() {
        if (peekOp("-")) {
            RuleLexer.Token t = advance();
            Expr operand = unary();
            requireValue(operand, "负号后面");
            return new Expr.Unary(UnaryOp.NEG, operand, t.offset());
        }
        return primary();
    }

    private Expr primary() {
        RuleLexer.Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                advance();
                return new Expr.Num(new BigDecimal(t.text()), t.offset());
            }
            case STRING -> {
                advance();
                return new Expr.Str(t.text(), t.offset());
            }
            case LPAREN -> {
                advance();
                Expr inner = or();
                expect(RuleLexer.Kind.RPAREN, "')'");
                return inner;
            }
            case NAME -> {
                return name();
            }
            default -> throw error(t, "：应为数字、字符串、字段或函数调用，实际是 " + describe(t));
        }
    }

    private Expr name() {
        RuleLexer.Token t = advance();
        String lower = t.text().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new Expr.Bool(lower.equals("true"), t.offset());
        }
        if (lower.equals("and") || lower.equals("or") || lower.equals("not")) {
            throw error(t, "：应为数字、字符串、字段或函数调用，实际是 " + describe(t));
        }
        if (peek().kind() == RuleLexer.Kind.LPAREN) {
            return call(t);
        }
        if (!FIELD_ID.matcher(t.text()).matches()) {
            throw error(t, "：字段名 '" + t.text() + "' 应为小写英文单词用点连接，如 info.students");
        }
        return new Expr.FieldRef(t.text(), t.offset());
    }

    private Expr call(RuleLexer.Token name) {
        RuleFunction f = RuleFunction.find(name.text()).orElseThrow(() -> error(name,
                "：未知函数 '" + name.text() + "'（可用的函数：" + RuleFunction.names() + "）"));
        advance();
        List<Expr> args = new ArrayList<>();
        if (peek().kind() != RuleLexer.Kind.RPAREN) {
            args.add(or());
            while (peek().kind() == RuleLexer.Kind.COMMA) {
                advance();
                args.add(or());
            }
        }
        RuleLexer.Token close = peek();
        if (close.kind() != RuleLexer.Kind.RPAREN) {
            throw error(close, "：应为 ',' 或 ')'，实际是 " + describe(close));
        }
        advance();
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            throw error(name, "：函数 " + f.spelling() + " 需要" + f.arityText() + "参数，实际 "
                    + args.size() + " 个");
        }
        checkArgs(f, args);
        return new Expr.Call(f, args, name.offset());
    }

    private void checkArgs(RuleFunction f, List<Expr> args) {
        for (int i = 0; i < args.size(); i++) {
            Expr a = args.get(i);
            String which = "函数 " + f.spelling() + " 的第 " + (i + 1) + " 个参数";
            if (f.wantsField(i)) {
                if (!(a instanceof Expr.FieldRef)) {
                    throw error(start(a), "：" + which + "应为字段，实际是 " + a.toSource());
                }
            } else if (f.shape() == RuleFunction.ArgShape.STRINGS) {
                if (!(a instanceof Expr.Str)) {
                    throw error(start(a), "：" + which + "应为带引号的学校类型或分组名，"
                            + "如 type_is(\"义务\")，实际是 " + a.toSource());
                }
            } else if (f == RuleFunction.IF && i == 0) {
                requireCondition(a, which);
            } else if (f == RuleFunction.IF && i == 2) {
                if (a.isCondition() != args.get(1).isCondition()) {
                    throw error(start(a), "：函数 if 的第 2、3 个参数应同为数值或同为条件，实际第 2 个是"
                            + kindOf(args.get(1)) + "，第 3 个是" + kindOf(a));
                }
            } else if (f != RuleFunction.IF) {
                requireValue(a, which);
            }
        }
    }

    private void requireCondition(Expr e, String where) {
        if (!e.isCondition()) {
            throw error(start(e), "：" + where + "应为条件（比较、true/false 或 blank() 等），实际是"
                    + kindOf(e) + " " + e.toSource());
        }
    }

    private void requireValue(Expr e, String where) {
        if (e.isCondition()) {
            throw error(start(e), "：" + where + "应为数值，实际是条件 " + e.toSource());
        }
    }

    private static String kindOf(Expr e) {
        return e.isCondition() ? "条件" : "数值";
    }

    /** Offset of the leftmost token of a node: where a reader's eye finds it. */
    private static int start(Expr e) {
        return e instanceof Expr.Binary b ? start(b.left()) : e.position();
    }

    private static boolean isComparison(String op) {
        return switch (op) {
            case "=", "<>", "!=", "<", "<=", ">", ">=" -> true;
            default -> false;
        };
    }

    private RuleLexer.Token peek() {
        return tokens.get(next);
    }

    private RuleLexer.Token advance() {
        RuleLexer.Token t = tokens.get(next);
        if (t.kind() != RuleLexer.Kind.END) {
            next++;
        }
        return t;
    }

    private boolean peekKeyword(String keyword) {
        RuleLexer.Token t = peek();
        return t.kind() == RuleLexer.Kind.NAME && t.text().equalsIgnoreCase(keyword);
    }

    private boolean peekOp(String op) {
        RuleLexer.Token t = peek();
        return t.kind() == RuleLexer.Kind.OP && t.text().equals(op);
    }

    private void expect(RuleLexer.Kind kind, String what) {
        RuleLexer.Token t = peek();
        if (t.kind() != kind) {
            throw error(t, "：应为 " + what + "，实际是 " + describe(t));
        }
        advance();
    }

    private RuleSyntaxException error(RuleLexer.Token t, String problem) {
        return error(t.offset(), problem);
    }

    private RuleSyntaxException error(int offset, String problem) {
        return new RuleSyntaxException(source, offset, problem);
    }

    private static String describe(RuleLexer.Token t) {
        return t.kind() == RuleLexer.Kind.END ? "表达式结尾" : "'" + t.text() + "'";
    }
}

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
    private final List<Token> tokens;
    private int next;

    private RuleParser(String source) {
        this.source = source;
        this.tokens = new Lexer(source).tokens();
    }

    /**
     * @throws RuleSyntaxException naming the 1-based position and what was expected there
     */
    public static Expr parse(String source) {
        Objects.requireNonNull(source, "source");
        RuleParser p = new RuleParser(source);
        if (p.peek().kind == Kind.END) {
            throw new RuleSyntaxException(source, 0, "：表达式为空");
        }
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind == Kind.OP && isComparison(t.text)) {
            throw p.error(t, "：比较运算不能连写（如 a < b < c），请用 and 连接两个比较");
        }
        if (t.kind != Kind.END) {
            throw p.error(t, "：应为运算符或表达式结尾，实际是 " + describe(t));
        }
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (peekKeyword("or")) {
            Token op = advance();
            left = logical(BinaryOp.OR, left, and(), op);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peekKeyword("and")) {
            Token op = advance();
            left = logical(BinaryOp.AND, left, not(), op);
        }
        return left;
    }

    private Expr logical(BinaryOp op, Expr left, Expr right, Token at) {
        requireCondition(left, op.symbol() + " 的左边");
        requireCondition(right, op.symbol() + " 的右边");
        return new Expr.Binary(op, left, right, at.offset);
    }

    private Expr not() {
        if (peekKeyword("not")) {
            Token op = advance();
            Expr operand = not();
            requireCondition(operand, "not 后面");
            return new Expr.Unary(UnaryOp.NOT, operand, op.offset);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = sum();
        Token t = peek();
        if (t.kind != Kind.OP || !isComparison(t.text)) {
            return left;
        }
        advance();
        BinaryOp op = switch (t.text) {
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
                throw error(start(left), "：" + t.text + " 两边应同为数值（或文字）或同为条件，"
                        + "实际左边是" + kindOf(left) + "，右边是" + kindOf(right));
            }
        } else {
            requireValue(left, t.text + " 的左边");
            requireValue(right, t.text + " 的右边");
        }
        return new Expr.Binary(op, left, right, t.offset);
    }

    private Expr sum() {
        Expr left = product();
        while (peekOp("+") || peekOp("-")) {
            Token t = advance();
            left = arithmetic(t.text.equals("+") ? BinaryOp.ADD : BinaryOp.SUB, left,
                    product(), t);
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (peekOp("*") || peekOp("/")) {
            Token t = advance();
            left = arithmetic(t.text.equals("*") ? BinaryOp.MUL : BinaryOp.DIV, left,
                    unary(), t);
        }
        return left;
    }

    private Expr arithmetic(BinaryOp op, Expr left, Expr right, Token at) {
        requireValue(left, op.symbol() + " 的左边");
        requireValue(right, op.symbol() + " 的右边");
        return new Expr.Binary(op, left, right, at.offset);
    }

    private Expr unary() {
        if (peekOp("-")) {
            Token t = advance();
            Expr operand = unary();
            requireValue(operand, "负号后面");
            return new Expr.Unary(UnaryOp.NEG, operand, t.offset);
        }
        return primary();
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind) {
            case NUMBER -> {
                advance();
                return new Expr.Num(new BigDecimal(t.text), t.offset);
            }
            case STRING -> {
                advance();
                return new Expr.Str(t.text, t.offset);
            }
            case LPAREN -> {
                advance();
                Expr inner = or();
                expect(Kind.RPAREN, "')'");
                return inner;
            }
            case NAME -> {
                return name();
            }
            default -> throw error(t, "：应为数字、字符串、字段或函数调用，实际是 " + describe(t));
        }
    }

    private Expr name() {
        Token t = advance();
        String lower = t.text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new Expr.Bool(lower.equals("true"), t.offset);
        }
        if (lower.equals("and") || lower.equals("or") || lower.equals("not")) {
            throw error(t, "：应为数字、字符串、字段或函数调用，实际是 " + describe(t));
        }
        if (peek().kind == Kind.LPAREN) {
            return call(t);
        }
        if (!FIELD_ID.matcher(t.text).matches()) {
            throw error(t, "：字段名 '" + t.text + "' 应为小写英文单词用点连接，如 info.students");
        }
        return new Expr.FieldRef(t.text, t.offset);
    }

    private Expr call(Token name) {
        RuleFunction f = RuleFunction.find(name.text).orElseThrow(() -> error(name,
                "：未知函数 '" + name.text + "'（可用的函数：" + RuleFunction.names() + "）"));
        advance();
        List<Expr> args = new ArrayList<>();
        if (peek().kind != Kind.RPAREN) {
            args.add(or());
            while (peek().kind == Kind.COMMA) {
                advance();
                args.add(or());
            }
        }
        Token close = peek();
        if (close.kind != Kind.RPAREN) {
            throw error(close, "：应为 ',' 或 ')'，实际是 " + describe(close));
        }
        advance();
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            throw error(name, "：函数 " + f.spelling() + " 需要" + f.arityText() + "参数，实际 "
                    + args.size() + " 个");
        }
        checkArgs(f, args);
        return new Expr.Call(f, args, name.offset);
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

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token t = tokens.get(next);
        if (t.kind != Kind.END) {
            next++;
        }
        return t;
    }

    private boolean peekKeyword(String keyword) {
        Token t = peek();
        return t.kind == Kind.NAME && t.text.equalsIgnoreCase(keyword);
    }

    private boolean peekOp(String op) {
        Token t = peek();
        return t.kind == Kind.OP && t.text.equals(op);
    }

    private void expect(Kind kind, String what) {
        Token t = peek();
        if (t.kind != kind) {
            throw error(t, "：应为 " + what + "，实际是 " + describe(t));
        }
        advance();
    }

    private RuleSyntaxException error(Token t, String problem) {
        return error(t.offset, problem);
    }

    private RuleSyntaxException error(int offset, String problem) {
        return new RuleSyntaxException(source, offset, problem);
    }

    private static String describe(Token t) {
        return t.kind == Kind.END ? "表达式结尾" : "'" + t.text + "'";
    }

    enum Kind { NUMBER, STRING, NAME, OP, LPAREN, RPAREN, COMMA, END }

    /** One token; {@code text} is a string literal's content without quotes. */
    record Token(Kind kind, String text, int offset) {
    }

    /** Splits source into tokens; full-width punctuation gets a message naming its half-width. */
    private static final class Lexer {
        private static final String FULL_WIDTH = "（）＝，＜＞＋－＊／！";
        private static final String HALF_WIDTH = "()=,<>+-*/!";

        private final String src;
        private int i;

        Lexer(String src) {
            this.src = src;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (i >= src.length()) {
                    out.add(new Token(Kind.END, "", src.length()));
                    return out;
                }
                out.add(token());
            }
        }

        private void skipSpace() {
            while (i < src.length() && (Character.isWhitespace(src.charAt(i))
                    || src.charAt(i) == '\u3000')) {
                i++;
            }
        }

        private Token token() {
            char c = src.charAt(i);
            int start = i;
            if (c >= '0' && c <= '9' || c == '.' && i + 1 < src.length()
                    && isDigit(src.charAt(i + 1))) {
                return number();
            }
            if (c == '"') {
                return string();
            }
            if (isNameStart(c)) {
                return name();
            }
            switch (c) {
                case '(' -> {
                    i++;
                    return new Token(Kind.LPAREN, "(", start);
                }
                case ')' -> {
                    i++;
                    return new Token(Kind.RPAREN, ")", start);
                }
                case ',' -> {
                    i++;
                    return new Token(Kind.COMMA, ",", start);
                }
                default -> {
                    return operator();
                }
            }
        }

        private Token operator() {
            int start = i;
            char c = src.charAt(i);
            String two = i + 1 < src.length() ? src.substring(i, i + 2) : "";
            switch (two) {
                case "<=", ">=", "<>", "!=" -> {
                    i += 2;
                    return new Token(Kind.OP, two, start);
                }
                case "==" -> throw error(start, "：相等比较请写一个 '='，不要写 '=='");
                case "&&" -> throw error(start, "：不认识的运算符 '&&'，请用 and");
                case "||" -> throw error(start, "：不认识的运算符 '||'，请用 or");
                default -> {
                }
            }
            if ("=<>+-*/".indexOf(c) >= 0) {
                i++;
                return new Token(Kind.OP, String.valueOf(c), start);
            }
            int fw = FULL_WIDTH.indexOf(c);
            if (fw >= 0) {
                throw error(start, "：全角字符 '" + c + "'，请改用半角 '" + HALF_WIDTH.charAt(fw)
                        + "'");
            }
            if (c == '“' || c == '”' || c == '＂') {
                throw error(start, "：中文引号 '" + c + "'，字符串请用英文双引号 \"");
            }
            if (Character.isLetter(c)) {
                int end = i;
                while (end < src.length() && Character.isLetter(src.charAt(end))
                        && !isNameStart(src.charAt(end))) {
                    end++;
                }
                String word = src.substring(start, end);
                throw error(start, "：文字 '" + word + "' 应放在英文双引号中，如 \"" + word + "\"");
            }
            if (c == '!') {
                throw error(start, "：单独的 '!' 不是运算符，取反请用 not，不等请用 <> 或 !=");
            }
            if (c == '&' || c == '|') {
                throw error(start, "：不认识的运算符 '" + c + "'，请用 " + (c == '&' ? "and" : "or"));
            }
            throw error(start, "：不认识的字符 '" + c + "'");
        }

        private Token number() {
            int start = i;
            while (i < src.length() && (isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
                i++;
            }
            String text = src.substring(start, i);
            boolean ok = text.matches("\\d+(\\.\\d+)?");
            if (!ok || i < src.length() && isNameStart(src.charAt(i))) {
                int end = i;
                while (end < src.length() && isNamePart(src.charAt(end))) {
                    end++;
                }
                throw error(start, "：数字 '" + src.substring(start, end)
                        + "' 格式不对，应如 12、0.05");
            }
            return new Token(Kind.NUMBER, text, start);
        }

        private Token string() {
            int start = i;
            i++;
            StringBuilder sb = new StringBuilder();
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '"') {
                    i++;
                    return new Token(Kind.STRING, sb.toString(), start);
                }
                if (c == '\\' && i + 1 < src.length()
                        && (src.charAt(i + 1) == '"' || src.charAt(i + 1) == '\\')) {
                    sb.append(src.charAt(i + 1));
                    i += 2;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            throw error(start, "：字符串缺少结尾的双引号 \"");
        }

        private Token name() {
            int start = i;
            while (i < src.length() && (isNamePart(src.charAt(i)))) {
                i++;
            }
            String text = src.substring(start, i);
            if (text.endsWith(".") || text.contains("..")) {
                throw error(start, "：字段名 '" + text + "' 格式不对，点的两边都应是小写英文单词");
            }
            return new Token(Kind.NAME, text, start);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isNameStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || isDigit(c) || c == '.';
        }

        private RuleSyntaxException error(int offset, String problem) {
            return new RuleSyntaxException(src, offset, problem);
        }
    }
}

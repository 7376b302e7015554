package org.huizong.engine.rules;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A rule's message with its placeholders: {@code {field.id}} shows the field's value (空 when
 * blank), {@code {=expr}} a computed number with at most 4 decimals, trailing zeros dropped.
 * Parsed once; a brace that opens no valid placeholder is an error at spec load, not a
 * half-rendered message in front of a clerk.
 */
final class MessageTemplate {
    static final String BLANK = "空";

    /** Literal text, a field placeholder or an expression placeholder. */
    private sealed interface Part {
    }

    private record Literal(String text) implements Part {
    }

    private record FieldPart(String fieldId) implements Part {
    }

    /** A {@code {=expr}} placeholder: its source as written and the parsed expression. */
    record ExprPart(String source, Expr expr) implements Part {
    }

    private final List<Part> parts;

    private MessageTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * @param onError receives a problem description (without the rule's name) and throws
     */
    static MessageTemplate parse(String message, Consumer<String> onError) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < message.length()) {
            int open = message.indexOf('{', i);
            if (open < 0) {
                parts.add(new Literal(message.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(new Literal(message.substring(i, open)));
            }
            int close = message.indexOf('}', open);
            if (close < 0) {
                onError.accept("message 第 " + (open + 1) + " 个字符的 '{' 没有对应的 '}'");
                return new MessageTemplate(parts);
            }
            String inner = message.substring(open + 1, close).trim();
            if (inner.startsWith("=")) {
                parts.add(expr(inner.substring(1), onError));
            } else {
                parts.add(new FieldPart(inner));
            }
            i = close + 1;
        }
        return new MessageTemplate(parts);
    }

    private static Part expr(String source, Consumer<String> onError) {
        try {
            Expr e = RuleParser.parse(source);
            if (e.isCondition()) {
                onError.accept("message 中 {=" + source + "} 应为数值表达式，实际是条件");
            }
            return new ExprPart(source, e);
        } catch (RuleSyntaxException ex) {
            onError.accept("message 中 {=" + source + "}：" + ex.getMessage());
            return new Literal("");
        }
    }

    /** The field ids shown by {@code {field.id}} placeholders, in order. */
    List<String> fieldIds() {
        return parts.stream().filter(p -> p instanceof FieldPart)
                .map(p -> ((FieldPart) p).fieldId()).toList();
    }

    /** The {@code {=expr}} placeholders, in order. */
    List<ExprPart> exprs() {
        return parts.stream().filter(p -> p instanceof ExprPart).map(p -> (ExprPart) p)
                .toList();
    }

    /** Walks the parts in order: literal text, field placeholders, expression placeholders. */
    void visit(Consumer<String> literal, Consumer<String> field, Consumer<Expr> expr) {
        for (Part p : parts) {
            if (p instanceof Literal l) {
                if (!l.text().isEmpty()) {
                    literal.accept(l.text());
                }
            } else if (p instanceof FieldPart f) {
                field.accept(f.fieldId());
            } else {
                expr.accept(((ExprPart) p).expr());
            }
        }
    }

    String render(Evaluator ev) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                sb.append(l.text());
            } else if (p instanceof FieldPart f) {
                sb.append(ev.display(f.fieldId()).orElse(BLANK));
            } else {
                sb.append(ev.number(((ExprPart) p).expr())
                        .map(n -> n.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                                .toPlainString())
                        .orElse(BLANK));
            }
        }
        return sb.toString();
    }
}

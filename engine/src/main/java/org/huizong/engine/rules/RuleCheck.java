package org.huizong.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Table;

/**
 * Parses and checks a collection's expressions once, at load: syntax, condition or value as the
 * place requires, references, scope and message placeholders. Every problem becomes an
 * {@link InvalidRuleException} that names the rule, field or indicator and where it was written.
 */
final class RuleCheck {
    private RuleCheck() {
    }

    /** @param what names the expression for messages: 规则 x（spec.yaml:12）的 check */
    static Expr parse(String what, String source) {
        try {
            return RuleParser.parse(source);
        } catch (RuleSyntaxException e) {
            throw new InvalidRuleException(what + "：" + e.getMessage(), e);
        }
    }

    /** Computed fields must not depend on themselves, directly or through others. */
    static void acyclic(Schema schema) {
        for (String id : schema.formulas().keySet()) {
            walk(schema, id, new ArrayList<>());
        }
    }

    private static void walk(Schema schema, String id, List<String> path) {
        if (path.contains(id)) {
            path.add(id);
            throw new InvalidRuleException("字段 " + path.get(0) + " 的 formula 循环引用："
                    + String.join(" -> ", path));
        }
        Optional<Expr> f = schema.formula(id);
        if (f.isEmpty()) {
            return;
        }
        path.add(id);
        for (String ref : f.get().fieldRefs()) {
            walk(schema, ref, path);
        }
        path.remove(path.size() - 1);
    }

    /** A value expression (formula, indicator): not a condition, references resolved. */
    static Expr value(Schema schema, String what, String source) {
        Expr e = parse(what, source);
        if (e.isCondition()) {
            throw new InvalidRuleException(what + " \"" + source + "\" 应为数值表达式，"
                    + "实际是条件");
        }
        if (e.usesPrev() || e.usesOutlier()) {
            throw new InvalidRuleException(what + " \"" + source
                    + "\" 不能使用 prev() 或 outlier()");
        }
        references(schema, Optional.empty(), what, source, e);
        return e;
    }

    static CheckedRule rule(Schema schema, Rule r) {
        String name = "规则 " + r.id() + (r.source().isEmpty() ? "" : "（" + r.source() + "）");
        Optional<Table> table = r.table().map(id -> schema.collection().tables().stream()
                .filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidRuleException(name + "：没有名为 '" + id
                        + "' 的表格")));
        Expr when = condition(schema, table, name + " 的 when", r.when());
        Expr check = condition(schema, table, name + " 的 check", r.expression());
        scope(name, r, when, check);
        MessageTemplate message = MessageTemplate.parse(r.message(), problem -> {
            throw new InvalidRuleException(name + " 的 " + problem);
        });
        for (String id : message.fieldIds()) {
            References.checkPlaceholder(schema, table, id, problem -> {
                throw new InvalidRuleException(name + " 的 " + problem);
            });
        }
        for (MessageTemplate.ExprPart p : message.exprs()) {
            String what = name + " 的 message 中 {=" + p.source() + "}";
            if (r.scope() != Rule.Scope.PREVIOUS && p.expr().usesPrev()) {
                throw new InvalidRuleException(what + " 使用了 prev()，但规则本身不与上年同期比较");
            }
            if (p.expr().usesOutlier()) {
                throw new InvalidRuleException(what + " 不能使用 outlier()");
            }
            references(schema, table, what, p.source(), p.expr());
        }
        return new CheckedRule(r, when, check, message, table);
    }

    private static Expr condition(Schema schema, Optional<Table> table, String what,
            String source) {
        Expr e = parse(what, source);
        if (!e.isCondition()) {
            throw new InvalidRuleException(what + " \"" + source + "\" 应为条件（比较、and/or、"
                    + "blank() 等），实际是数值表达式");
        }
        references(schema, table, what, source, e);
        return e;
    }

    /** The scope the spec states must match what the expressions use. */
    private static void scope(String name, Rule r, Expr when, Expr check) {
        boolean outlier = when.usesOutlier() || check.usesOutlier();
        boolean prev = when.usesPrev() || check.usesPrev();
        Rule.Scope needed = outlier ? Rule.Scope.CONSOLIDATION
                : prev ? Rule.Scope.PREVIOUS : Rule.Scope.RETURN;
        if (needed != r.scope()) {
            throw new InvalidRuleException(name + "：范围为 " + r.scope() + "，但表达式"
                    + (outlier ? "使用 outlier()，应为 CONSOLIDATION"
                    : prev ? "使用 prev()，应为 PREVIOUS" : "只涉及本表，应为 RETURN"));
        }
        if (outlier && r.table().isPresent()) {
            throw new InvalidRuleException(name + "：outlier() 不能用在逐行规则（table:）中");
        }
    }

    private static void references(Schema schema, Optional<Table> table, String what,
            String source, Expr e) {
        References.check(schema, table, e, (offset, problem) -> {
            throw new InvalidRuleException(what + " \"" + source + "\" 第 " + (offset + 1)
                    + " 个字符处：" + problem);
        });
    }
}

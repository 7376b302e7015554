package org.huizong.engine.rules;

import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Table;

/** A spec rule parsed and checked against its collection: ready to evaluate. */
record CheckedRule(Rule rule, Expr when, Expr check, MessageTemplate message,
        Optional<Table> table) {
    CheckedRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(when, "when of " + rule.id());
        Objects.requireNonNull(check, "check of " + rule.id());
        Objects.requireNonNull(message, "message of " + rule.id());
        Objects.requireNonNull(table, "table of " + rule.id());
    }

    String id() {
        return rule.id();
    }
}

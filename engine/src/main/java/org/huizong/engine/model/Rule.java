package org.huizong.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A validation rule as written in the collection spec. The expression is rule-language source
 * (see {@code org.huizong.engine.rules}); it must hold for the return to pass.
 *
 * @param id stable id ({@code info.teachers_le_staff}); findings, explanations and the API use it
 * @param when rule-language condition under which the rule is checked; {@code "true"} for always
 * @param message Chinese message; {@code {field.id}} placeholders show the field's value
 * @param scope where the rule can be evaluated
 * @param table the repeating table whose every used row the rule is checked on, if any; then
 *     column references ({@code projects.budget}) mean that row's cell
 * @param source where the rule was written ({@code edu-halfyear.yaml:212}), for error messages
 */
public record Rule(String id, Severity severity, String when, String expression, String message,
        Scope scope, Optional<String> table, String source) {

    /** Where a rule can be evaluated. */
    public enum Scope {
        /** Within one return: compiled into the template too. */
        RETURN,
        /** Needs the same school's previous return; checked on submission. */
        PREVIOUS,
        /** Needs the other schools' returns; checked at consolidation. */
        CONSOLIDATION
    }

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity of rule " + id);
        Objects.requireNonNull(when, "when of rule " + id);
        Objects.requireNonNull(expression, "expression of rule " + id);
        Objects.requireNonNull(message, "message of rule " + id);
        Objects.requireNonNull(scope, "scope of rule " + id);
        Objects.requireNonNull(table, "table of rule " + id);
        source = source == null ? "" : source;
        if (severity == Severity.NOTICE) {
            throw new IllegalArgumentException("规则 " + id + "：级别应为 错误 或 警告");
        }
    }
}

package org.huizong.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One input (or computed) cell of a collection.
 *
 * @param id stable public name, dotted ({@code aid.hs_grant.amount}); for a table column the
 *     table id and the column key ({@code projects.budget})
 * @param label what the school sees
 * @param unit display unit (人, 万元, 平方米, ...), empty when none
 * @param decimals the most decimals a value may carry
 * @param appliesTo school types the field applies to; empty means every type
 * @param values the closed list of an {@link FieldType#ENUM}, empty otherwise
 * @param prefilled filled from the roster and locked ({@code info.code} ...)
 * @param formula a rule-language expression that computes the field (locked, never entered),
 *     empty for an input
 * @param hint an extra line for the input prompt, empty when none
 * @param max the largest plausible value of a numeric field, inclusive; empty for its type's
 *     {@link FieldType#defaultMax()}
 */
public record Field(
        String id,
        String label,
        FieldType type,
        String unit,
        int decimals,
        Set<String> appliesTo,
        boolean required,
        List<String> values,
        boolean prefilled,
        Optional<String> formula,
        String hint,
        Optional<BigDecimal> max) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public Field {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("字段编号“" + id
                    + "”应为以点连接的小写英文单词，如 aid.hs_grant.amount");
        }
        Objects.requireNonNull(label, "label of " + id);
        Objects.requireNonNull(type, "type of " + id);
        unit = unit == null ? "" : unit;
        hint = hint == null ? "" : hint;
        appliesTo = Set.copyOf(appliesTo);
        values = List.copyOf(values);
        Objects.requireNonNull(formula, "formula of " + id);
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("字段 " + id + "：小数位 " + decimals
                    + " 应在 0 到 6 之间");
        }
        if (type == FieldType.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("字段 " + id + " 是选项类型，但没有选项");
        }
        if (type != FieldType.ENUM && !values.isEmpty()) {
            throw new IllegalArgumentException("字段 " + id + " 有选项，但类型是“" + type.specName()
                    + "”而不是选项");
        }
        Objects.requireNonNull(max, "max of " + id);
        if (max.isPresent() && !type.isNumeric()) {
            throw new IllegalArgumentException("字段 " + id + " 设了上限，但类型“" + type.specName()
                    + "”不是数值");
        }
        if (max.isPresent() && max.get().signum() <= 0) {
            throw new IllegalArgumentException("字段 " + id + "：上限 " + max.get().toPlainString()
                    + " 应为正数");
        }
    }

    /** A field with its type's upper bound. */
    public Field(String id, String label, FieldType type, String unit, int decimals,
            Set<String> appliesTo, boolean required, List<String> values, boolean prefilled,
            Optional<String> formula, String hint) {
        this(id, label, type, unit, decimals, appliesTo, required, values, prefilled, formula,
                hint, Optional.empty());
    }

    /** The largest plausible value: the spec's {@code max}, else the type's; empty for text. */
    public Optional<BigDecimal> upperBound() {
        return max.isPresent() ? max : type.defaultMax();
    }

    /** The workbook-scoped defined name of the input cell: {@code F_aid_hs_grant_amount}. */
    public String definedName() {
        return "F_" + id.replace('.', '_');
    }

    public boolean isComputed() {
        return formula.isPresent();
    }

    /** Whether a school clerk types this field (neither pre-filled nor computed). */
    public boolean isInput() {
        return !prefilled && formula.isEmpty();
    }

    public boolean appliesTo(String schoolType) {
        return appliesTo.isEmpty() || appliesTo.contains(schoolType);
    }

    /** Label with unit, as a column or row header shows it: {@code 资助金额(万元)}. */
    public String labelWithUnit() {
        return unit.isEmpty() ? label : label + "(" + unit + ")";
    }
}

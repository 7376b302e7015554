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
            throw new IllegalArgumentException("field id '" + id
                    + "' must be lower-case words joined by dots, like aid.hs_grant.amount");
        }
        Objects.requireNonNull(label, "label of " + id);
        Objects.requireNonNull(type, "type of " + id);
        unit = unit == null ? "" : unit;
        hint = hint == null ? "" : hint;
        appliesTo = Set.copyOf(appliesTo);
        values = List.copyOf(values);
        Objects.requireNonNull(formula, "formula of " + id);
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("field " + id + ": decimals " + decimals
                    + " outside 0..6");
        }
        if (type == FieldType.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("field " + id + " is an enum without values");
        }
        if (type != FieldType.ENUM && !values.isEmpty()) {
            throw new IllegalArgumentException("field " + id + " has values but is a "
                    + type.specName());
        }
        Objects.requireNonNull(max, "max of " + id);
        if (max.isPresent() && !type.isNumeric()) {
            throw new IllegalArgumentException("field " + id + " has a max but is a "
                    + type.specName());
        }
        if (max.isPresent() && max.get().signum() <= 0) {
            throw new IllegalArgumentException("field " + id + ": max " + max.get().toPlainString()
                    + " is not positive");
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

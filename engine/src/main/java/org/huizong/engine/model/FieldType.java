package org.huizong.engine.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of value a field holds, with the defaults that {@code standard-return.md} fixes, and
 * the largest value of each numeric kind that is still plausible for one school: a figure above
 * it is a typing slip or an attack, never a fact (a field's {@code max} may say otherwise).
 */
public enum FieldType {
    /** Whole number {@code >= 0}; at most 10^7 (ten million: people, items, times). */
    COUNT(0, 7),
    /** 万元 (10,000 yuan), {@code >= 0}, at most 4 decimals (one yuan); at most 10^8 万元. */
    MONEY(4, 8),
    /** 平方米, {@code >= 0}, at most 2 decimals; at most 10^8 m² (100 km²). */
    AREA(2, 8),
    TEXT(0, -1),
    /** One of a closed list of values. */
    ENUM(0, -1),
    /** An 11-digit mobile number or a landline with its area code (0555-1234567). */
    PHONE(0, -1);

    private final int defaultDecimals;
    /** The default upper bound as a power of ten; -1 for a type that is no number. */
    private final int maxDigits;

    FieldType(int defaultDecimals, int maxDigits) {
        this.defaultDecimals = defaultDecimals;
        this.maxDigits = maxDigits;
    }

    /** The largest plausible value of one school's figure; empty for a type that is no number. */
    public Optional<BigDecimal> defaultMax() {
        return maxDigits < 0 ? Optional.empty() : Optional.of(BigDecimal.TEN.pow(maxDigits));
    }

    public int defaultDecimals() {
        return defaultDecimals;
    }

    public boolean isNumeric() {
        return maxDigits >= 0;
    }

    /** The spec's lower-case name, {@code count}, {@code money}, ... */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FieldType parse(String name) {
        for (FieldType t : values()) {
            if (t.specName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + name
                + "' (count, money, area, text, enum, phone)");
    }
}

package org.huizong.engine.model;

import java.util.Locale;

/** The kinds of value a field holds, with the defaults that {@code standard-return.md} fixes. */
public enum FieldType {
    /** Whole number {@code >= 0}. */
    COUNT(0, true),
    /** 万元 (10,000 yuan), {@code >= 0}, at most 4 decimals (one yuan). */
    MONEY(4, true),
    /** 平方米, {@code >= 0}, at most 2 decimals. */
    AREA(2, true),
    TEXT(0, false),
    /** One of a closed list of values. */
    ENUM(0, false),
    /** An 11-digit mobile number or a landline with its area code (0555-1234567). */
    PHONE(0, false);

    private final int defaultDecimals;
    private final boolean numeric;

    FieldType(int defaultDecimals, boolean numeric) {
        this.defaultDecimals = defaultDecimals;
        this.numeric = numeric;
    }

    public int defaultDecimals() {
        return defaultDecimals;
    }

    public boolean isNumeric() {
        return numeric;
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

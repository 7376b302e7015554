package org.huizong.engine.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A non-blank value read from a cell. Blank cells have no value at all. */
public sealed interface Value {

    /** A number, exact as typed (no binary floating point). */
    record Num(BigDecimal value) implements Value {
        public Num {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /** Text, trimmed; never empty. */
    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value;
        }
    }

    /** The value as a clerk would write it. */
    String display();

    static Value of(long n) {
        return new Num(BigDecimal.valueOf(n));
    }

    static Value of(BigDecimal n) {
        return new Num(n);
    }

    static Value of(String s) {
        return new Text(s);
    }
}

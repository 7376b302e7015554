package org.huizong.engine.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A non-blank value read from a cell. Blank cells have no value at all. */
public sealed interface Value {

    /** A number, exact as typed (no binary floating point). */
    record Num(BigDecimal value) implements Value {
        /**
         * The whole numbers below this, the most common figures (counts, zeros), are shared:
         * a fold over 30,000 schools held some 40 of them a school, 56 bytes each.
         */
        private static final int SHARED_BELOW = 1024;
        private static final Num[] SHARED = shared();

        public Num {
            Objects.requireNonNull(value, "value");
        }

        private static Num[] shared() {
            Num[] out = new Num[SHARED_BELOW];
            for (int i = 0; i < out.length; i++) {
                out[i] = new Num(BigDecimal.valueOf(i));
            }
            return out;
        }

        /** {@code value} as a number, one shared instance for a small whole number. */
        static Num of(BigDecimal value) {
            // scale 0 only: 5.0 stays 5.0, as typed
            if (value.scale() == 0 && value.signum() >= 0 && value.precision() <= 4) {
                int i = value.intValue();
                if (i < SHARED_BELOW) {
                    return SHARED[i];
                }
            }
            return new Num(value);
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
        return Num.of(BigDecimal.valueOf(n));
    }

    static Value of(BigDecimal n) {
        return Num.of(n);
    }

    static Value of(String s) {
        return new Text(s);
    }
}

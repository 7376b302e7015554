package org.huizong.engine.rules;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.Value;

/** A value during evaluation: number, text, blank, unknown (division by zero) or a truth. */
sealed interface Operand {

    record Num(BigDecimal value) implements Operand {
        public Num {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Num n && n.value.compareTo(value) == 0;
        }

        @Override
        public int hashCode() {
            return value.stripTrailingZeros().hashCode();
        }
    }

    record Text(String value) implements Operand {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A blank cell: 0 in arithmetic, {@code ""} against text. */
    enum Blank implements Operand { INSTANCE }

    /** Cannot be computed (division by zero, text in arithmetic): comparisons with it hold. */
    enum Unknown implements Operand { INSTANCE }

    enum Bool implements Operand {
        FALSE, TRUE;

        static Bool of(boolean b) {
            return b ? TRUE : FALSE;
        }

        boolean value() {
            return this == TRUE;
        }
    }

    static Operand of(Optional<Value> v) {
        if (v.isEmpty()) {
            return Blank.INSTANCE;
        }
        return v.get() instanceof Value.Num n ? new Num(n.value()) : new Text(v.get().display());
    }

    /** A number or a blank (which counts as 0). */
    static boolean isNumeric(Operand v) {
        return v instanceof Num || v instanceof Blank;
    }

    static BigDecimal num(Operand v) {
        return v instanceof Num n ? n.value() : BigDecimal.ZERO;
    }

    /**
     * Equality as {@code =} has it: numbers (blank as 0) by value, texts (blank as "") by text,
     * a number never equals a text.
     */
    static boolean same(Operand l, Operand r) {
        if (l instanceof Blank && r instanceof Blank) {
            return true;
        }
        if (isNumeric(l) && isNumeric(r)) {
            return num(l).compareTo(num(r)) == 0;
        }
        boolean textual = (l instanceof Text || l instanceof Blank)
                && (r instanceof Text || r instanceof Blank);
        if (textual) {
            return text(l).equals(text(r));
        }
        return false;
    }

    private static String text(Operand v) {
        return v instanceof Text t ? t.value() : "";
    }
}

package org.huizong.engine.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * The functions of the rule language, with their arity and what kind of value they yield. The
 * list is closed: a name not here is a syntax error, so a typo never silently passes a rule.
 */
public enum RuleFunction {
    /** Sum of numbers; a table column argument means all its used rows. */
    SUM("sum", 1, Integer.MAX_VALUE, false, ArgShape.ANY),
    MAX("max", 1, Integer.MAX_VALUE, false, ArgShape.ANY),
    MIN("min", 1, Integer.MAX_VALUE, false, ArgShape.ANY),
    ABS("abs", 1, 1, false, ArgShape.ANY),
    /** {@code round(x, n)}: half away from zero, like Excel's ROUND. */
    ROUND("round", 2, 2, false, ArgShape.ANY),
    /** {@code if(c, a, b)}: its kind is that of {@code a} and {@code b}. */
    IF("if", 3, 3, false, ArgShape.ANY),
    BLANK("blank", 1, 1, true, ArgShape.FIELDS),
    PRESENT("present", 1, 1, true, ArgShape.FIELDS),
    /** {@code type_is("义务", "小学")}: school type or group names, string literals only. */
    TYPE_IS("type_is", 1, Integer.MAX_VALUE, true, ArgShape.STRINGS),
    /** {@code approx(a, b[, tol])}: equality within 0.00005 (half a yuan in 万元) by default. */
    APPROX("approx", 2, 3, true, ArgShape.ANY),
    /** {@code count(col)}: used rows whose column is filled. */
    COUNT("count", 1, 1, false, ArgShape.FIELDS),
    /** {@code countif(col, v)}: used rows whose column equals {@code v}. */
    COUNTIF("countif", 2, 2, false, ArgShape.FIELD_FIRST),
    /** {@code sumif(sumcol, col, v)}: sum of {@code sumcol} over rows whose {@code col} is v. */
    SUMIF("sumif", 3, 3, false, ArgShape.TWO_FIELDS_FIRST),
    /** {@code prev(f)}: the same school's value of {@code f} in the previous return. */
    PREV("prev", 1, 1, false, ArgShape.FIELDS),
    /** {@code outlier(x)}: x is an outlier among schools of the same type. */
    OUTLIER("outlier", 1, 1, true, ArgShape.ANY);

    /** Which arguments must be plain field ids or string literals. */
    enum ArgShape { ANY, FIELDS, STRINGS, FIELD_FIRST, TWO_FIELDS_FIRST }

    private final String spelling;
    private final int minArgs;
    private final int maxArgs;
    private final boolean condition;
    private final ArgShape shape;

    RuleFunction(String spelling, int minArgs, int maxArgs, boolean condition, ArgShape shape) {
        this.spelling = spelling;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.condition = condition;
        this.shape = shape;
    }

    /** The name as written in rules, lower case. */
    public String spelling() {
        return spelling;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    /** Whether a call yields true/false rather than a value ({@code IF} yields its branches'). */
    public boolean isCondition() {
        return condition;
    }

    ArgShape shape() {
        return shape;
    }

    /** Whether the argument at a zero-based index must be a plain field id. */
    boolean wantsField(int index) {
        return switch (shape) {
            case FIELDS -> true;
            case FIELD_FIRST -> index == 0;
            case TWO_FIELDS_FIRST -> index <= 1;
            default -> false;
        };
    }

    /** Case-insensitive lookup: {@code SUM} and {@code sum} are the same function. */
    public static Optional<RuleFunction> find(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (RuleFunction f : values()) {
            if (f.spelling.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every function name, comma separated, for error messages. */
    static String names() {
        StringBuilder sb = new StringBuilder();
        for (RuleFunction f : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.spelling);
        }
        return sb.toString();
    }

    /** The arity after 需要: {@code " 2 个"}, {@code " 2 到 3 个"}, {@code "至少 1 个"}. */
    String arityText() {
        if (minArgs == maxArgs) {
            return " " + minArgs + " 个";
        }
        if (maxArgs == Integer.MAX_VALUE) {
            return "至少 " + minArgs + " 个";
        }
        return " " + minArgs + " 到 " + maxArgs + " 个";
    }
}

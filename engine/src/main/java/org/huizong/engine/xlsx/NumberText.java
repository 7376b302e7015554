package org.huizong.engine.xlsx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads numbers the way a school clerk writes them. Forgiving where the intent is certain (text
 * that is a number, thousands separators, full-width digits, stray spaces, a dash or 无 for
 * nothing); strict where a guess would put a wrong figure into county totals (约300, 300余,
 * 12.6万, 3人).
 *
 * <p>Bounded: text longer than {@link #MAX_LENGTH} characters is no figure and is not parsed
 * (parsing a long digit string costs time quadratic in its length), and a number of
 * {@link #LIMIT} or more in magnitude is out of range: no spreadsheet keeps its digits, and no
 * count, amount or area of a school comes near it. Either is read as what it is, never as a
 * number, so it cannot reach a total.
 */
public final class NumberText {
    /** The longest number text parsed, in characters (a double prints in at most 24). */
    public static final int MAX_LENGTH = 40;
    private static final int LIMIT_DIGITS = 15;
    /**
     * Numbers read are smaller than this in magnitude: 10^15, past Excel's 15 digits; and,
     * unless 0, at least 10^-40.
     */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(LIMIT_DIGITS);
    /** Excel keeps 15 significant digits; anything beyond is binary floating-point noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    /** How much of an over-long text a message quotes. */
    private static final int QUOTED = 12;
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d+)?|\\.\\d+)");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Set<String> DASHES = Set.of("-", "--", "—", "——", "–", "―", "/", "无",
            "－", "／");

    private NumberText() {
    }

    /** What a text cell in a numeric field means. */
    public sealed interface Reading {
    }

    /** The cell holds nothing but spaces. */
    public record Blank() implements Reading {
    }

    /**
     * A number.
     *
     * @param fullWidth whether it was typed with full-width digits (a notice says so)
     */
    public record Number(BigDecimal value, boolean fullWidth) implements Reading {
    }

    /** A dash or 无: nothing happened, read as 0 with a notice. */
    public record Dash(String typed) implements Reading {
    }

    /** Not a number: an error at the cell, the text quoted. */
    record NotANumber(String typed) implements Reading {
    }

    /**
     * Text too long to be a figure: an error at the cell.
     *
     * @param length how many characters it has
     * @param start its first characters and an ellipsis, to quote
     */
    public record TooLong(int length, String start) implements Reading {
    }

    /** A number of {@link #LIMIT} or more in magnitude (1E+308), or below 10^-40: an error. */
    public record OutOfRange(String typed) implements Reading {
    }

    public static Reading parse(String text) {
        String trimmed = trim(text);
        if (trimmed.isEmpty()) {
            return new Blank();
        }
        if (trimmed.length() > MAX_LENGTH) {
            return tooLong(trimmed);
        }
        String half = toHalfWidth(trimmed);
        boolean fullWidth = !half.equals(trimmed) && !DASHES.contains(trimmed);
        if (DASHES.contains(trimmed) || DASHES.contains(half)) {
            return new Dash(trimmed);
        }
        String s = half.replace('，', ',');
        if (PLAIN.matcher(s).matches()) {
            return number(new BigDecimal(s), fullWidth, trimmed);
        }
        if (GROUPED.matcher(s).matches()) {
            return number(new BigDecimal(s.replace(",", "")), fullWidth, trimmed);
        }
        return new NotANumber(trimmed);
    }

    /**
     * A numeric cell's stored text ({@code 300}, {@code 12.3456}, {@code 1.5E-3}) as an exact
     * decimal, rounded to Excel's 15 significant digits so that {@code 0.30000000000000004}
     * written by a script reads as the 0.3 Excel shows; or, past the bounds, what it is.
     */
    public static Reading stored(String raw) {
        String s = raw.trim();
        if (s.length() > MAX_LENGTH) {
            return tooLong(s);
        }
        try {
            return number(new BigDecimal(s), false, s);
        } catch (NumberFormatException e) {
            return new NotANumber(s);
        }
    }

    /**
     * A numeric cell's stored text as text (a number in a text field, a code, a 说明): the
     * number as Excel shows it, or the stored text itself when it is no number in range.
     */
    public static String storedText(String raw) {
        return stored(raw) instanceof Number n ? n.value().toPlainString() : raw.trim();
    }

    /**
     * {@code v} in range, or out of it: judged by its exponent before anything is computed
     * from it, since {@code 1E+999999999} is twelve characters long.
     */
    private static Reading number(BigDecimal v, boolean fullWidth, String typed) {
        long exponent = (long) v.precision() - v.scale() - 1;
        if (v.signum() != 0 && (exponent >= LIMIT_DIGITS || exponent < -MAX_LENGTH)) {
            return new OutOfRange(typed);
        }
        BigDecimal n = normalize(v);
        return n.abs().compareTo(LIMIT) < 0 ? new Number(n, fullWidth) : new OutOfRange(typed);
    }

    private static TooLong tooLong(String s) {
        return new TooLong(s.length(), s.substring(0, QUOTED) + "…");
    }

    /** The canonical form of a number read from a cell: no trailing zeros, never an exponent. */
    public static BigDecimal normalize(BigDecimal v) {
        BigDecimal r = v.precision() > 15 ? v.round(EXCEL_PRECISION) : v;
        r = r.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** Trims ASCII and Unicode spaces, including the ideographic space and no-break space. */
    public static String trim(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00a0'
                || c == '\ufeff';
    }

    /** Full-width digits, point, minus and plus to ASCII; other characters unchanged. */
    public static String toHalfWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                sb.append((char) ('0' + (c - '０')));
            } else if (c == '．' || c == '。' && isDigitAround(s, i)) {
                sb.append('.');
            } else if (c == '－') {
                sb.append('-');
            } else if (c == '＋') {
                sb.append('+');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A 。 between digits is a decimal point typed with a Chinese input method. */
    private static boolean isDigitAround(String s, int i) {
        return i > 0 && i + 1 < s.length() && isAnyDigit(s.charAt(i - 1))
                && isAnyDigit(s.charAt(i + 1));
    }

    private static boolean isAnyDigit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }
}

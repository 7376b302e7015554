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
 */
public final class NumberText {
    /** Excel keeps 15 significant digits; anything beyond is binary floating-point noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
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

    public static Reading parse(String text) {
        String trimmed = trim(text);
        if (trimmed.isEmpty()) {
            return new Blank();
        }
        String half = toHalfWidth(trimmed);
        boolean fullWidth = !half.equals(trimmed) && !DASHES.contains(trimmed);
        if (DASHES.contains(trimmed) || DASHES.contains(half)) {
            return new Dash(trimmed);
        }
        String s = half.replace('，', ',');
        if (PLAIN.matcher(s).matches()) {
            return new Number(normalize(new BigDecimal(s)), fullWidth);
        }
        if (GROUPED.matcher(s).matches()) {
            return new Number(normalize(new BigDecimal(s.replace(",", ""))), fullWidth);
        }
        return new NotANumber(trimmed);
    }

    /**
     * A numeric cell's stored text ({@code 300}, {@code 12.3456}, {@code 1.5E-3}) as an exact
     * decimal, rounded to Excel's 15 significant digits so that {@code 0.30000000000000004}
     * written by a script reads as the 0.3 Excel shows.
     */
    public static BigDecimal ofStored(String raw) {
        return normalize(new BigDecimal(raw.trim()));
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

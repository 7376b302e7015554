package org.huizong.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * 舍位平衡: rounds the parts of a total to a number of decimals so that the shown parts add up to
 * the shown total, as a bureau table shown in 亿元 must (three projects of 1.004 亿元 each, total
 * 3.012, are shown as 1.01, 1.00 and 1.00 with the total 3.01, not as 1.00 three times).
 *
 * <p>The contract, for parts {@code p} and a scale {@code s} (unit {@code u = 10^-s}):
 * <ul>
 *   <li>each shown part is its exact part rounded either down or up to the scale, so it differs
 *       from the exact part by less than one unit {@code u}; a part already exact at the scale is
 *       shown unchanged;
 *   <li>the shown parts add up exactly to the shown total, which is the exact total rounded half
 *       up ({@link RoundingMode#HALF_UP}, away from zero on a tie) to the scale, or a given total;
 *   <li>the largest-remainder (Hamilton) method decides which parts go up: every part is first
 *       rounded toward negative infinity, leaving a remainder in {@code [0, u)} whatever its sign,
 *       and the units still missing from the total go to the parts with the largest remainders,
 *       an earlier part before a later one on equal remainders;
 *   <li>the result depends on the parts, their order and the scale only.
 * </ul>
 * Every shown value, parts and total, has exactly the scale {@code s}: {@code 1.00}, not
 * {@code 1}.
 */
public final class BalancedRounding {
    /** The most decimals a figure of a collection has. */
    public static final int MAX_SCALE = 6;

    private BalancedRounding() {
    }

    /**
     * The shown parts and the total they add up to.
     *
     * @param parts the shown parts, in the order of the exact parts, each of the scale
     * @param total the sum of {@code parts}
     */
    public record Balanced(List<BigDecimal> parts, BigDecimal total) {
        public Balanced {
            parts = List.copyOf(parts);
            Objects.requireNonNull(total, "total");
            if (sum(parts).compareTo(total) != 0) {
                throw new IllegalArgumentException("parts " + parts + " do not add up to "
                        + total.toPlainString());
            }
        }
    }

    /**
     * Rounds {@code parts} to {@code scale} decimals so that they add up to their exact total
     * rounded half up to that scale.
     *
     * @param parts the exact parts, in their order of display; may be empty (total 0)
     * @param scale decimals shown, 0 to {@link #MAX_SCALE}
     */
    public static Balanced balance(List<BigDecimal> parts, int scale) {
        checkScale(scale);
        BigDecimal exact = sum(parts);
        return distribute(parts, scale, exact.setScale(scale, RoundingMode.HALF_UP));
    }

    /**
     * Rounds {@code parts} to {@code scale} decimals so that they add up to {@code total}, a total
     * fixed elsewhere (a figure already published, say).
     *
     * @param parts the exact parts, in their order of display
     * @param scale decimals shown, 0 to {@link #MAX_SCALE}
     * @param total the shown total, exact at {@code scale} decimals
     * @throws IllegalArgumentException if {@code total} has more decimals than {@code scale}, or
     *     cannot be reached by rounding each part down or up (it is below the sum of the parts
     *     rounded down, or above the sum of the parts rounded up)
     */
    public static Balanced balance(List<BigDecimal> parts, int scale, BigDecimal total) {
        checkScale(scale);
        Objects.requireNonNull(total, "total");
        BigDecimal shown;
        try {
            shown = total.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("total " + total.toPlainString() + " has more than "
                    + scale + " decimals", e);
        }
        return distribute(parts, scale, shown);
    }

    private static Balanced distribute(List<BigDecimal> parts, int scale, BigDecimal total) {
        int n = parts.size();
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        List<BigDecimal> shown = new ArrayList<>(n);
        List<BigDecimal> remainders = new ArrayList<>(n);
        int inexact = 0;
        for (BigDecimal p : parts) {
            BigDecimal down = p.setScale(scale, RoundingMode.FLOOR);
            shown.add(down);
            remainders.add(p.subtract(down));
            if (p.compareTo(down) != 0) {
                inexact++;
            }
        }
        BigDecimal floors = sum(shown).setScale(scale, RoundingMode.UNNECESSARY);
        // whole units, since both are exact at the scale
        int missing = total.subtract(floors).divide(unit).intValueExact();
        if (missing < 0 || missing > inexact) {
            throw new IllegalArgumentException("total " + total.toPlainString()
                    + " cannot be reached by rounding each of " + parts + " down or up to " + scale
                    + " decimals: the parts rounded down add up to " + floors.toPlainString()
                    + " and " + inexact + " of them can go up by " + unit.toPlainString());
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // a stable sort keeps earlier parts first among equal remainders
        order.sort(Comparator.comparing(remainders::get, Comparator.reverseOrder()));
        for (int i : order.subList(0, missing)) {
            shown.set(i, shown.get(i).add(unit));
        }
        return new Balanced(shown, total);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(Objects.requireNonNull(v, "a part"));
        }
        return s;
    }

    private static void checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale " + scale + " is not between 0 and "
                    + MAX_SCALE);
        }
    }
}

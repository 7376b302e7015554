package org.huizong.engine.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a bureau summary writes numbers: no digit grouping, the unit right after the number with
 * no space, rounding half-up. Everything here is independent of the default locale.
 */
public final class ChineseNumbers {
    /** 10,000 万元 is one 亿元: from there on money reads in 亿元. */
    private static final BigDecimal ONE_YI_IN_WAN = BigDecimal.valueOf(10_000);
    /**
     * 万元 are written to the hundred yuan (398.64万元), as county tables show them; a field
     * keeps the yuan (4 decimals), which a summary's reader has no use for.
     */
    static final int MONEY_DECIMALS = 2;
    /** 亿元 figures are read to the million (6.93亿元); finer digits only distract. */
    static final int YI_DECIMALS = 2;
    static final int AREA_DECIMALS = 2;
    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseNumbers() {
    }

    /** A count: the whole number (half-up) and its unit, {@code 3427名}. */
    public static String count(BigDecimal value, String unit) {
        return roundCount(value).toPlainString() + unit;
    }

    /**
     * Money given in 万元: up to 2 decimals with trailing zeros dropped ({@code 12.6万元},
     * {@code 47万元}); from 10,000 万元 on in 亿元 with up to 2 decimals ({@code 6.9亿元}).
     */
    public static String money(BigDecimal wanYuan) {
        BigDecimal r = roundMoney(wanYuan);
        if (r.abs().compareTo(ONE_YI_IN_WAN) >= 0) {
            return plain(r.movePointLeft(4).setScale(YI_DECIMALS, RoundingMode.HALF_UP)) + "亿元";
        }
        return plain(r) + "万元";
    }

    /** An area in 平方米: up to 2 decimals, trailing zeros dropped ({@code 7700平方米}). */
    public static String area(BigDecimal squareMetres) {
        return plain(roundArea(squareMetres)) + "平方米";
    }

    /**
     * A ratio as a percentage with exactly {@code decimals} decimals: 0.91667 and 1 give
     * {@code 91.7%}; 0.9875 with 2 decimals gives {@code 98.75%}.
     *
     * @param ratio the ratio itself (1 is 100%), as an indicator's expression yields it
     */
    public static String percent(BigDecimal ratio, int decimals) {
        return roundPercent(ratio, decimals).toPlainString() + "%";
    }

    /**
     * A Chinese ordinal for section numbers: 1 to {@code 一}, 10 to {@code 十}, 12 to {@code 十二},
     * 20 to {@code 二十}.
     *
     * @param n 1..99
     */
    public static String ordinal(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("section number " + n + " outside 1..99");
        }
        int tens = n / 10;
        int ones = n % 10;
        if (tens == 0) {
            return DIGITS[ones];
        }
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + DIGITS[ones];
    }

    static BigDecimal roundCount(BigDecimal value) {
        return Objects.requireNonNull(value, "value").setScale(0, RoundingMode.HALF_UP);
    }

    static BigDecimal roundMoney(BigDecimal value) {
        return Objects.requireNonNull(value, "value")
                .setScale(MONEY_DECIMALS, RoundingMode.HALF_UP);
    }

    static BigDecimal roundArea(BigDecimal value) {
        return Objects.requireNonNull(value, "value").setScale(AREA_DECIMALS, RoundingMode.HALF_UP);
    }

    static BigDecimal roundPercent(BigDecimal ratio, int decimals) {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("percent decimals " + decimals + " outside 0..6");
        }
        return Objects.requireNonNull(ratio, "ratio").movePointRight(2)
                .setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Trailing zeros dropped, never in exponent form. */
    private static String plain(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s).toPlainString();
    }
}

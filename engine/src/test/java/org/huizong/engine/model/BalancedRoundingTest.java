package org.huizong.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huizong.engine.model.BalancedRounding.Balanced;
import org.junit.jupiter.api.Test;

class BalancedRoundingTest {
    private static final int CASES = 2_000;

    private static List<BigDecimal> decimals(String... values) {
        List<BigDecimal> list = new ArrayList<>();
        for (String v : values) {
            list.add(new BigDecimal(v));
        }
        return list;
    }

    @Test
    void threeProjectsOf10040WanShownInYiAddUpToTheRoundedTotal() {
        // 10,040 万元 = 1.004 亿元 each: exact total 3.012 亿元, shown 3.01
        List<BigDecimal> yi = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            yi.add(new BigDecimal("10040").movePointLeft(4));
        }

        Balanced b = BalancedRounding.balance(yi, 2);

        assertThat(b.total()).isEqualTo("3.01");
        // all remainders are 0.004, one unit is missing after rounding down: the earliest gets it
        assertThat(b.parts()).containsExactlyElementsOf(decimals("1.01", "1.00", "1.00"));
    }

    @Test
    void theLargestRemaindersGoUpWhateverTheirPosition() {
        Balanced b = BalancedRounding.balance(decimals("1.001", "1.004", "1.003", "1.004"), 2);

        // total 4.012 -> 4.01: one unit to the first of the two largest remainders (0.004)
        assertThat(b.parts()).containsExactlyElementsOf(decimals("1.00", "1.01", "1.00", "1.00"));
        assertThat(b.total()).isEqualTo("4.01");
    }

    @Test
    void negativePartsAreRoundedDownTowardNegativeInfinityFirst() {
        Balanced b = BalancedRounding.balance(decimals("-1.004", "-1.004", "-1.004"), 2);

        // floors -1.01 (remainder 0.006 each) add up to -3.03; the total -3.012 shows -3.01
        assertThat(b.total()).isEqualTo("-3.01");
        assertThat(b.parts()).containsExactlyElementsOf(decimals("-1.00", "-1.00", "-1.01"));
    }

    @Test
    void aTieInTheTotalRoundsHalfUp() {
        Balanced b = BalancedRounding.balance(decimals("0.5", "0.5", "0.5"), 0);

        assertThat(b.total()).isEqualTo("2");
        assertThat(b.parts()).containsExactlyElementsOf(decimals("1", "1", "0"));
    }

    @Test
    void noPartsAddUpToZeroAtTheScale() {
        Balanced b = BalancedRounding.balance(List.of(), 3);

        assertThat(b.parts()).isEmpty();
        assertThat(b.total()).isEqualTo("0.000");
    }

    @Test
    void aGivenTotalIsReachedWithinOneUnitOfEachPart() {
        // the exact total 3.012 would show 3.01; a published 3.02 moves one more part up
        Balanced b = BalancedRounding.balance(decimals("1.004", "1.004", "1.004"), 2,
                new BigDecimal("3.02"));

        assertThat(b.parts()).containsExactlyElementsOf(decimals("1.01", "1.01", "1.00"));
        assertThat(b.total()).isEqualTo("3.02");
    }

    @Test
    void aGivenTotalOutOfReachIsRefusedWithTheParts() {
        List<BigDecimal> parts = decimals("1.004", "1.00", "1.004");

        assertThatThrownBy(() -> BalancedRounding.balance(parts, 2, new BigDecimal("3.03")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("total 3.03 cannot be reached by rounding each of [1.004, 1.00, 1.004]"
                        + " down or up to 2 decimals: the parts rounded down add up to 3.00 and 2"
                        + " of them can go up by 0.01");
        assertThatThrownBy(() -> BalancedRounding.balance(parts, 2, new BigDecimal("2.99")))
                .hasMessageStartingWith("total 2.99 cannot be reached");
        assertThatThrownBy(() -> BalancedRounding.balance(parts, 2, new BigDecimal("3.005")))
                .hasMessage("total 3.005 has more than 2 decimals");
    }

    @Test
    void aScaleOutsideZeroToSixIsRefused() {
        assertThatThrownBy(() -> BalancedRounding.balance(List.of(BigDecimal.ONE), 7))
                .hasMessage("scale 7 is not between 0 and 6");
        assertThatThrownBy(() -> BalancedRounding.balance(List.of(BigDecimal.ONE), -1))
                .hasMessage("scale -1 is not between 0 and 6");
    }

    /** One seeded random case: 1 to 30 parts and a scale. */
    private record Case(int index, int scale, List<BigDecimal> parts) {
        String label() {
            return "case " + index + ": " + parts + " at scale " + scale;
        }
    }

    /** {@link #CASES} cases from {@code seed}: positive, mixed-sign and zero-heavy in turn. */
    private static List<Case> cases(long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>(CASES);
        for (int c = 0; c < CASES; c++) {
            int scale = random.nextInt(BalancedRounding.MAX_SCALE + 1);
            cases.add(new Case(c, scale, randomParts(random, c % 3)));
        }
        return cases;
    }

    @Test
    void randomPartsKeepTheContract() {
        for (Case c : cases(20240701L)) {
            Balanced b = BalancedRounding.balance(c.parts(), c.scale());

            BigDecimal exactTotal = c.parts().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(b.total()).as(c.label()).isEqualTo(exactTotal.setScale(c.scale(),
                    RoundingMode.HALF_UP));
            assertKeepsTheContract(c.parts(), c.scale(), b, c.label());
            assertThat(BalancedRounding.balance(new ArrayList<>(c.parts()), c.scale()))
                    .as(c.label()).isEqualTo(b);
        }
    }

    @Test
    void randomGivenTotalsWithinReachKeepTheContract() {
        Random choice = new Random(7L);
        for (Case c : cases(8L)) {
            BigDecimal unit = BigDecimal.ONE.movePointLeft(c.scale());
            BigDecimal low = BigDecimal.ZERO.setScale(c.scale());
            int inexact = 0;
            for (BigDecimal p : c.parts()) {
                low = low.add(p.setScale(c.scale(), RoundingMode.FLOOR));
                inexact += p.stripTrailingZeros().scale() > c.scale() ? 1 : 0;
            }
            BigDecimal total = low.add(unit.multiply(BigDecimal.valueOf(
                    choice.nextInt(inexact + 1))));

            Balanced b = BalancedRounding.balance(c.parts(), c.scale(), total);

            assertThat(b.total()).as(c.label() + " to " + total).isEqualTo(total);
            assertKeepsTheContract(c.parts(), c.scale(), b, c.label() + " to " + total);
        }
    }

    @Test
    void partsExactAtTheScaleAreShownUnchanged() {
        Random random = new Random(11L);
        for (int c = 0; c < CASES; c++) {
            int scale = random.nextInt(BalancedRounding.MAX_SCALE + 1);
            List<BigDecimal> parts = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                parts.add(BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000,
                        random.nextInt(scale + 1)));
            }

            Balanced b = BalancedRounding.balance(parts, scale);

            for (int i = 0; i < n; i++) {
                assertThat(b.parts().get(i)).as("case %d part %d of %s", c, i, parts)
                        .isEqualByComparingTo(parts.get(i));
            }
        }
    }

    /**
     * Each shown part is its exact part rounded down or up, of the scale, adding up to the total;
     * a part goes up only if no part left down has a larger remainder, or an equal one earlier.
     */
    private static void assertKeepsTheContract(List<BigDecimal> parts, int scale, Balanced b,
            String label) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        assertThat(b.parts()).as(label).hasSameSizeAs(parts);
        assertThat(b.parts().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as(label)
                .isEqualByComparingTo(b.total());
        assertThat(b.total().scale()).as(label).isEqualTo(scale);
        List<BigDecimal> upRemainders = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = parts.get(i);
            BigDecimal shown = b.parts().get(i);
            String part = label + ", part " + i;
            assertThat(shown.scale()).as(part).isEqualTo(scale);
            assertThat(shown.subtract(exact).abs()).as(part).isLessThan(unit);
            assertThat(shown).as(part).isIn(exact.setScale(scale, RoundingMode.FLOOR),
                    exact.setScale(scale, RoundingMode.CEILING));
            upRemainders.add(shown.compareTo(exact) > 0 ? exact.subtract(shown.subtract(unit))
                    : null);
        }
        for (int j = 0; j < parts.size(); j++) {
            BigDecimal down = parts.get(j).subtract(b.parts().get(j));
            for (int i = 0; i < parts.size() && upRemainders.get(j) == null; i++) {
                BigDecimal up = upRemainders.get(i);
                if (up != null) {
                    int vs = down.compareTo(up);
                    assertThat(vs < 0 || (vs == 0 && j > i)).as("%s: part %d stays down with "
                            + "remainder %s, part %d went up with %s", label, j, down, i, up)
                            .isTrue();
                }
            }
        }
    }

    /** 1 to 30 parts of 0 to 6 decimals: kind 0 positive, 1 mixed signs, 2 many zeros. */
    private static List<BigDecimal> randomParts(Random random, int kind) {
        int n = 1 + random.nextInt(30);
        List<BigDecimal> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long unscaled = (long) (random.nextDouble() * Math.pow(10, 1 + random.nextInt(9)));
            if ((kind == 1 && random.nextBoolean()) || (kind == 2 && random.nextInt(4) == 0)) {
                unscaled = -unscaled;
            }
            if (kind == 2 && random.nextInt(3) == 0) {
                unscaled = 0;
            }
            parts.add(BigDecimal.valueOf(unscaled, random.nextInt(7)));
        }
        return parts;
    }
}

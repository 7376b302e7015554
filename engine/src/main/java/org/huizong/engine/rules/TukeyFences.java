package org.huizong.engine.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tukey's far-out fences over one school type's values: x is an outlier when it lies more than
 * three spreads below the first or above the third quartile. The spread is the interquartile
 * range, but at least a tenth of the median's size, so a type where most schools report the same
 * figure does not flag every small difference. Fewer than {@value #MIN_SCHOOLS} schools, or a
 * zero spread, flag nothing: there is no norm to deviate from.
 */
final class TukeyFences {
    static final int MIN_SCHOOLS = 5;
    private static final BigDecimal FAR = BigDecimal.valueOf(3);
    private static final BigDecimal MIN_SPREAD_SHARE = new BigDecimal("0.1");

    private final Optional<BigDecimal> low;
    private final Optional<BigDecimal> high;

    private TukeyFences(Optional<BigDecimal> low, Optional<BigDecimal> high) {
        this.low = low;
        this.high = high;
    }

    static TukeyFences of(List<BigDecimal> values) {
        if (values.size() < MIN_SCHOOLS) {
            return new TukeyFences(Optional.empty(), Optional.empty());
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        BigDecimal q1 = quantile(sorted, new BigDecimal("0.25"));
        BigDecimal median = quantile(sorted, new BigDecimal("0.5"));
        BigDecimal q3 = quantile(sorted, new BigDecimal("0.75"));
        BigDecimal spread = q3.subtract(q1).max(median.abs().multiply(MIN_SPREAD_SHARE));
        if (spread.signum() == 0) {
            return new TukeyFences(Optional.empty(), Optional.empty());
        }
        BigDecimal reach = spread.multiply(FAR);
        return new TukeyFences(Optional.of(q1.subtract(reach)), Optional.of(q3.add(reach)));
    }

    boolean isOutlier(BigDecimal x) {
        return low.isPresent() && (x.compareTo(low.get()) < 0 || x.compareTo(high.get()) > 0);
    }

    /** Linear interpolation between closest ranks, as Excel's QUARTILE.INC. */
    private static BigDecimal quantile(List<BigDecimal> sorted, BigDecimal p) {
        BigDecimal pos = p.multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int i = pos.intValue();
        BigDecimal frac = pos.subtract(BigDecimal.valueOf(i));
        if (i + 1 >= sorted.size()) {
            return sorted.get(i);
        }
        BigDecimal a = sorted.get(i);
        BigDecimal b = sorted.get(i + 1);
        return a.add(b.subtract(a).multiply(frac), MathContext.DECIMAL64);
    }
}

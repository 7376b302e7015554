package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.Period;

/**
 * The previous period's totals, read from that period's consolidated workbook, for 同比.
 *
 * @param file the workbook's file name
 * @param sums numeric field id to its total; fields the previous book lacks are absent
 * @param indicators indicators computed from those totals the same way as this period's
 */
public record PreviousPeriod(String file, Period period, Map<String, BigDecimal> sums,
        Map<String, Optional<BigDecimal>> indicators) {
    public PreviousPeriod {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(period, "period of " + file);
        sums = Collections.unmodifiableMap(new LinkedHashMap<>(sums));
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    }
}

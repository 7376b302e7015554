package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The totals of one group of schools: the county, one school type, one township or one kind of
 * ownership.
 *
 * @param name the group's name as reports print it (全县, 小学, 城关镇, 公办)
 * @param expected schools of the group on the roster
 * @param counted schools of the group whose return is in the totals
 * @param sums field id to the sum over counted returns, every numeric form field (computed ones
 *     too) in the collection's field order; a field no return filled sums to 0
 * @param nonZero field id to how many counted returns have a figure other than 0, same order
 * @param indicators indicator id to its value computed from {@code sums} (and the group's table
 *     rows), in the collection's order; empty when its denominator is 0
 */
public record GroupTotals(String name, int expected, int counted, Map<String, BigDecimal> sums,
        Map<String, Integer> nonZero, Map<String, Optional<BigDecimal>> indicators) {

    public GroupTotals {
        Objects.requireNonNull(name, "name");
        sums = Collections.unmodifiableMap(new LinkedHashMap<>(sums));
        nonZero = Collections.unmodifiableMap(new LinkedHashMap<>(nonZero));
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        if (counted < 0 || counted > expected) {
            throw new IllegalArgumentException("group " + name + ": counted " + counted
                    + " outside 0.." + expected);
        }
    }

    /** The sum of a numeric field; 0 when no counted return filled it. */
    public BigDecimal sum(String fieldId) {
        BigDecimal v = sums.get(fieldId);
        if (v == null) {
            throw new IllegalArgumentException("group " + name + " has no numeric field "
                    + fieldId);
        }
        return v;
    }

    /** An indicator's value, empty when it cannot be computed (denominator 0). */
    public Optional<BigDecimal> indicator(String indicatorId) {
        Optional<BigDecimal> v = indicators.get(indicatorId);
        if (v == null) {
            throw new IllegalArgumentException("group " + name + " has no indicator "
                    + indicatorId);
        }
        return v;
    }
}

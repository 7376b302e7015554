package org.huizong.engine.narrative;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.Period;

/**
 * The figures a narrative is written from, for one area (usually the county) and one period.
 * A figure that is missing from a map was not collected: clauses that need it disappear.
 *
 * @param period the period reported on: 春季学期 for H1, 秋季学期 for H2
 * @param totals totals by field id and indicator id. Money in 万元; a percentage indicator as
 *     the ratio its expression yields (0.9875 for 98.75%)
 * @param nonZeroSchools by field or indicator id, how many schools reported a figure other than
 *     0 ({@code research.smartclass -> 54} for 全县54所学校智慧课堂开课…)
 * @param schoolCounts school counts by their full id: {@code schools.expected} (schools that
 *     should report), {@code schools.received} (returns accepted), and per school type
 *     {@code schools.expected.幼儿园}, {@code schools.received.幼儿园}
 *     {@code schools.expected.幼儿园}, {@code schools.received.幼儿园}; and {@code
 *     schools.comparable} when 同比 is over the schools counted in both periods only (可比口径)
 * @param previous the figures of the same half a year earlier, by the same ids, when known; the
 *     comparisons (比去年…) are left out without it
 * @param area the area word, one character: 县 (全县, 我县) or 市, 区 for a city's or a
 *     district's book
 * @param comparable this period's figures over the schools counted in both periods, when the
 *     previous figures are over those only (可比口径): comparisons take these, never the totals;
 *     empty when the previous figures are totals over the same schools
 */
public record NarrativeInput(Period period, Map<String, BigDecimal> totals,
        Map<String, Integer> nonZeroSchools, Map<String, Integer> schoolCounts,
        Optional<Map<String, BigDecimal>> previous, String area,
        Optional<Map<String, BigDecimal>> comparable) {

    /** The usual area word: a county bureau's book. */
    public static final String COUNTY = "县";

    public NarrativeInput {
        Objects.requireNonNull(period, "period");
        if (area == null || area.codePointCount(0, area.length()) != 1) {
            throw new IllegalArgumentException("area word '" + area + "' is not one character");
        }
        totals = copy(totals, "totals");
        nonZeroSchools = copy(nonZeroSchools, "nonZeroSchools");
        schoolCounts = copy(schoolCounts, "schoolCounts");
        for (String id : schoolCounts.keySet()) {
            if (!id.startsWith(NarrativeVocabulary.EXPECTED)
                    && !id.startsWith(NarrativeVocabulary.RECEIVED)
                    && !id.equals(NarrativeVocabulary.COMPARABLE)) {
                throw new IllegalArgumentException("school count id '" + id + "' is neither "
                        + "schools.expected[.<type>], schools.received[.<type>] nor "
                        + NarrativeVocabulary.COMPARABLE);
            }
        }
        previous = Objects.requireNonNull(previous, "previous").map(p -> copy(p, "previous"));
        comparable = Objects.requireNonNull(comparable, "comparable")
                .map(c -> copy(c, "comparable"));
        if (comparable.isPresent() && previous.isEmpty()) {
            throw new IllegalArgumentException("comparable figures without previous ones");
        }
    }

    /** Figures whose previous ones, if any, are totals over the same schools. */
    public NarrativeInput(Period period, Map<String, BigDecimal> totals,
            Map<String, Integer> nonZeroSchools, Map<String, Integer> schoolCounts,
            Optional<Map<String, BigDecimal>> previous, String area) {
        this(period, totals, nonZeroSchools, schoolCounts, previous, area, Optional.empty());
    }

    /** A county's figures. */
    public NarrativeInput(Period period, Map<String, BigDecimal> totals,
            Map<String, Integer> nonZeroSchools, Map<String, Integer> schoolCounts,
            Optional<Map<String, BigDecimal>> previous) {
        this(period, totals, nonZeroSchools, schoolCounts, previous, COUNTY);
    }

    /** Totals only, no school counts, no previous period. */
    public static NarrativeInput of(Period period, Map<String, BigDecimal> totals) {
        return new NarrativeInput(period, totals, Map.of(), Map.of(), Optional.empty());
    }

    public NarrativeInput withNonZeroSchools(Map<String, Integer> counts) {
        return new NarrativeInput(period, totals, counts, schoolCounts, previous, area,
                comparable);
    }

    public NarrativeInput withSchoolCounts(Map<String, Integer> counts) {
        return new NarrativeInput(period, totals, nonZeroSchools, counts, previous, area,
                comparable);
    }

    /** The previous period's totals, over the same schools as this period's. */
    public NarrativeInput withPrevious(Map<String, BigDecimal> previousTotals) {
        Map<String, Integer> counts = new LinkedHashMap<>(schoolCounts);
        counts.remove(NarrativeVocabulary.COMPARABLE);
        return new NarrativeInput(period, totals, nonZeroSchools, counts,
                Optional.of(previousTotals), area, Optional.empty());
    }

    /**
     * A comparison over the {@code schools} counted in both periods only (可比口径): this
     * period's figures and the previous period's over those schools; {@code schools.comparable}
     * becomes {@code schools}.
     */
    public NarrativeInput withComparison(Map<String, BigDecimal> now,
            Map<String, BigDecimal> before, int schools) {
        Map<String, Integer> counts = new LinkedHashMap<>(schoolCounts);
        counts.put(NarrativeVocabulary.COMPARABLE, schools);
        return new NarrativeInput(period, totals, nonZeroSchools, counts, Optional.of(before),
                area, Optional.of(now));
    }

    /** The same figures for another area word: 市 for a city's book. */
    public NarrativeInput withArea(String word) {
        return new NarrativeInput(period, totals, nonZeroSchools, schoolCounts, previous, word,
                comparable);
    }

    /** A figure of this period: a school count for {@code schools.*} ids, else a total. */
    Optional<BigDecimal> findValue(String id) {
        if (id.startsWith("schools.")) {
            return Optional.ofNullable(schoolCounts.get(id)).map(BigDecimal::valueOf);
        }
        return Optional.ofNullable(totals.get(id));
    }

    /**
     * A figure of this period over the same schools as {@link #findPrevious}: over the schools
     * counted in both periods when the comparison is (可比口径), else the total.
     */
    Optional<BigDecimal> findCompared(String id) {
        if (comparable.isPresent()) {
            return Optional.ofNullable(comparable.get().get(id));
        }
        return findValue(id);
    }

    Optional<BigDecimal> findPrevious(String id) {
        return previous.flatMap(p -> Optional.ofNullable(p.get(id)));
    }

    Optional<BigDecimal> findNonZeroSchools(String id) {
        return Optional.ofNullable(nonZeroSchools.get(id)).map(BigDecimal::valueOf);
    }

    private static <V> Map<String, V> copy(Map<String, V> map, String what) {
        Objects.requireNonNull(map, what);
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(Objects.requireNonNull(k, "id in " + what),
                Objects.requireNonNull(v, () -> what + " has no value for " + k)));
        return Collections.unmodifiableMap(out);
    }
}

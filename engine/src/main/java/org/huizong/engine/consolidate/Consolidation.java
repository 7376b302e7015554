package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.BalancedRounding;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.narrative.NarrativeInput;

/**
 * The result of consolidating a period's returns: county totals, breakdowns, derived indicators,
 * the schools' table rows, completeness against the roster, and the previous period for 同比.
 * Equal inputs in any order give an equal value.
 *
 * @param county the totals of every counted return
 * @param byType totals by school type, in the collection's type order, types on the roster only
 * @param byTownship totals by township, in the order townships first appear on the roster
 * @param byOwnership totals by ownership (公办, 民办), in roster order
 * @param schools every roster school, in roster order
 * @param tableRows table id to the used rows of counted returns, in roster order, then row order
 * @param tableTotals table id to its totals
 * @param outliers consolidation-scope findings ({@code outlier.aid_per_student}) by school
 * @param previous the same period of the year before and what 同比 compares, when its workbook
 *     was given
 */
public record Consolidation(Collection collection, Period period, GroupTotals county,
        Map<String, GroupTotals> byType, Map<String, GroupTotals> byTownship,
        Map<String, GroupTotals> byOwnership, List<SchoolStatus> schools,
        Map<String, List<SchoolTableRow>> tableRows, Map<String, TableTotals> tableTotals,
        Completeness completeness, List<SchoolFindings> outliers,
        Optional<PreviousPeriod> previous) {
    /** 10,000 万元, one 亿元: from there the narrative writes money in 亿元. */
    private static final BigDecimal ONE_YI_IN_WAN = BigDecimal.valueOf(10_000);

    public Consolidation {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(county, "county");
        byType = copy(byType);
        byTownship = copy(byTownship);
        byOwnership = copy(byOwnership);
        schools = List.copyOf(schools);
        Map<String, List<SchoolTableRow>> rows = new LinkedHashMap<>();
        tableRows.forEach((k, v) -> rows.put(k, List.copyOf(v)));
        tableRows = Collections.unmodifiableMap(rows);
        tableTotals = copy(tableTotals);
        Objects.requireNonNull(completeness, "completeness");
        outliers = List.copyOf(outliers);
        Objects.requireNonNull(previous, "previous");
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** County totals: numeric field id to sum, in field order. */
    public Map<String, BigDecimal> totals() {
        return county.sums();
    }

    /** County indicators, computed from the totals. */
    public Map<String, Optional<BigDecimal>> indicators() {
        return county.indicators();
    }

    /** How many counted schools have a figure other than 0, by field id. */
    public Map<String, Integer> nonZero() {
        return county.nonZero();
    }

    /** See {@link Completeness#summary()}. */
    public String summary() {
        return completeness.summary();
    }

    /** What became of every file given, sorted by file name: see {@link FileOutcome#of}. */
    public List<FileOutcome> files() {
        return FileOutcome.of(completeness, schools);
    }

    /** Whether every file given is in the totals: none left out, superseded or refused. */
    public boolean countsEveryFile() {
        return completeness.counted() == completeness.files();
    }

    /**
     * The previous period's figure of a field that 同比 compares with: its total, or over the
     * comparable schools (see {@link PreviousPeriod}); empty when nothing is compared.
     */
    public Optional<BigDecimal> previousSum(String fieldId) {
        return previous.flatMap(p -> Optional.ofNullable(p.sums().get(fieldId)));
    }

    /**
     * This period's figure of a field over the same schools as {@link #previousSum}: the total
     * when both periods counted the same schools; empty when nothing is compared.
     */
    public Optional<BigDecimal> comparedSum(String fieldId) {
        return previous.flatMap(p -> Optional.ofNullable(p.current().get(fieldId)));
    }

    /** {@link #comparedSum} minus {@link #previousSum}, when both are known. */
    public Optional<BigDecimal> change(String fieldId) {
        return comparedSum(fieldId).flatMap(now -> previousSum(fieldId).map(now::subtract));
    }

    /**
     * The relative change against the previous period as a ratio (0.125 for 12.5%), 10 decimals,
     * half up, over the same schools as {@link #change}; empty without a previous figure or when
     * it was 0.
     */
    public Optional<BigDecimal> changeRatio(String fieldId) {
        return previousSum(fieldId).filter(p -> p.signum() != 0).flatMap(p -> change(fieldId)
                .map(d -> d.divide(p, 10, RoundingMode.HALF_UP)));
    }

    /** The previous period's indicator over the compared schools; empty when not compared. */
    public Optional<BigDecimal> previousIndicator(String indicatorId) {
        return previous.flatMap(p -> p.indicators().getOrDefault(indicatorId, Optional.empty()));
    }

    /** This period's indicator over the same schools as {@link #previousIndicator}. */
    public Optional<BigDecimal> comparedIndicator(String indicatorId) {
        return previous.flatMap(p -> p.currentIndicators().getOrDefault(indicatorId,
                Optional.empty()));
    }

    /**
     * The figures the narrative is written from: county totals and the indicators that could be
     * computed (percentages as ratios), schools with a figure per field, school counts
     * ({@code schools.expected[.<type>]} from the roster, {@code schools.received[.<type>]}
     * counting returns in the totals), and what 同比 compares: the previous period's figures and
     * this period's over the same schools, with {@code schools.comparable} when those are the
     * schools counted in both periods only (可比口径).
     */
    public NarrativeInput narrativeInput() {
        Map<String, Integer> schoolCounts = new LinkedHashMap<>();
        schoolCounts.put("schools.expected", county.expected());
        schoolCounts.put("schools.received", county.counted());
        for (String type : collection.schoolTypes()) {
            GroupTotals g = byType.get(type);
            schoolCounts.put("schools.expected." + type, g == null ? 0 : g.expected());
            schoolCounts.put("schools.received." + type, g == null ? 0 : g.counted());
        }
        NarrativeInput in = new NarrativeInput(period, figures(county.sums(), county.indicators()),
                county.nonZero(), schoolCounts, Optional.empty());
        Optional<PreviousPeriod> compared = previous.filter(PreviousPeriod::compares);
        if (compared.isEmpty()) {
            return in;
        }
        PreviousPeriod p = compared.get();
        Map<String, BigDecimal> before = figures(p.sums(), p.indicators());
        if (!p.isComparableBasis()) {
            return in.withPrevious(before);
        }
        return in.withComparison(figures(p.current(), p.currentIndicators()), before,
                p.schools());
    }

    private Map<String, BigDecimal> figures(Map<String, BigDecimal> sums,
            Map<String, Optional<BigDecimal>> indicators) {
        Map<String, BigDecimal> out = new LinkedHashMap<>(sums);
        indicators.forEach((id, v) -> v.ifPresent(x -> out.put(id, x)));
        balance(out, collection.moneySums());
        balance(out, collection.moneyIndicatorSums());
        return out;
    }

    /**
     * 舍位平衡 at the narrative's precision: the parts of a plain money sum ({@link
     * Collection#moneySums}) rounded so that they add up to the total as written, to the hundred
     * yuan (2 decimals of 万元), or to the million (2 decimals of 亿元) once the total reads in
     * 亿元 with every part: three programs of 10,040 万元 read 1.01亿元, 1亿元 and 1亿元 of
     * 3.01亿元; money indicators split by a list column likewise ({@link
     * Collection#moneyIndicatorSums}: 项目计划总投资 by 类别). Parts that do not add up to their
     * total exactly are left as they are.
     */
    private static void balance(Map<String, BigDecimal> figures,
            Map<String, List<String>> groups) {
        groups.forEach((total, parts) -> {
            BigDecimal t = figures.get(total);
            if (t == null || !figures.keySet().containsAll(parts)) {
                return;
            }
            List<BigDecimal> exact = parts.stream().map(figures::get).toList();
            if (exact.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(t) != 0) {
                return;
            }
            // in 亿元 only when every part reads in 亿元 too: a 12.6万元 program is never
            // rounded away to 0亿元 (and its clause with it)
            int shift = exact.stream().allMatch(v -> v.signum() == 0
                    || v.abs().compareTo(ONE_YI_IN_WAN) >= 0) && t.abs().compareTo(
                            ONE_YI_IN_WAN) >= 0 ? 4 : 0;
            BalancedRounding.Balanced b = BalancedRounding.balance(exact.stream()
                    .map(v -> v.movePointLeft(shift)).toList(), 2);
            for (int i = 0; i < parts.size(); i++) {
                figures.put(parts.get(i), b.parts().get(i).movePointRight(shift));
            }
            figures.put(total, b.total().movePointRight(shift));
        });
    }
}

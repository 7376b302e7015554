package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;

/**
 * Decides what 同比 compares, never a figure over unlike sets of schools: see {@link
 * PreviousPeriod}. The previous period must be the same period of the year before.
 */
final class YearOnYear {
    private final Collection collection;
    private final Roster roster;
    private final Indicators indicators;

    YearOnYear(Collection collection, Roster roster, Indicators indicators) {
        this.collection = collection;
        this.roster = roster;
        this.indicators = indicators;
    }

    /**
     * @param counted school code to the return that counts, in roster order
     * @param county this period's totals
     * @param sums sums any set of counted schools
     */
    PreviousPeriod compare(Return book, Period now, Map<String, FoldedReturn> counted,
            GroupTotals county, Sums sums) {
        String file = book.file();
        Period then = book.meta().period();
        String source = "“" + file + "”（" + then.label() + "）";
        if (!then.equals(now.yearBefore())) {
            return PreviousPeriod.notCompared(file, then, PreviousPeriod.Basis.WRONG_PERIOD,
                    "汇总表“" + file + "”是" + then.label() + "的，本期为" + now.label()
                    + "，上年同期应为" + now.yearBefore().label() + "，该表不能用于同比，不列同比");
        }
        Map<String, Map<String, BigDecimal>> detail = book.detail();
        if (detail.isEmpty()) {
            return PreviousPeriod.notCompared(file, then, PreviousPeriod.Basis.NO_DETAIL,
                    "上年同期汇总表" + source + "没有逐校数据（由旧版本生成），无法确认两期"
                    + noun() + "相同，不列同比；可用本系统按上年同期报表重新汇总后再比较");
        }
        if (counted.keySet().equals(detail.keySet())) {
            Map<String, BigDecimal> totals = totals(book);
            return new PreviousPeriod(file, then, PreviousPeriod.Basis.SAME_SCHOOLS,
                    counted.size(), totals, indicators.compute(totals, book.tables(),
                            byType(detail, detail.keySet())),
                    county.sums(), county.indicators(), "同比数据取自上年同期汇总表" + source
                    + "，两期计入汇总的" + noun() + "相同（" + counted.size() + measure() + "）"
                    + dropped(book));
        }
        List<School> both = new ArrayList<>();
        for (School s : roster.schools()) {
            if (counted.containsKey(s.code()) && detail.containsKey(s.code())) {
                both.add(s);
            }
        }
        if (both.isEmpty()) {
            return PreviousPeriod.notCompared(file, then, PreviousPeriod.Basis.NO_COMMON_SCHOOLS,
                    "上年同期汇总表" + source + "与本期没有共同计入汇总的" + noun() + "，不列同比");
        }
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = totals(book);
        for (Field f : Sums.numeric(collection)) {
            if (totals.containsKey(f.id())) {
                BigDecimal sum = BigDecimal.ZERO;
                for (School s : both) {
                    sum = sum.add(detail.get(s.code()).getOrDefault(f.id(), BigDecimal.ZERO));
                }
                before.put(f.id(), sum);
            }
        }
        GroupTotals basis = sums.total("可比口径", both);
        Map<String, Optional<BigDecimal>> nowIndicators = new LinkedHashMap<>(
                basis.indicators());
        nowIndicators.replaceAll((id, v) -> indicators.readsTables(id) ? Optional.empty() : v);
        Map<String, BigDecimal> nowSums = new LinkedHashMap<>(basis.sums());
        nowSums.keySet().retainAll(before.keySet());
        String basisWords = "按可比口径（" + both.size() + measure() + noun() + "）计算";
        return new PreviousPeriod(file, then, PreviousPeriod.Basis.COMPARABLE, both.size(),
                before, indicators.computeWithoutTables(before, byType(detail, both.stream()
                        .map(School::code).collect(Collectors.toSet()))), nowSums, nowIndicators,
                "本期计入汇总" + counted.size() + measure() + noun() + "，上年同期" + detail.size()
                + measure() + "，同比" + basisWords + "：只比较两期都计入汇总的" + noun()
                + "，上年同期数取自汇总表" + source + "的逐校数据" + dropped(book));
    }

    /**
     * {@code ；上年同期汇总表中有2项本版已取消，不作比较}: figures of an older version's book that
     * the current version no longer collects, noted once; fields are compared by id.
     */
    private String dropped(Return book) {
        Set<String> current = new HashSet<>();
        collection.allFields().forEach(f -> current.add(f.id()));
        long n = book.values().entrySet().stream()
                .filter(e -> e.getValue() instanceof Value.Num && !current.contains(e.getKey()))
                .count();
        return n == 0 ? "" : "；上年同期汇总表中有" + n + "项本版已取消，不作比较";
    }

    /**
     * The previous period's sums by school type over the schools {@code codes} of its per-school
     * detail, each school's type from this period's roster (a school not on it counts under no
     * type), for the indicators over a population.
     */
    private Map<String, Map<String, BigDecimal>> byType(
            Map<String, Map<String, BigDecimal>> detail, Set<String> codes) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (School s : roster.schools()) {
            Map<String, BigDecimal> figures = detail.get(s.code());
            if (figures == null || !codes.contains(s.code())) {
                continue;
            }
            Map<String, BigDecimal> into = out.computeIfAbsent(s.type(),
                    t -> new LinkedHashMap<>());
            figures.forEach((f, v) -> into.merge(f, v, BigDecimal::add));
        }
        return out;
    }

    /** The book's totals by numeric field id, those it has. */
    private Map<String, BigDecimal> totals(Return book) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Field f : Sums.numeric(collection)) {
            Value v = book.values().get(f.id());
            if (v instanceof Value.Num n) {
                out.put(f.id(), n.value());
            }
        }
        return out;
    }

    /** 学校, or 单位 for a roster of consolidating units (a city's counties). */
    private String noun() {
        return isOfUnits() ? "单位" : "学校";
    }

    private String measure() {
        return isOfUnits() ? "个" : "所";
    }

    private boolean isOfUnits() {
        return !roster.schools().isEmpty() && roster.schools().stream().allMatch(School::isUnit);
    }
}

package org.huizong.engine.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.PreviousPeriod;
import org.huizong.engine.findings.TotalsReport;

/**
 * Every total of a consolidation as a flat table for other systems (汇总数.csv): the rows of
 * {@link TotalsReport#rows}, exact, with the previous period's figure, this period's over the
 * same schools and the basis of the comparison in words.
 */
public final class TotalsTable {
    private TotalsTable() {
    }

    public static FlatTable of(Consolidation c) {
        Optional<PreviousPeriod> p = c.previous().filter(PreviousPeriod::compares);
        boolean units = !c.schools().isEmpty()
                && c.schools().stream().allMatch(s -> s.school().isUnit());
        String noun = units ? "个单位" : "所学校";
        String basis = p.map(x -> x.isComparableBasis() ? "可比口径（两期均计入的" + x.schools()
                + noun + "）" : "两期计入的学校相同（" + x.schools() + noun + "）").orElse("");
        List<List<Object>> rows = new ArrayList<>();
        for (TotalsReport.Row r : TotalsReport.rows(c)) {
            List<Object> row = new ArrayList<>();
            row.add(r.id());
            row.add(r.label());
            row.add(r.unit());
            row.add(plain(r.value()));
            row.add(plain(r.previous()));
            row.add(plain(r.compared()));
            row.add(r.previous().isPresent() ? basis : "");
            rows.add(row);
        }
        return FlatTable.of("汇总数", List.of("标识", "项目", "单位", "本期", "上年同期", "本期同口径数",
                "同比口径"), rows);
    }

    /** Without trailing zeros: 398.64, not the 398.6400 of a sum of yuan. */
    private static BigDecimal plain(Optional<BigDecimal> v) {
        return v.map(BigDecimal::stripTrailingZeros).orElse(null);
    }
}

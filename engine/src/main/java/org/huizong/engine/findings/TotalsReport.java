package org.huizong.engine.findings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.PreviousPeriod;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Indicator;

/**
 * Every total of a consolidation for other systems: one row per numeric form field and per
 * indicator, exact (money to the yuan, a rate as a ratio, never the rounded figures a county
 * table shows), with the previous period's figure 同比 compares with and this period's over the
 * same schools. The JSON of {@code docs/totals-export.md}; the CSV is {@code
 * report.TotalsTable}, from the same {@link #rows}.
 */
public final class TotalsReport {
    private TotalsReport() {
    }

    /**
     * One total.
     *
     * @param kind {@code field} or {@code indicator}
     * @param value this period's figure, empty for an indicator that cannot be computed
     * @param previous the previous period's figure compared with (over the comparable schools
     *     when the basis is comparable), empty when not compared
     * @param compared this period's figure over the same schools as {@code previous}: the value
     *     itself on the same schools, the comparable schools' sum on a comparable basis
     */
    public record Row(String kind, String id, String label, String unit,
            Optional<BigDecimal> value, Optional<BigDecimal> previous,
            Optional<BigDecimal> compared) {
    }

    /** Form fields in the collection's order, then indicators. */
    public static List<Row> rows(Consolidation c) {
        List<Row> rows = new ArrayList<>();
        for (Field f : c.collection().fields()) {
            if (f.type().isNumeric()) {
                rows.add(new Row("field", f.id(), f.label(), f.unit(),
                        Optional.of(c.totals().get(f.id())), c.previousSum(f.id()),
                        c.comparedSum(f.id())));
            }
        }
        for (Indicator i : c.collection().indicators()) {
            rows.add(new Row("indicator", i.id(), i.label(), i.unit(),
                    c.indicators().get(i.id()), c.previousIndicator(i.id()),
                    c.comparedIndicator(i.id())));
        }
        return rows;
    }

    /**
     * The basis 同比 is on: {@code same-schools}, {@code comparable} (the schools counted in
     * both periods) or {@code none}.
     */
    public static String basis(Consolidation c) {
        Optional<PreviousPeriod> p = c.previous().filter(PreviousPeriod::compares);
        return p.isEmpty() ? "none" : p.get().isComparableBasis() ? "comparable" : "same-schools";
    }

    /**
     * The documented JSON: keys in fixed order, two-space indentation, one total a line,
     * numbers in plain notation.
     */
    public static String json(Consolidation c) {
        Optional<PreviousPeriod> p = c.previous().filter(PreviousPeriod::compares);
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"collection\": ").append(quote(c.collection().id()))
                .append(",\n  \"period\": ").append(quote(c.period().toString()))
                .append(",\n  \"previousPeriod\": ")
                .append(p.map(x -> quote(x.period().toString())).orElse("null"))
                .append(",\n  \"basis\": ").append(quote(basis(c)))
                .append(",\n  \"comparedSchools\": ")
                .append(p.map(x -> String.valueOf(x.schools())).orElse("null"))
                .append(",\n  \"totals\": [");
        List<Row> rows = rows(c);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"kind\": ").append(quote(r.kind()))
                    .append(", \"id\": ").append(quote(r.id()))
                    .append(", \"label\": ").append(quote(r.label()))
                    .append(", \"unit\": ").append(quote(r.unit()))
                    .append(", \"value\": ").append(number(r.value()))
                    .append(", \"previous\": ").append(number(r.previous()))
                    .append(", \"compared\": ").append(number(r.compared())).append('}');
        }
        return sb.append(rows.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String number(Optional<BigDecimal> v) {
        return v.map(x -> x.stripTrailingZeros().toPlainString()).orElse("null");
    }

    private static String quote(String s) {
        return FindingReport.quote(s);
    }
}

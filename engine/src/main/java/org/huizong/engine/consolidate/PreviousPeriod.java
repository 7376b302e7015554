package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.Period;

/**
 * The same period of the year before, read from that period's consolidated workbook, and how this
 * period compares with it (同比). Like is compared with like: when both periods counted the same
 * schools, totals with totals; otherwise only the schools counted in both (可比口径), this
 * period's from their returns and the previous period's from the book's per-school detail; and
 * nothing at all when the book cannot give that (no detail, no school in common, another period).
 *
 * @param file the workbook's file name
 * @param period the period the workbook is of
 * @param schools the schools the comparison is over: every counted one ({@link
 *     Basis#SAME_SCHOOLS}) or those counted in both periods ({@link Basis#COMPARABLE}); 0 when
 *     nothing is compared
 * @param sums the previous period's figures compared with, by numeric field id: its totals, or
 *     its sums over the comparable schools; fields the book lacks are absent; empty when nothing
 *     is compared
 * @param indicators the previous period's indicators over the same schools, computed the same
 *     way as this period's; over comparable schools, those read from a table's rows are empty
 *     (the detail holds form fields only)
 * @param current this period's figures over the same schools: the county totals, or the sums
 *     over the comparable schools; empty when nothing is compared
 * @param currentIndicators this period's indicators over the same schools, empty where the
 *     previous one is
 * @param note how 同比 was computed, or why it was left out, in Chinese, for the cover
 */
public record PreviousPeriod(String file, Period period, Basis basis, int schools,
        Map<String, BigDecimal> sums, Map<String, Optional<BigDecimal>> indicators,
        Map<String, BigDecimal> current, Map<String, Optional<BigDecimal>> currentIndicators,
        String note) {

    /** How the two periods' schools relate, and so what is compared. */
    public enum Basis {
        /** Both periods counted the same schools: totals compare with totals. */
        SAME_SCHOOLS,
        /** The schools differ: compared over the schools counted in both (可比口径). */
        COMPARABLE,
        /** The book has no per-school detail (written before books kept it): not compared. */
        NO_DETAIL,
        /** No school was counted in both periods: not compared. */
        NO_COMMON_SCHOOLS,
        /** The book is not of the same period of the year before: refused, not compared. */
        WRONG_PERIOD;

        public boolean compares() {
            return this == SAME_SCHOOLS || this == COMPARABLE;
        }
    }

    public PreviousPeriod {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(period, "period of " + file);
        Objects.requireNonNull(basis, "basis of " + file);
        sums = copy(sums);
        indicators = copy(indicators);
        current = copy(current);
        currentIndicators = copy(currentIndicators);
        Objects.requireNonNull(note, "note of " + file);
        if (!basis.compares() && !(sums.isEmpty() && current.isEmpty() && schools == 0)) {
            throw new IllegalArgumentException("previous book " + file + " is not compared ("
                    + basis + ") but carries figures");
        }
    }

    /** A book nothing is compared with, and why. */
    static PreviousPeriod notCompared(String file, Period period, Basis basis, String note) {
        return new PreviousPeriod(file, period, basis, 0, Map.of(), Map.of(), Map.of(), Map.of(),
                note);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Whether any figure is compared. */
    public boolean compares() {
        return basis.compares();
    }

    /** Whether the comparison is over fewer schools than this period counted or the last one. */
    public boolean isComparableBasis() {
        return basis == Basis.COMPARABLE;
    }
}

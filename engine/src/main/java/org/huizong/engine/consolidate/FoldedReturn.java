package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;

/**
 * A received return cut down to what consolidation needs: values, table rows without their cell
 * addresses, errors and warnings (notices dropped), explanations. Keeps a fold over thousands of
 * returns small.
 */
record FoldedReturn(Completeness.Version version, ReturnMeta meta, Map<String, Value> values,
        Map<String, List<TableRow>> tables, List<Finding> findings,
        Map<String, String> explanations, boolean hasErrors, boolean awaitingReview,
        List<BigDecimal> numbers) {

    /**
     * School code, then the time the workbook was saved (the file's time when it does not say),
     * then content, then file name: the order in which the last of a school's versions wins,
     * independent of input order.
     */
    static final Comparator<FoldedReturn> ORDER = Comparator
            .comparing((FoldedReturn e) -> e.meta().unitCode())
            .thenComparing(e -> e.version().effective())
            .thenComparing(e -> e.values().toString())
            .thenComparing(e -> e.tables().toString())
            .thenComparing(FoldedReturn::file)
            .thenComparing(e -> e.version().time());

    /**
     * @param numeric the collection's numeric fields: {@link #numbers} holds their figures in
     *     this order (absent and non-numeric ones as null), read off once here, on the thread
     *     that read the return, so that summing is adding arrays
     */
    static FoldedReturn of(Submission.Received s, List<Field> numeric) {
        Return r = s.ret();
        Map<String, List<TableRow>> tables = new LinkedHashMap<>();
        r.tables().forEach((id, rows) -> {
            List<TableRow> slim = new ArrayList<>(rows.size());
            for (TableRow row : rows) {
                slim.add(new TableRow(row.index(), row.values(), Map.of()));
            }
            tables.put(id, List.copyOf(slim));
        });
        List<Finding> kept = s.findings().stream()
                .filter(f -> f.severity() != Severity.NOTICE).toList();
        BigDecimal[] numbers = new BigDecimal[numeric.size()];
        for (int i = 0; i < numbers.length; i++) {
            Value v = r.values().get(numeric.get(i).id());
            numbers[i] = v == null ? null : Finisher.number(v);
        }
        return new FoldedReturn(new Completeness.Version(r.file(), r.saved(), s.time()),
                r.meta(), r.values(), tables, kept,
                r.explanations(), s.hasErrors(), s.awaitingReview(), Collections.unmodifiableList(
                        Arrays.asList(numbers)));
    }

    String code() {
        return meta.unitCode();
    }

    String file() {
        return version.file();
    }
}

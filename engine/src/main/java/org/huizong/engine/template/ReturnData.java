package org.huizong.engine.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.huizong.engine.model.Value;

/**
 * Values to pre-fill into a template, as a school would have typed them: for the demo county,
 * tests and benchmarks. Values are written as given, including ones a validator will reject (text
 * in a count, a value in a field that does not apply), so broken returns can be made on purpose.
 *
 * @param values by field id; pre-filled identity fields and computed fields are ignored
 * @param tables table rows by table id, each row by column key ({@code budget}), top to bottom
 * @param explanations the school's 说明 by rule id
 */
public record ReturnData(Map<String, Value> values, Map<String, List<Map<String, Value>>> tables,
        Map<String, String> explanations) {

    public ReturnData {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Map<String, List<Map<String, Value>>> t = new LinkedHashMap<>();
        tables.forEach((id, rows) -> {
            List<Map<String, Value>> copy = new ArrayList<>();
            for (Map<String, Value> row : rows) {
                copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
            }
            t.put(Objects.requireNonNull(id, "table id"), List.copyOf(copy));
        });
        tables = Collections.unmodifiableMap(t);
        explanations = Collections.unmodifiableMap(new LinkedHashMap<>(explanations));
    }

    /** A blank template: nothing but the school's identity. */
    public static ReturnData empty() {
        return new ReturnData(Map.of(), Map.of(), Map.of());
    }

    /** This data with one more value (replacing any earlier one for the field). */
    public ReturnData with(String fieldId, Value value) {
        Map<String, Value> v = new LinkedHashMap<>(values);
        v.put(Objects.requireNonNull(fieldId, "fieldId"), Objects.requireNonNull(value, fieldId));
        return new ReturnData(v, tables, explanations);
    }

    /** This data with one more table row appended to {@code tableId}. */
    public ReturnData withRow(String tableId, Map<String, Value> row) {
        Map<String, List<Map<String, Value>>> t = new LinkedHashMap<>(tables);
        List<Map<String, Value>> rows = new ArrayList<>(t.getOrDefault(tableId, List.of()));
        rows.add(row);
        t.put(tableId, rows);
        return new ReturnData(values, t, explanations);
    }

    /** This data with the school's 说明 for a warning rule. */
    public ReturnData withExplanation(String ruleId, String text) {
        Map<String, String> e = new LinkedHashMap<>(explanations);
        e.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(text, ruleId));
        return new ReturnData(values, tables, e);
    }
}

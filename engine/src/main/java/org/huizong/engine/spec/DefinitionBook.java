package org.huizong.engine.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection definition workbook as plain text: its sheets by name, in tab order, each a list
 * of rows of the text every cell shows (blank cells as {@code ""}). Row 0 is the header row.
 * The workbook readers and writers ({@code engine.definition}) turn it into bytes and back;
 * {@link DefinitionSpecs} and {@link DefinitionExport} turn it into a collection and back.
 *
 * @param source the file name messages start with ({@code 安全月报.xlsx})
 * @param sheets rows by sheet name; row and column indexes are zero-based
 */
public record DefinitionBook(String source, Map<String, List<List<String>>> sheets) {
    public DefinitionBook {
        Objects.requireNonNull(source, "source");
        Map<String, List<List<String>>> copy = new LinkedHashMap<>();
        sheets.forEach((name, rows) -> {
            List<List<String>> r = new ArrayList<>();
            rows.forEach(row -> r.add(row.stream().map(c -> c == null ? "" : c).toList()));
            copy.put(name, List.copyOf(r));
        });
        sheets = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<List<List<String>>> findSheet(String name) {
        return Optional.ofNullable(sheets.get(name));
    }

    /** The A1 address of a zero-based row and column: (4, 3) is {@code D5}. */
    public static String address(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }

    /** Where a cell is, for messages: {@code 安全月报.xlsx 字段!D5}. */
    public String where(String sheet, int row, int column) {
        return source + " " + sheet + "!" + address(row, column);
    }
}

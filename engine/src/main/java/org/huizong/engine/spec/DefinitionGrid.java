package org.huizong.engine.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sheet of a definition workbook, its columns found by header. Rows and columns are
 * zero-based; row 0 is the header row.
 */
final class DefinitionGrid {
    private final DefinitionBook book;
    private final String sheet;
    private final List<List<String>> rows;
    private final Map<String, Integer> columns = new LinkedHashMap<>();

    private DefinitionGrid(DefinitionBook book, String sheet, List<List<String>> rows) {
        this.book = book;
        this.sheet = sheet;
        this.rows = rows;
        if (!rows.isEmpty()) {
            List<String> header = rows.get(0);
            for (int c = 0; c < header.size(); c++) {
                columns.putIfAbsent(header.get(c).trim(), c);
            }
        }
    }

    /**
     * The sheet, its missing columns reported into {@code problems}; an empty grid when the sheet
     * is absent (reported when {@code required}).
     */
    static DefinitionGrid of(DefinitionBook book, String sheet, boolean required,
            List<String> problems) {
        List<List<String>> rows = book.findSheet(sheet).orElse(List.of());
        if (book.findSheet(sheet).isEmpty() && required) {
            problems.add(book.source() + ": 缺少工作表“" + sheet + "”");
        }
        DefinitionGrid g = new DefinitionGrid(book, sheet, rows);
        if (!rows.isEmpty()) {
            for (DefinitionLayout.Column c : DefinitionLayout.columns(sheet)) {
                if (c.required() && !g.columns.containsKey(c.header())) {
                    problems.add(book.where(sheet, 0, rows.get(0).size()) + ": 缺少列“"
                            + c.header() + "”（第1行应有: "
                            + String.join("、", DefinitionLayout.headers(sheet)) + "）");
                }
            }
        }
        return g;
    }

    String sheet() {
        return sheet;
    }

    int size() {
        return rows.size();
    }

    boolean has(String header) {
        return columns.containsKey(header);
    }

    /** Whether every cell of a row is blank. */
    boolean blank(int row) {
        return rows.get(row).stream().allMatch(s -> s.isBlank());
    }

    /** The trimmed text of a cell, {@code ""} for a blank or an absent column. */
    String text(int row, String header) {
        Integer c = columns.get(header);
        List<String> r = rows.get(row);
        return c == null || c >= r.size() ? "" : r.get(c).trim();
    }

    /** Where a cell is: {@code 安全月报.xlsx 字段!D5}. */
    String where(int row, String header) {
        Integer c = columns.get(header);
        return book.where(sheet, row, c == null ? 0 : c);
    }

    /** A scalar node carrying the cell's place. */
    YamlNode node(int row, String header) {
        return new YamlNode(where(row, header), 0, text(row, header));
    }

    YamlNode node(int row, String header, String value) {
        return new YamlNode(where(row, header), 0, value);
    }

    /** The place of a whole row: its first cell. */
    String whereRow(int row) {
        return book.where(sheet, row, 0);
    }
}

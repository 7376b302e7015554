package org.huizong.engine.model;

import java.util.Objects;

/**
 * A cell a school clerk can find: sheet tab name and A1 address, printed {@code 学生资助!D7}.
 */
public record CellRef(String sheet, String a1) {
    public CellRef {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(a1, "a1");
    }

    /**
     * @param row zero-based row index
     * @param column zero-based column index
     */
    public static CellRef of(String sheet, int row, int column) {
        return new CellRef(sheet, columnLetters(column) + (row + 1));
    }

    /** Zero-based column index to letters: 0 is A, 26 is AA. */
    public static String columnLetters(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return sheet + "!" + a1;
    }
}

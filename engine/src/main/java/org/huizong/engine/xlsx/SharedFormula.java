package org.huizong.engine.xlsx;

/**
 * Shared formulas: Excel writes a formula filled across a range once, in the range's first
 * cell, and gives every other cell only the group's id. A cell's own formula is the first one
 * with its relative references moved by the cell's distance from the first cell, as filling
 * does ({@code B3+C3} in D3 is {@code B5+C5} in D5); {@code $}-anchored parts stay.
 */
final class SharedFormula {
    private static final int MAX_COLUMN = 16_383;
    private static final int MAX_ROW = 1_048_575;

    private SharedFormula() {
    }

    /** The first cell of a group: where it is and its formula. */
    record Base(int row, int column, String formula) {
        /** The formula as it reads in the cell at {@code row}, {@code column}. */
        String at(int atRow, int atColumn) {
            return shift(formula, atRow - row, atColumn - column);
        }
    }

    /** {@code formula} with every relative A1 reference moved by the given rows and columns. */
    static String shift(String formula, int rows, int columns) {
        if (rows == 0 && columns == 0) {
            return formula;
        }
        StringBuilder out = new StringBuilder(formula.length() + 8);
        int i = 0;
        int n = formula.length();
        while (i < n) {
            char c = formula.charAt(i);
            if (c == '"' || c == '\'') {
                int end = quoted(formula, i, c);
                out.append(formula, i, end);
                i = end;
            } else if ((c == '$' || isLetter(c))
                    && (i == 0 || !isNamePart(formula.charAt(i - 1)))) {
                int end = reference(formula, i);
                if (end > 0) {
                    out.append(moved(formula.substring(i, end), rows, columns));
                } else {
                    end = i + 1;
                    while (end < n && isNamePart(formula.charAt(end))) {
                        end++;
                    }
                    out.append(formula, i, end);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The end of a string literal or quoted sheet name (a doubled quote escapes one). */
    private static int quoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /**
     * The end of an A1 reference starting at {@code start} ({@code $}? 1–3 letters {@code $}?
     * digits), or -1 when what starts there is a name or a function, or a sheet name.
     */
    private static int reference(String s, int start) {
        int i = start;
        if (i < s.length() && s.charAt(i) == '$') {
            i++;
        }
        int letters = i;
        while (i < s.length() && isLetter(s.charAt(i))) {
            i++;
        }
        if (i == letters || i - letters > 3) {
            return -1;
        }
        if (i < s.length() && s.charAt(i) == '$') {
            i++;
        }
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
        }
        if (i == digits) {
            return -1;
        }
        if (i < s.length() && (isNamePart(s.charAt(i)) || s.charAt(i) == '('
                || s.charAt(i) == '!')) {
            return -1;
        }
        return i;
    }

    private static String moved(String ref, int rows, int columns) {
        boolean fixedColumn = ref.startsWith("$");
        int dollar = ref.indexOf('$', 1);
        boolean fixedRow = dollar > 0;
        int column = SheetCells.column(ref) + (fixedColumn ? 0 : columns);
        int row = SheetCells.row(ref) + (fixedRow ? 0 : rows);
        if (column < 0 || column > MAX_COLUMN || row < 0 || row > MAX_ROW) {
            return "#REF!";
        }
        return (fixedColumn ? "$" : "") + letters(column) + (fixedRow ? "$" : "") + (row + 1);
    }

    static String letters(int column) {
        StringBuilder sb = new StringBuilder(3);
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            sb.append((char) ('A' + (c - 1) % 26));
        }
        return sb.reverse().toString();
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isNamePart(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '\\'
                || c > 127;
    }
}

package org.huizong.engine.xlsx;

import java.util.Optional;

/**
 * The range a defined name refers to: one sheet, a rectangle of cells. Zero-based, inclusive.
 */
public record NamedArea(String sheet, int firstRow, int firstColumn, int lastRow, int lastColumn) {
    /** More row digits than an int holds name no cell (Excel's last row has seven). */
    private static final int MAX_ROW_DIGITS = 9;

    /**
     * Parses a defined name's formula: {@code '学校基本情况'!$D$4}, {@code 项目建设!$B$4:$B$23}.
     * Empty for anything else, notably {@code #REF!} left behind by a deleted sheet or row.
     * Hand-written rather than a regular expression: a reader parses some 300 names a file.
     */
    public static Optional<NamedArea> parse(String refersTo) {
        if (refersTo == null) {
            return Optional.empty();
        }
        String s = refersTo.trim();
        int i = s.startsWith("=") ? 1 : 0;
        String sheet;
        if (i < s.length() && s.charAt(i) == '\'') {
            StringBuilder sb = new StringBuilder();
            int j = i + 1;
            while (true) {
                if (j >= s.length()) {
                    return Optional.empty();
                }
                char c = s.charAt(j);
                if (c == '\'') {
                    if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
                        sb.append('\'');
                        j += 2;
                        continue;
                    }
                    break;
                }
                sb.append(c);
                j++;
            }
            if (sb.length() == 0) {
                return Optional.empty();
            }
            sheet = sb.toString();
            i = j + 1;
        } else {
            int bang = s.indexOf('!', i);
            if (bang <= i) {
                return Optional.empty();
            }
            String raw = s.substring(i, bang);
            if (raw.indexOf('\'') >= 0 || raw.indexOf('#') >= 0) {
                return Optional.empty();
            }
            sheet = raw.trim();
            i = bang;
        }
        if (i >= s.length() || s.charAt(i) != '!') {
            return Optional.empty();
        }
        int[] first = cell(s, i + 1);
        if (first == null) {
            return Optional.empty();
        }
        int[] last = first;
        if (first[2] < s.length()) {
            last = s.charAt(first[2]) == ':' ? cell(s, first[2] + 1) : null;
            if (last == null || last[2] != s.length()) {
                return Optional.empty();
            }
        }
        int r1 = first[1];
        int c1 = first[0];
        int r2 = last[1];
        int c2 = last[0];
        if (r1 < 0 || r2 < r1 || c2 < c1) {
            return Optional.empty();
        }
        return Optional.of(new NamedArea(sheet, r1, c1, r2, c2));
    }

    /**
     * An A1 reference at {@code from} ({@code $}? 1–3 letters {@code $}? digits): its
     * zero-based column and row and where it ends; null when there is none.
     */
    private static int[] cell(String s, int from) {
        int i = from;
        if (i < s.length() && s.charAt(i) == '$') {
            i++;
        }
        int column = 0;
        int letters = 0;
        while (i < s.length() && letters <= 3 && isLetter(s.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(s.charAt(i)) - 'A' + 1);
            letters++;
            i++;
        }
        if (letters == 0 || letters > 3) {
            return null;
        }
        if (i < s.length() && s.charAt(i) == '$') {
            i++;
        }
        int row = 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            row = row * 10 + (s.charAt(i) - '0');
            digits++;
            i++;
        }
        if (digits == 0 || digits > MAX_ROW_DIGITS) {
            return null;
        }
        return new int[] {column - 1, row - 1, i};
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    public int rows() {
        return lastRow - firstRow + 1;
    }
}

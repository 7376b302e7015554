package org.huizong.engine.io;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huizong.engine.model.CellRef;

/**
 * The range a defined name refers to: one sheet, a rectangle of cells. Zero-based, inclusive.
 */
record NamedArea(String sheet, int firstRow, int firstColumn, int lastRow, int lastColumn) {
    private static final Pattern REF = Pattern.compile(
            "=?(?:'((?:[^']|'')+)'|([^!'#]+))!\\$?([A-Za-z]{1,3})\\$?(\\d+)"
                    + "(?::\\$?([A-Za-z]{1,3})\\$?(\\d+))?");

    /**
     * Parses a defined name's formula: {@code '学校基本情况'!$D$4}, {@code 项目建设!$B$4:$B$23}.
     * Empty for anything else, notably {@code #REF!} left behind by a deleted sheet or row.
     */
    static Optional<NamedArea> parse(String refersTo) {
        if (refersTo == null) {
            return Optional.empty();
        }
        Matcher m = REF.matcher(refersTo.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String sheet = m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2).trim();
        int c1 = column(m.group(3));
        int r1 = Integer.parseInt(m.group(4)) - 1;
        int c2 = m.group(5) == null ? c1 : column(m.group(5));
        int r2 = m.group(6) == null ? r1 : Integer.parseInt(m.group(6)) - 1;
        if (r1 < 0 || r2 < r1 || c2 < c1) {
            return Optional.empty();
        }
        return Optional.of(new NamedArea(sheet, r1, c1, r2, c2));
    }

    private static int column(String letters) {
        int c = 0;
        for (char ch : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    CellRef first() {
        return CellRef.of(sheet, firstRow, firstColumn);
    }

    int rows() {
        return lastRow - firstRow + 1;
    }
}

package org.huizong.engine.returns;

import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.xlsx.NamedArea;

/**
 * Where a return's {@code F_} and {@code T_} names may point, so that the figure counted is the
 * figure a spreadsheet program shows, and reading a name costs no more than its area is worth.
 *
 * <p>A school's return: a field's name on exactly the template's cell; a table column's name on
 * the template's column of the same sheet, starting at the template's first row or below it by
 * rows inserted above the table, and covering at most the template's rows plus
 * {@link #MAX_INSERTED_ROWS} (Excel grows the name with rows inserted inside the table, and
 * shrinks it with rows deleted). A consolidated book (its layout depends on its data): a
 * field's name on one cell, a column's name on one column of at most {@link #MAX_BOOK_ROWS}
 * rows. A name pointing elsewhere (a hidden cell outside the form, a range of a billion rows)
 * is a structure problem, and the file is refused with it.
 */
final class Placements {
    /** Rows a school may add to a table by inserting rows; more is no table of the template. */
    static final int MAX_INSERTED_ROWS = 1000;
    /** Rows of one table's list in a consolidated book: every project of a province and more. */
    static final int MAX_BOOK_ROWS = 100_000;

    private Placements() {
    }

    /**
     * What is wrong with name {@code name} pointing at {@code found}, in Chinese; empty when it
     * may point there.
     *
     * @param expected where the template puts it
     * @param column whether it names a table column rather than a field
     * @param book whether the workbook is a consolidated book rather than a school's return
     */
    static Optional<String> problem(String name, NamedArea found, NamedArea expected,
            boolean column, boolean book) {
        boolean fits;
        String should;
        if (book) {
            fits = found.firstColumn() == found.lastColumn()
                    && (column ? found.rows() <= MAX_BOOK_ROWS : found.rows() == 1);
            should = column ? "一列中不超过" + MAX_BOOK_ROWS + "行的区域" : "一个单元格";
        } else if (column) {
            int inserted = found.lastRow() - expected.lastRow();
            fits = found.sheet().equals(expected.sheet())
                    && found.firstColumn() == expected.firstColumn()
                    && found.lastColumn() == expected.firstColumn()
                    && found.firstRow() >= expected.firstRow() && inserted <= MAX_INSERTED_ROWS;
            should = where(expected) + "（表内插入的行最多" + MAX_INSERTED_ROWS + "行）";
        } else {
            fits = found.equals(expected);
            should = where(expected);
        }
        return fits ? Optional.empty()
                : Optional.of("名称 " + name + " 指向 " + where(found) + "，应为 " + should);
    }

    /** {@code 学生资助!D7}, or {@code 项目建设!B5:B24} for a range. */
    static String where(NamedArea a) {
        String first = CellRef.of(a.sheet(), a.firstRow(), a.firstColumn()).toString();
        if (a.firstRow() == a.lastRow() && a.firstColumn() == a.lastColumn()) {
            return first;
        }
        return first + ":" + CellRef.of(a.sheet(), a.lastRow(), a.lastColumn()).a1();
    }
}

package org.huizong.engine.returns;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.huizong.engine.xlsx.CellPos;

/**
 * The cells of some column runs of one sheet, as an immutable set that holds the runs, not the
 * cells: a reader remembers what it located in a workbook's structure, and a consolidated book's
 * list may run to a hundred thousand rows. Iterates by column, then row.
 */
final class CellColumns extends AbstractSet<CellPos> {
    /** A column's rows {@code firstRow..lastRow}, zero-based, inclusive. */
    record Run(int column, int firstRow, int lastRow) {
        Run {
            if (firstRow < 0 || lastRow < firstRow) {
                throw new IllegalArgumentException("rows " + firstRow + ".." + lastRow);
            }
        }
    }

    /** Sorted by column, then first row, and never overlapping. */
    private final List<Run> runs;
    private final int size;

    private CellColumns(List<Run> runs) {
        this.runs = List.copyOf(runs);
        long n = 0;
        for (Run r : this.runs) {
            n += r.lastRow() - r.firstRow() + 1;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " cells");
        }
        this.size = (int) n;
    }

    /** The cells of {@code runs}, which may overlap; each cell is in the set once. */
    static CellColumns of(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingInt(Run::column).thenComparingInt(Run::firstRow));
        List<Run> merged = new ArrayList<>();
        for (Run r : sorted) {
            Run last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.column() == r.column() && r.firstRow() <= last.lastRow() + 1) {
                merged.set(merged.size() - 1, new Run(last.column(), last.firstRow(),
                        Math.max(last.lastRow(), r.lastRow())));
            } else {
                merged.add(r);
            }
        }
        return new CellColumns(merged);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof CellPos p)) {
            return false;
        }
        for (Run r : runs) {
            if (r.column() == p.column() && p.row() >= r.firstRow() && p.row() <= r.lastRow()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<CellPos> iterator() {
        return new Iterator<>() {
            private int run;
            private int row = runs.isEmpty() ? 0 : runs.get(0).firstRow();

            @Override
            public boolean hasNext() {
                return run < runs.size();
            }

            @Override
            public CellPos next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Run r = runs.get(run);
                CellPos p = new CellPos(row, r.column());
                if (row == r.lastRow()) {
                    run++;
                    row = run < runs.size() ? runs.get(run).firstRow() : 0;
                } else {
                    row++;
                }
                return p;
            }
        };
    }
}

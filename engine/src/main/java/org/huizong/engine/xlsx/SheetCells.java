package org.huizong.engine.xlsx;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Reads chosen cells of one worksheet part, and nothing else: no cell objects for cells nobody
 * asked for, and no parsing past the last row asked for. Cells are stored as OOXML writes them;
 * a formula cell gives its cached result and its formula (shared formulas shifted to the cell,
 * array formulas found from any cell of their range).
 *
 * <p>Read with StAX ({@link XmlCursor}), in memory or streamed from the zip; the elements
 * nobody reads (what comes before {@code <sheetData>}, the values of cells nobody asked for,
 * formulas no other cell shares) are skipped whole.
 *
 * <p>Rows and cells without an {@code r} attribute follow the one before, as the format says.
 */
public final class SheetCells {
    /** Beyond any spreadsheet's numbers (Excel's largest is about 1.8E308). */
    private static final int MAX_EXPONENT = 400;

    private final XmlCursor r;
    private final SharedStrings strings;
    /** The wanted cells as {@code row << 32 | column}, sorted: by row, then column. */
    private final long[] wanted;
    private final Map<CellPos, RawCell> out;
    private final Map<String, SharedFormula.Base> shared = new HashMap<>();
    private final List<ArrayFormula> arrays = new ArrayList<>();

    /** The formula of an array-entered range, which only its first cell carries. */
    private record ArrayFormula(int firstRow, int firstColumn, int lastRow, int lastColumn,
            String formula) {
        boolean covers(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn
                    && column <= lastColumn;
        }
    }

    private SheetCells(XmlCursor r, SharedStrings strings, Set<CellPos> wanted) {
        this.r = r;
        this.strings = strings;
        this.wanted = new long[wanted.size()];
        int i = 0;
        for (CellPos p : wanted) {
            this.wanted[i++] = (long) p.row() << 32 | p.column();
        }
        Arrays.sort(this.wanted);
        this.out = new HashMap<>(wanted.size() * 2);
    }

    /**
     * The stored content of the {@code wanted} cells of the worksheet part {@code xml};
     * cells absent from the part are absent from the result.
     *
     * @throws XMLStreamException when the part does not parse
     * @throws BadCellException when a wanted cell's content contradicts its type
     */
    public static Map<CellPos, RawCell> read(byte[] xml, Set<CellPos> wanted, SharedStrings strings)
            throws XMLStreamException {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return XmlCursor.read(xml, cursor -> new SheetCells(cursor, strings, wanted).run());
    }

    /** {@link #read(byte[], Set, SharedStrings)} for a part streamed from the zip. */
    public static Map<CellPos, RawCell> read(InputStream xml, Set<CellPos> wanted,
            SharedStrings strings)
            throws XMLStreamException {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return XmlCursor.read(xml, cursor -> new SheetCells(cursor, strings, wanted).run());
    }

    private Map<CellPos, RawCell> run() throws XMLStreamException {
        if (toSheetData()) {
            cells();
        }
        return out;
    }

    private void cells() throws XMLStreamException {
        int lastRow = row(wanted[wanted.length - 1]);
        int row = -1;
        int column = -1;
        int from = 0;
        int to = 0;
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (r.is("c")) {
                    column = r.column(column + 1);
                    int k = find(from, to, column);
                    if (k >= 0) {
                        CellPos p = new CellPos(row, column);
                        if (out.put(p, cell(row, column)) != null) {
                            // programs disagree on which of the two they show
                            throw new BadCellException(p, "同一单元格在工作表中出现了两次", null);
                        }
                    }
                    // a cell nobody asked for matters only for a formula it may share: its
                    // children are walked, and all but such a formula skipped
                } else if (r.is("row")) {
                    row = r.row(row + 1);
                    if (row > lastRow) {
                        return;
                    }
                    column = -1;
                    from = firstOfRow(row);
                    to = from;
                    while (to < wanted.length && row(wanted[to]) == row) {
                        to++;
                    }
                } else if (r.is("f")) {
                    // a cell nobody asked for may hold the first cell of a shared formula or
                    // an array formula; its other formulas are skipped unread
                    String t = r.attribute("t");
                    if ("shared".equals(t) || "array".equals(t)) {
                        formula(row, column);
                    } else {
                        r.skip();
                    }
                } else {
                    // a value, inline text or extension of a cell nobody asked for
                    r.skip();
                }
            } else if (event != XMLStreamConstants.END_ELEMENT || r.is("sheetData")) {
                return;
            }
        }
    }

    /**
     * To the {@code <sheetData>} start tag; the other children of {@code <worksheet>} before it
     * (sheet views, column widths) skipped.
     */
    private boolean toSheetData() throws XMLStreamException {
        boolean root = true;
        for (int e = r.next(); e != XMLStreamConstants.END_DOCUMENT; e = r.next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (r.is("sheetData")) {
                    return true;
                }
                if (!root) {
                    r.skip();
                }
                root = false;
            }
        }
        return false;
    }

    private static int row(long cell) {
        return (int) (cell >>> 32);
    }

    /** The index of the first wanted cell on {@code row} or after it. */
    private int firstOfRow(int row) {
        int lo = 0;
        int hi = wanted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (row(wanted[mid]) < row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int find(int from, int to, int column) {
        for (int k = from; k < to; k++) {
            if ((int) wanted[k] == column) {
                return k;
            }
        }
        return -1;
    }

    /** Reads the cell the reader is at, up to its end tag. */
    private RawCell cell(int row, int column) throws XMLStreamException {
        String type = r.attribute("t");
        String value = null;
        String inline = null;
        String formula = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (r.is("v")) {
                    value = r.text();
                } else if (r.is("f")) {
                    formula = formula(row, column);
                } else if (r.is("is")) {
                    inline = r.inlineText();
                } else {
                    r.skip();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else {
                throw new XMLStreamException("worksheet ends inside a cell");
            }
        }
        if (formula == null || formula.isEmpty()) {
            formula = arrayFormula(row, column);
        }
        try {
            return raw(type == null ? "n" : type, value, inline,
                    Optional.ofNullable(formula).filter(f -> !f.isEmpty()));
        } catch (IllegalArgumentException e) {
            throw new BadCellException(new CellPos(row, column), e.getMessage(), e);
        }
    }

    /**
     * A cell asked for whose stored content contradicts its type (a boolean holding 7, a number
     * holding text, a shared string that does not exist): the file is damaged at that cell.
     */
    public static final class BadCellException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final transient CellPos cell;

        BadCellException(CellPos cell, String problem, Throwable cause) {
            super(problem, cause);
            this.cell = cell;
        }

        /** Where it is. */
        public CellPos cell() {
            return cell;
        }
    }

    /** @throws IllegalArgumentException, in Chinese, when the content contradicts the type */
    private RawCell raw(String type, String value, String inline, Optional<String> formula)
            throws XMLStreamException {
        boolean none = value == null || value.isEmpty();
        RawCell blank = new RawCell(RawCell.Kind.BLANK, "", formula);
        switch (type) {
            case "n" -> {
                if (none) {
                    return blank;
                }
                checkNumber(value);
                return new RawCell(RawCell.Kind.NUMBER, value, formula);
            }
            case "s" -> {
                return new RawCell(RawCell.Kind.TEXT, none ? "" : strings.get(index(value)),
                        formula);
            }
            case "inlineStr" -> {
                return inline == null ? blank : new RawCell(RawCell.Kind.TEXT, inline, formula);
            }
            case "str", "d" -> {
                return value == null ? blank : new RawCell(RawCell.Kind.TEXT, value, formula);
            }
            case "b" -> {
                if (none) {
                    return blank;
                }
                if (!value.equals("0") && !value.equals("1")) {
                    throw new IllegalArgumentException("逻辑值单元格存的是“" + quote(value) + "”");
                }
                return new RawCell(RawCell.Kind.BOOLEAN, value.equals("1") ? "TRUE" : "FALSE",
                        formula);
            }
            case "e" -> {
                return none ? blank : new RawCell(RawCell.Kind.ERROR, value, formula);
            }
            default -> throw new IllegalArgumentException("单元格类型“" + quote(type) + "”无法识别");
        }
    }

    /** A shared string's index, checked against the table when the string is read. */
    private static int index(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("共享字符串序号“" + quote(value) + "”不是数字", e);
        }
    }

    /** At most the first 20 characters of stored text, for a message. */
    private static String quote(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    /** The formula of the {@code <f>} the reader is at; remembers shared and array ones. */
    private String formula(int row, int column) throws XMLStreamException {
        String t = r.attribute("t");
        String ref = r.attribute("ref");
        String si = r.attribute("si");
        String text = r.text();
        if ("shared".equals(t) && si != null) {
            if (ref != null && !text.isEmpty()) {
                shared.put(si, new SharedFormula.Base(row, column, text));
                return text;
            }
            SharedFormula.Base base = shared.get(si);
            return base == null ? text : base.at(row, column);
        }
        if ("array".equals(t) && ref != null) {
            String[] ends = ref.split(":", 2);
            String last = ends.length > 1 ? ends[1] : ends[0];
            arrays.add(new ArrayFormula(row(ends[0]), column(ends[0]), row(last), column(last),
                    text));
        }
        return text;
    }

    private String arrayFormula(int row, int column) {
        for (ArrayFormula a : arrays) {
            if (a.covers(row, column)) {
                return a.formula();
            }
        }
        return null;
    }

    /**
     * Refuses, as a damaged file, a number cell whose text is no number or a number beyond any
     * spreadsheet's range (about 1E308), which would take unbounded memory to write out. Digits
     * past {@link NumberText#MAX_LENGTH} in the plain form are left for the reader to report at
     * the cell; in any other form they are not parsed at all.
     */
    private static void checkNumber(String text) {
        if (plainNumber(text)) {
            return;
        }
        if (text.length() > NumberText.MAX_LENGTH) {
            throw new IllegalArgumentException("数字单元格存的是" + text.length() + "个字符的“"
                    + quote(text) + "”");
        }
        BigDecimal b;
        try {
            b = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("数字单元格存的是“" + quote(text) + "”", e);
        }
        long exponent = (long) b.precision() - b.scale() - 1;
        if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) {
            throw new IllegalArgumentException("数字单元格存的“" + text + "”超出任何表格程序的范围");
        }
    }

    /**
     * Digits with an optional sign, point and an exponent of at most three digits: what
     * spreadsheet programs write.
     */
    static boolean plainNumber(String s) {
        int n = s.length();
        int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        int start = i;
        i = digits(s, i);
        int digits = i - start;
        if (i < n && s.charAt(i) == '.') {
            int after = digits(s, i + 1);
            digits += after - i - 1;
            i = after;
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'E' || s.charAt(i) == 'e')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int end = digits(s, i);
            return end > i && end - i <= 3 && end == n;
        }
        return i == n;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The zero-based column of an A1 reference's letters ({@code $} allowed). */
    static int column(String ref) {
        return column(ref.toCharArray(), 0, ref.length());
    }

    /** {@link #column(String)} of the reference in {@code buf[start, end)}. */
    static int column(char[] buf, int start, int end) {
        int c = 0;
        int letters = 0;
        for (int i = start; i < end; i++) {
            char ch = buf[i];
            if (ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z') {
                c = c * 26 + (Character.toUpperCase(ch) - 'A' + 1);
                letters++;
            } else if (ch != '$') {
                break;
            }
        }
        if (letters == 0 || letters > 3) {
            throw new IllegalArgumentException("bad cell reference "
                    + new String(buf, start, end - start));
        }
        return c - 1;
    }

    /** The zero-based row of an A1 reference. */
    static int row(String ref) {
        int i = 0;
        while (i < ref.length() && !Character.isDigit(ref.charAt(i))) {
            i++;
        }
        return Integer.parseInt(ref.substring(i)) - 1;
    }
}

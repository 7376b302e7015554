package org.huizong.engine.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import cn.idev.excel.support.ExcelTypeEnum;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.xlsx.NumberText;

/**
 * Reads the roster of schools (schools.csv or an .xlsx) and checks every row against a
 * collection. The header names the columns, in any order: {@code code,name,type,township,
 * ownership} or the Chinese 学校标识码,学校名称,学校类型,所在乡镇,办学性质. A CSV may be UTF-8 (with or
 * without a byte order mark) or GBK, as Excel in China saves it. All bad rows are reported
 * together in one {@link RosterException}; line numbers count the header as line 1.
 */
public final class RosterReader {
    private static final Charset GBK = Charset.forName("GBK");
    private static final List<String> KEYS = List.of("code", "name", "type", "township",
            "ownership");
    private static final List<String> CHINESE = List.of("学校标识码", "学校名称", "学校类型", "所在乡镇",
            "办学性质");
    private static final List<String> OWNERSHIPS = List.of("公办", "民办");

    private final Collection collection;
    private final boolean units;

    private RosterReader(Collection collection, boolean units) {
        this.collection = Objects.requireNonNull(collection, "collection");
        this.units = units;
    }

    /** A reader that accepts the school types of {@code collection}. */
    public static RosterReader of(Collection collection) {
        return new RosterReader(collection, false);
    }

    /**
     * A reader that also accepts consolidating units ({@link School#UNIT_TYPE}, codes of 6 to 12
     * digits): a city's roster of the counties whose books it consolidates.
     */
    public RosterReader withUnits() {
        return new RosterReader(collection, true);
    }

    /**
     * Reads a roster file; .xlsx by its content, anything else as CSV.
     *
     * @throws RosterException listing every bad row
     * @throws HuizongException when the file cannot be read at all
     */
    public Roster read(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new HuizongException("无法读取学校名单 " + file + "：" + e.getMessage(), e);
        }
        return read(name, bytes);
    }

    /** Reads a roster from its bytes, {@code fileName} only naming it in messages. */
    public Roster read(String fileName, byte[] content) {
        List<RosterRow> lines = isZip(content) ? xlsxLines(fileName, content) : csvLines(content);
        return toRoster(fileName, lines);
    }

    /** A school's contact from the roster's optional columns; either part may be empty. */
    public record Contact(String person, String phone) {
        /** No contact given. */
        public static final Contact NONE = new Contact("", "");

        public Contact {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(phone, "phone");
        }
    }

    /**
     * The optional contact columns 联系人 (or {@code contact}) and 联系电话 (or {@code phone}) by
     * school code, for the rows that have a code and at least one of them; empty when the roster
     * has neither column. Reads the same file as {@link #read(String, byte[])} and checks nothing:
     * call it after {@code read} accepted the roster.
     */
    public Map<String, Contact> contacts(String fileName, byte[] content) {
        List<RosterRow> lines = isZip(content) ? xlsxLines(fileName, content) : csvLines(content);
        Map<String, Contact> out = new LinkedHashMap<>();
        if (lines.isEmpty()) {
            return out;
        }
        Map<String, Integer> columns = columns(lines.get(0).cells());
        int person = column(lines.get(0).cells(), "联系人", "contact");
        int phone = column(lines.get(0).cells(), "联系电话", "phone");
        if (!columns.containsKey("code") || person < 0 && phone < 0) {
            return out;
        }
        for (RosterRow line : lines.subList(1, lines.size())) {
            String code = cell(line, columns.get("code"));
            Contact c = new Contact(cell(line, person), cell(line, phone));
            if (!code.isEmpty() && !(c.person().isEmpty() && c.phone().isEmpty())) {
                out.putIfAbsent(code, c);
            }
        }
        return out;
    }

    private static int column(List<String> header, String chinese, String key) {
        for (int i = 0; i < header.size(); i++) {
            String h = NumberText.trim(header.get(i)).toLowerCase(Locale.ROOT);
            if (h.equals(chinese) || h.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(RosterRow line, int i) {
        return i >= 0 && i < line.cells().size() ? NumberText.trim(line.cells().get(i)) : "";
    }

    /** One roster row as read: its line number and its cells. */
    private record RosterRow(int number, List<String> cells) {
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private Roster toRoster(String file, List<RosterRow> lines) {
        if (lines.isEmpty()) {
            throw new RosterException(file, List.of(file + " 第1行：名单是空的，应有表头 "
                    + String.join(",", KEYS) + " 和每校一行"));
        }
        RosterRow header = lines.get(0);
        Map<String, Integer> columns = columns(header.cells());
        List<String> missing = KEYS.stream().filter(k -> !columns.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new RosterException(file, List.of(file + " 第" + header.number() + "行：表头应为 "
                    + String.join(",", KEYS) + "（或 " + String.join(",", CHINESE) + "），缺少 "
                    + String.join(",", missing)));
        }
        List<String> problems = new ArrayList<>();
        List<School> schools = new ArrayList<>();
        Map<String, Integer> firstLineOfCode = new HashMap<>();
        for (RosterRow line : lines.subList(1, lines.size())) {
            if (line.cells().stream().allMatch(c -> NumberText.trim(c).isEmpty())) {
                continue;
            }
            List<String> rowProblems = new ArrayList<>();
            Map<String, String> v = new LinkedHashMap<>();
            for (String k : KEYS) {
                int i = columns.get(k);
                v.put(k, i < line.cells().size() ? NumberText.trim(line.cells().get(i)) : "");
            }
            check(v, rowProblems);
            Integer earlier = firstLineOfCode.putIfAbsent(v.get("code"), line.number());
            if (earlier != null && !v.get("code").isEmpty()) {
                rowProblems.add("学校标识码 " + v.get("code") + " 与第" + earlier + "行重复");
            }
            if (rowProblems.isEmpty()) {
                schools.add(new School(v.get("code"), v.get("name"), v.get("type"),
                        v.get("township"), v.get("ownership")));
            } else {
                problems.add(file + " 第" + line.number() + "行：" + String.join("；", rowProblems));
            }
        }
        if (!problems.isEmpty()) {
            throw new RosterException(file, problems);
        }
        if (schools.isEmpty()) {
            throw new RosterException(file, List.of(file + " 第2行：名单中没有学校"));
        }
        return new Roster(schools);
    }

    private void check(Map<String, String> v, List<String> problems) {
        String code = v.get("code");
        String type = v.get("type");
        if (code.isEmpty()) {
            problems.add("缺少学校标识码");
        } else {
            School.codeProblem(code, type).ifPresent(problems::add);
        }
        if (v.get("name").isEmpty()) {
            problems.add("缺少学校名称");
        }
        if (type.isEmpty()) {
            problems.add("缺少学校类型");
        } else if (!collection.schoolTypes().contains(type)
                && !(units && School.UNIT_TYPE.equals(type))) {
            problems.add("学校类型“" + type + "”不是" + collection.title() + "的学校类型（"
                    + String.join("、", collection.schoolTypes()) + (units ? "；汇总各县区的汇总表时填“"
                    + School.UNIT_TYPE + "”）" : "）"));
        }
        if (v.get("township").isEmpty()) {
            problems.add("缺少所在乡镇");
        }
        String ownership = v.get("ownership");
        if (!OWNERSHIPS.contains(ownership)) {
            problems.add(ownership.isEmpty() ? "缺少办学性质（公办或民办）"
                    : "办学性质“" + ownership + "”应为公办或民办");
        }
    }

    /** Header cell to key; unknown headers are ignored so a roster may carry extra columns. */
    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = NumberText.trim(header.get(i)).toLowerCase(Locale.ROOT);
            int k = KEYS.indexOf(h);
            if (k < 0) {
                k = CHINESE.indexOf(h);
            }
            if (k >= 0) {
                out.putIfAbsent(KEYS.get(k), i);
            }
        }
        return out;
    }

    private static List<RosterRow> csvLines(byte[] content) {
        return Csv.parse(decode(content));
    }

    /** UTF-8 when the bytes are valid UTF-8 (BOM or not), else GBK as Excel in China saves. */
    static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb
                && (b[2] & 0xff) == 0xbf) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, GBK);
        }
    }

    /**
     * The first sheet's rows through fastexcel (the EasyExcel API), each cell as stored: a row
     * keeps the number Excel shows beside it, so a message names the row the clerk sees.
     */
    private static List<RosterRow> xlsxLines(String file, byte[] content) {
        List<RosterRow> out = new ArrayList<>();
        ReadListener<Map<Integer, ReadCellData<?>>> rows = new ReadListener<>() {
            @Override
            public void invoke(Map<Integer, ReadCellData<?>> row, AnalysisContext context) {
                int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                List<String> cells = new ArrayList<>(width);
                for (int c = 0; c < width; c++) {
                    cells.add(cellText(row.get(c)));
                }
                out.add(new RosterRow(context.readRowHolder().getRowIndex() + 1, cells));
            }

            @Override
            public void doAfterAllAnalysed(AnalysisContext context) {
                // every row was taken as it came
            }

            @Override
            public void onException(Exception e, AnalysisContext context) throws Exception {
                throw e;
            }
        };
        try {
            FastExcel.read(new ByteArrayInputStream(content), rows).excelType(ExcelTypeEnum.XLSX)
                    .headRowNumber(0).ignoreEmptyRow(true).autoTrim(false)
                    .readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA).sheet(0).doRead();
        } catch (RuntimeException e) {
            throw new HuizongException("学校名单 " + file + " 不是可读取的Excel工作簿："
                    + rootMessage(e), e);
        }
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** A code typed as a number reads as its digits, not 3.134000001E9. */
    private static String cellText(ReadCellData<?> cell) {
        if (cell == null || cell.getType() == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> cell.getNumberValue() == null ? ""
                    : NumberText.normalize(cell.getNumberValue()).toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanValue());
            case EMPTY -> "";
            default -> cell.getStringValue() == null ? "" : cell.getStringValue();
        };
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ({@code ""}) and line breaks. */
    private static final class Csv {
        private Csv() {
        }

        static List<RosterRow> parse(String text) {
            List<RosterRow> lines = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int lineNo = 1;
            int startLine = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            lineNo++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    cells.add(cell.toString());
                    cell.setLength(0);
                    lines.add(new RosterRow(startLine, List.copyOf(cells)));
                    cells.clear();
                    lineNo++;
                    startLine = lineNo;
                } else {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !cells.isEmpty()) {
                cells.add(cell.toString());
                lines.add(new RosterRow(startLine, List.copyOf(cells)));
            }
            lines.removeIf(l -> l.cells().size() == 1 && l.cells().get(0).isBlank());
            return lines;
        }
    }
}

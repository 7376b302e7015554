package org.huizong.engine.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Severity;
import org.huizong.engine.rules.Validation;

/**
 * Validation results as a school clerk or a script reads them: a numbered text report per file
 * ending with a count line, or JSON in the stable shape of {@code docs/findings-json.md}, the
 * one shape the command line prints, the server stores and answers with, and the add-in reads.
 * Also its reader, for findings the server stored.
 */
public final class FindingReport {
    private FindingReport() {
    }

    /**
     * One block per file, findings numbered from 1:
     * {@code 1) [错误] 学生资助!D7 aid.preschool.persons: ...}; a warning's 说明 on the next
     * line; then {@code 共 3 个文件：错误 2 条，警告 1 条（已说明 0 条），提示 1 条}.
     */
    public static String text(List<Validation> validations) {
        return text(validations, true);
    }

    /**
     * The text report; unless {@code everyFile}, files without any finding are left out of the
     * listing (the summary line still counts them), so a clerk checking 300 returns reads only
     * the ones to fix.
     */
    public static String text(List<Validation> validations, boolean everyFile) {
        StringBuilder sb = new StringBuilder();
        for (Validation v : validations) {
            if (!everyFile && v.findings().isEmpty()) {
                continue;
            }
            sb.append(v.file());
            if (!v.schoolCode().isEmpty()) {
                sb.append("（学校标识码 ").append(v.schoolCode());
                v.period().ifPresent(p -> sb.append("，").append(p.label()));
                sb.append('）');
            }
            sb.append('\n');
            if (v.findings().isEmpty()) {
                sb.append("   未发现问题\n");
            }
            int n = 1;
            for (Finding f : v.findings()) {
                sb.append(n++).append(") [").append(f.severity().label()).append("] ");
                f.cell().ifPresent(c -> sb.append(c).append(' '));
                sb.append(f.message()).append('\n');
                f.explanation().ifPresent(e -> sb.append("   说明：").append(e).append('\n'));
            }
        }
        return sb.append(summaryLine(validations)).append('\n').toString();
    }

    /**
     * {@code 共 3 个文件：错误 2 条，警告 1 条（已说明 0 条），提示 1 条；未发现问题的文件 1 个}, the
     * last part only when some file has no finding.
     */
    public static String summaryLine(List<Validation> validations) {
        Totals t = Totals.of(validations);
        long clean = validations.stream().filter(v -> v.findings().isEmpty()).count();
        return "共 " + validations.size() + " 个文件：错误 " + t.errors + " 条，警告 " + t.warnings
                + " 条（已说明 " + t.explained + " 条），提示 " + t.notices + " 条"
                + (clean > 0 ? "；未发现问题的文件 " + clean + " 个" : "");
    }

    /** The documented JSON shape; keys in fixed order, two-space indentation, UTF-8 text. */
    public static String json(List<Validation> validations) {
        StringBuilder sb = new StringBuilder("{\n  \"files\": [");
        for (int i = 0; i < validations.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n");
            file(sb, validations.get(i), Style.PRETTY);
        }
        sb.append(validations.isEmpty() ? "],\n" : "\n  ],\n");
        Totals t = Totals.of(validations);
        long acceptable = validations.stream().filter(Validation::isAcceptable).count();
        sb.append("  \"summary\": {\"files\": ").append(validations.size())
                .append(", \"errors\": ").append(t.errors)
                .append(", \"warnings\": ").append(t.warnings)
                .append(", \"explained\": ").append(t.explained)
                .append(", \"notices\": ").append(t.notices)
                .append(", \"acceptable\": ").append(acceptable).append("}\n}\n");
        return sb.toString();
    }

    /**
     * One file's object of the documented shape ({@code files[]} of {@link #json}), on one line:
     * what the server stores for an upload and sends in its API answers. {@link #parseFile} reads
     * it back.
     */
    public static String fileJson(Validation v) {
        StringBuilder sb = new StringBuilder(256);
        file(sb, v, Style.COMPACT);
        return sb.toString();
    }

    /**
     * Where the two layouts of the same shape differ: {@link #json} indents, one finding a line,
     * with a space after each comma and colon; {@link #fileJson} writes one line without spaces,
     * as the server's other JSON is written.
     */
    private record Style(String fileIndent, String lineBreak, String firstFinding,
            String nextFinding, String endFindings, String comma, String colon) {
        static final Style PRETTY = new Style("    ", ",\n     ", "\n       ", ",\n       ",
                "\n     ]}", ", ", ": ");
        static final Style COMPACT = new Style("", ",", "", ",", "]}", ",", ":");

        /** {@code "name":} as the first key of an object. */
        String first(String name) {
            return "{\"" + name + "\"" + colon;
        }

        /** {@code ,"name":} after another key. */
        String key(String name) {
            return comma + "\"" + name + "\"" + colon;
        }
    }

    private static void file(StringBuilder sb, Validation v, Style style) {
        sb.append(style.fileIndent()).append(style.first("file")).append(quote(v.file()))
                .append(style.key("school")).append(quote(v.schoolCode()))
                .append(style.key("period"))
                .append(v.period().map(p -> quote(p.toString())).orElse("null"))
                .append(style.lineBreak()).append("\"errors\"").append(style.colon())
                .append(v.errors())
                .append(style.key("warnings")).append(v.warnings())
                .append(style.key("explained")).append(v.explainedWarnings())
                .append(style.key("notices")).append(v.notices())
                .append(style.key("acceptable")).append(v.isAcceptable())
                .append(style.lineBreak()).append("\"findings\"").append(style.colon())
                .append('[');
        for (int i = 0; i < v.findings().size(); i++) {
            sb.append(i == 0 ? style.firstFinding() : style.nextFinding());
            finding(sb, v.findings().get(i), style);
        }
        sb.append(v.findings().isEmpty() ? "]}" : style.endFindings());
    }

    private static void finding(StringBuilder sb, Finding f, Style style) {
        sb.append(style.first("rule")).append(quote(f.ruleId()))
                .append(style.key("severity")).append(quote(severity(f.severity())))
                .append(style.key("message")).append(quote(f.message()))
                .append(style.key("fields")).append('[');
        for (int i = 0; i < f.fieldIds().size(); i++) {
            sb.append(i == 0 ? "" : style.comma()).append(quote(f.fieldIds().get(i)));
        }
        sb.append(']').append(style.key("cells")).append('[');
        for (int i = 0; i < f.cells().size(); i++) {
            sb.append(i == 0 ? "" : style.comma()).append(quote(f.cells().get(i).toString()));
        }
        sb.append(']').append(style.key("explanation"))
                .append(f.explanation().map(FindingReport::quote).orElse("null")).append('}');
    }

    /**
     * Reads one file object of the documented shape: {@link #fileJson}'s output, or an element of
     * {@code files[]} of {@link #json}. The counts are derived from the findings, so they are not
     * read; keys this version does not know are ignored, as the shape may gain keys.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static Validation parseFile(String json) {
        String what = "file object";
        Map<String, Object> file = object(JsonText.parse(json), what);
        Optional<Period> period = file.get("period") == null ? Optional.empty()
                : Optional.of(Period.parse(text(file, "period", what)));
        return new Validation(text(file, "file", what), text(file, "school", what), period,
                findings(file.get("findings")));
    }

    /** Reads a {@code findings[]} array of the documented shape. */
    public static List<Finding> parseFindings(String json) {
        return findings(JsonText.parse(json));
    }

    private static List<Finding> findings(Object array) {
        List<Finding> out = new ArrayList<>();
        for (Object o : list(array, "findings")) {
            Map<String, Object> f = object(o, "finding");
            String rule = text(f, "rule", "finding");
            String where = "finding " + rule;
            List<CellRef> cells = new ArrayList<>();
            for (Object c : list(f.get("cells"), where + " cells")) {
                cells.add(cell(String.valueOf(c), where));
            }
            Object explanation = f.get("explanation");
            out.add(new Finding(rule, severity(text(f, "severity", where), where),
                    text(f, "message", where),
                    list(f.get("fields"), where + " fields").stream().map(String::valueOf)
                            .toList(),
                    cells, explanation == null ? Optional.empty()
                            : Optional.of(text(f, "explanation", where))));
        }
        return out;
    }

    private static Severity severity(String id, String where) {
        for (Severity s : Severity.values()) {
            if (severity(s).equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException(where + ": severity '" + id
                + "' is not error, warning or notice");
    }

    /** {@code 学生资助!D7}; the sheet name may itself contain {@code !}. */
    private static CellRef cell(String ref, String where) {
        int bang = ref.lastIndexOf('!');
        if (bang <= 0 || bang == ref.length() - 1) {
            throw new IllegalArgumentException(where + ": cell '" + ref + "' is not sheet!A1");
        }
        return new CellRef(ref.substring(0, bang), ref.substring(bang + 1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(what + " is not a JSON object: " + o);
        }
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " is not a JSON array: " + o);
        }
        return l;
    }

    private static String text(Map<String, Object> m, String key, String what) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException(what + ": \"" + key + "\" is not a string: "
                    + m.get(key));
        }
        return s;
    }

    /** {@code error}, {@code warning} or {@code notice}. */
    public static String severity(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTICE -> "notice";
        };
    }

    /**
     * A JSON string literal: quote, backslash and control characters escaped; U+2028 and U+2029
     * too, so the text can be pasted into JavaScript, and {@code <} as {@code \u003c}, so it can
     * stand inside an HTML {@code <script>} (the server embeds JSON in its pages). Other
     * characters are written as they are. The one JSON string writer of the project.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private record Totals(int errors, int warnings, int explained, int notices) {
        static Totals of(List<Validation> vs) {
            int e = 0;
            int w = 0;
            int x = 0;
            int n = 0;
            for (Validation v : vs) {
                e += v.errors();
                w += v.warnings();
                x += v.explainedWarnings();
                n += v.notices();
            }
            return new Totals(e, w, x, n);
        }
    }
}

package org.huizong.engine.findings;

import java.util.List;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Severity;
import org.huizong.engine.rules.Validation;

/**
 * Validation results as a school clerk or a script reads them: a numbered text report per file
 * ending with a count line, or JSON in the stable shape of {@code docs/findings-json.md}.
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
        StringBuilder sb = new StringBuilder();
        for (Validation v : validations) {
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
                if (!f.fieldIds().isEmpty()) {
                    sb.append(f.fieldIds().get(0)).append(": ");
                }
                sb.append(f.message()).append('\n');
                f.explanation().ifPresent(e -> sb.append("   说明：").append(e).append('\n'));
            }
        }
        return sb.append(summaryLine(validations)).append('\n').toString();
    }

    /** {@code 共 3 个文件：错误 2 条，警告 1 条（已说明 0 条），提示 1 条}. */
    public static String summaryLine(List<Validation> validations) {
        Totals t = Totals.of(validations);
        return "共 " + validations.size() + " 个文件：错误 " + t.errors + " 条，警告 " + t.warnings
                + " 条（已说明 " + t.explained + " 条），提示 " + t.notices + " 条";
    }

    /** The documented JSON shape; keys in fixed order, two-space indentation, UTF-8 text. */
    public static String json(List<Validation> validations) {
        StringBuilder sb = new StringBuilder("{\n  \"files\": [");
        for (int i = 0; i < validations.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n");
            file(sb, validations.get(i));
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

    private static void file(StringBuilder sb, Validation v) {
        sb.append("    {\"file\": ").append(quote(v.file()))
                .append(", \"school\": ").append(quote(v.schoolCode()))
                .append(", \"period\": ")
                .append(v.period().map(p -> quote(p.toString())).orElse("null"))
                .append(",\n     \"errors\": ").append(v.errors())
                .append(", \"warnings\": ").append(v.warnings())
                .append(", \"explained\": ").append(v.explainedWarnings())
                .append(", \"notices\": ").append(v.notices())
                .append(", \"acceptable\": ").append(v.isAcceptable())
                .append(",\n     \"findings\": [");
        for (int i = 0; i < v.findings().size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n");
            finding(sb, v.findings().get(i));
        }
        sb.append(v.findings().isEmpty() ? "]}" : "\n     ]}");
    }

    private static void finding(StringBuilder sb, Finding f) {
        sb.append("       {\"rule\": ").append(quote(f.ruleId()))
                .append(", \"severity\": ").append(quote(severity(f.severity())))
                .append(", \"message\": ").append(quote(f.message()))
                .append(", \"fields\": [");
        for (int i = 0; i < f.fieldIds().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(f.fieldIds().get(i)));
        }
        sb.append("], \"cells\": [");
        for (int i = 0; i < f.cells().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(f.cells().get(i).toString()));
        }
        sb.append("], \"explanation\": ")
                .append(f.explanation().map(FindingReport::quote).orElse("null")).append('}');
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

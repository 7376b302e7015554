package org.huizong.server.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.huizong.engine.findings.FindingReport;

/**
 * A small JSON writer for the API's answers: maps (insertion-ordered), lists, strings, numbers,
 * booleans, null, and {@link Raw} fragments written elsewhere, such as the findings that
 * {@code FindingReport} writes. Strings are quoted by {@code FindingReport.quote}, so no answer
 * contains a {@code <}. (The reader is the engine's {@code JsonText}.)
 */
public final class Json {
    /** JSON text written by its own writer, put into an answer as it is. */
    public record Raw(String json) {
        public Raw {
            Objects.requireNonNull(json, "json");
        }
    }

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Raw r) {
            sb.append(r.json());
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Iterable<?> it) {
            sb.append('[');
            boolean first = true;
            for (Object o : it) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, o);
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append(FindingReport.quote(s));
    }
}

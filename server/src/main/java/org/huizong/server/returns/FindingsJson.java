package org.huizong.server.returns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Severity;
import org.huizong.server.web.Json;

/**
 * Findings as JSON, the form the database stores and the API returns, with the same keys as
 * {@code huizong validate --format json} ({@code docs/findings-json.md}): each finding is
 * {@code {"rule", "severity" (error|warning|notice), "severityLabel" (错误|警告|提示),
 * "message", "fields", "cells" (["学生资助!D7"]), "explanation" (string or null)}}.
 */
public final class FindingsJson {
    private FindingsJson() {
    }

    public static List<Map<String, Object>> toMaps(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("severity", FindingReport.severity(f.severity()));
            m.put("severityLabel", f.severity().label());
            m.put("message", f.message());
            m.put("fields", f.fieldIds());
            m.put("cells", f.cells().stream().map(CellRef::toString).toList());
            m.put("explanation", f.explanation().orElse(null));
            out.add(m);
        }
        return out;
    }

    public static String write(List<Finding> findings) {
        return Json.write(toMaps(findings));
    }

    @SuppressWarnings("unchecked")
    public static List<Finding> read(String json) {
        List<Finding> out = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(json)) {
            Map<String, Object> m = (Map<String, Object>) o;
            List<CellRef> cells = new ArrayList<>();
            for (Object c : (List<Object>) m.get("cells")) {
                String s = (String) c;
                int bang = s.lastIndexOf('!');
                cells.add(new CellRef(s.substring(0, Math.max(bang, 0)), s.substring(bang + 1)));
            }
            List<String> fieldIds = new ArrayList<>();
            for (Object id : (List<Object>) m.get("fields")) {
                fieldIds.add((String) id);
            }
            out.add(new Finding((String) m.get("rule"),
                    Severity.valueOf(((String) m.get("severity")).toUpperCase(Locale.ROOT)),
                    (String) m.get("message"),
                    fieldIds, cells, Optional.ofNullable((String) m.get("explanation"))));
        }
        return out;
    }

    static int count(List<Finding> findings, Severity s) {
        return (int) findings.stream().filter(f -> f.severity() == s).count();
    }

    static int unexplained(List<Finding> findings) {
        return (int) findings.stream().filter(Finding::isUnexplainedWarning).count();
    }
}

package org.huizong.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Severity;

/**
 * Findings as JSON, the form the database stores and the API returns: each finding is
 * {@code {"ruleId", "severity" (ERROR|WARNING|NOTICE), "severityLabel" (错误|警告|提示),
 * "message", "fieldIds", "cells" (["学生资助!D7"]), "explanation" (string or null)}}.
 */
final class FindingsJson {
    private FindingsJson() {
    }

    static List<Map<String, Object>> toMaps(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", f.ruleId());
            m.put("severity", f.severity().name());
            m.put("severityLabel", f.severity().label());
            m.put("message", f.message());
            m.put("fieldIds", f.fieldIds());
            m.put("cells", f.cells().stream().map(CellRef::toString).toList());
            m.put("explanation", f.explanation().orElse(null));
            out.add(m);
        }
        return out;
    }

    static String write(List<Finding> findings) {
        return Json.write(toMaps(findings));
    }

    @SuppressWarnings("unchecked")
    static List<Finding> read(String json) {
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
            for (Object id : (List<Object>) m.get("fieldIds")) {
                fieldIds.add((String) id);
            }
            out.add(new Finding((String) m.get("ruleId"),
                    Severity.valueOf((String) m.get("severity")), (String) m.get("message"),
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

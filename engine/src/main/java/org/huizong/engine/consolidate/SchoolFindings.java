package org.huizong.engine.consolidate;

import java.util.List;
import java.util.Objects;
import org.huizong.engine.model.Finding;

/** Findings of one school's return, for the findings sheet (问题清单). */
public record SchoolFindings(String schoolCode, String schoolName, String file,
        List<Finding> findings) {
    public SchoolFindings {
        Objects.requireNonNull(schoolCode, "schoolCode");
        Objects.requireNonNull(schoolName, "schoolName of " + schoolCode);
        Objects.requireNonNull(file, "file of " + schoolCode);
        findings = List.copyOf(findings);
    }
}

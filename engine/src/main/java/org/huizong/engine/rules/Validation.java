package org.huizong.engine.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Severity;

/**
 * The findings of one return, in report order.
 *
 * @param file the file name, never a full path
 * @param schoolCode 学校标识码 (or a consolidated book's unit code); empty when unknown
 * @param period the reporting period, empty when the file could not be read that far
 */
public record Validation(String file, String schoolCode, Optional<Period> period,
        List<Finding> findings) {

    public Validation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schoolCode, "schoolCode of " + file);
        Objects.requireNonNull(period, "period of " + file);
        findings = List.copyOf(findings);
    }

    static Validation of(Return r, List<Finding> findings) {
        return new Validation(r.file(), r.schoolCode(), Optional.of(r.meta().period()), findings);
    }

    public int errors() {
        return count(Severity.ERROR);
    }

    public int warnings() {
        return count(Severity.WARNING);
    }

    public int notices() {
        return count(Severity.NOTICE);
    }

    /** Warnings that carry an accepted 说明. */
    public int explainedWarnings() {
        return warnings() - unexplainedWarnings().size();
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    /** Warnings without a 说明 of at least 6 characters. */
    public List<Finding> unexplainedWarnings() {
        return findings.stream().filter(Finding::isUnexplainedWarning).toList();
    }

    /** No error and every warning explained: the bureau can accept the return. */
    public boolean isAcceptable() {
        return !hasErrors() && unexplainedWarnings().isEmpty();
    }

    private int count(Severity s) {
        return (int) findings.stream().filter(f -> f.severity() == s).count();
    }
}

package org.huizong.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a return.
 *
 * @param ruleId a spec rule's id, or a built-in check's ({@code required}, {@code type},
 *     {@code range}, {@code enum}, {@code applies}, {@code read}, ...)
 * @param message Chinese, with the actual values, complete without the other fields
 * @param fieldIds the fields concerned, first the one to fix
 * @param cells where they are, in the same order
 * @param explanation the school's 说明 for a warning, when one of at least 6 characters was given
 */
public record Finding(String ruleId, Severity severity, String message, List<String> fieldIds,
        List<CellRef> cells, Optional<String> explanation) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity of " + ruleId);
        Objects.requireNonNull(message, "message of " + ruleId);
        fieldIds = List.copyOf(fieldIds);
        cells = List.copyOf(cells);
        Objects.requireNonNull(explanation, "explanation");
    }

    public static Finding of(String ruleId, Severity severity, String message, String fieldId,
            CellRef cell) {
        return new Finding(ruleId, severity, message, List.of(fieldId),
                cell == null ? List.of() : List.of(cell), Optional.empty());
    }

    public Finding withExplanation(String text) {
        return new Finding(ruleId, severity, message, fieldIds, cells, Optional.of(text));
    }

    /** The first cell, where a clerk should look. */
    public Optional<CellRef> cell() {
        return cells.isEmpty() ? Optional.empty() : Optional.of(cells.get(0));
    }

    /** A warning that still needs a 说明. */
    public boolean isUnexplainedWarning() {
        return severity == Severity.WARNING && explanation.isEmpty();
    }
}

package org.huizong.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * One printed row of a form sheet: a label and the fields in its value columns, left to right.
 * A plain list sheet has one field a line; the aid grid has a persons and an amount field.
 *
 * @param label the row header (项目)
 * @param fields the row's fields; a {@code null} entry leaves that value column empty
 */
public record Line(String label, List<Field> fields) {
    public Line {
        Objects.requireNonNull(label, "label");
        fields = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(fields));
        if (fields.stream().allMatch(Objects::isNull)) {
            throw new IllegalArgumentException("行“" + label + "”没有字段");
        }
    }
}

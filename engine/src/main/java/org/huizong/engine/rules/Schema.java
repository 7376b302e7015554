package org.huizong.engine.rules;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Table;

/**
 * What evaluation needs to know about a collection, worked out once: which field ids are table
 * columns, the parsed formulas of computed fields, and the school types each type or group name
 * stands for.
 */
final class Schema {
    private final Collection collection;
    private final Map<String, Table> tableOfColumn = new LinkedHashMap<>();
    private final Map<String, Expr> formulas = new LinkedHashMap<>();

    Schema(Collection collection) {
        this.collection = collection;
        for (Table t : collection.tables()) {
            for (Field c : t.columns()) {
                tableOfColumn.put(c.id(), t);
            }
        }
        for (Field f : collection.allFields()) {
            f.formula().ifPresent(src -> formulas.put(f.id(),
                    RuleCheck.parse("字段 " + f.id() + " 的 formula", src)));
        }
    }

    Collection collection() {
        return collection;
    }

    /** The table a column field id belongs to, empty for a form field or an unknown id. */
    Optional<Table> tableOf(String fieldId) {
        return Optional.ofNullable(tableOfColumn.get(fieldId));
    }

    boolean isColumn(String fieldId) {
        return tableOfColumn.containsKey(fieldId);
    }

    /** The formula of a computed field, empty for an input. */
    Optional<Expr> formula(String fieldId) {
        return Optional.ofNullable(formulas.get(fieldId));
    }

    Map<String, Expr> formulas() {
        return formulas;
    }

    /** Whether a name is a school type or a group of the collection. */
    boolean isTypeOrGroup(String name) {
        return collection.schoolTypes().contains(name) || collection.groups().containsKey(name);
    }

    /** The school types a {@code type_is} argument covers: a group's members or the type. */
    Set<String> typesOf(String name) {
        List<String> group = collection.groups().get(name);
        return group != null ? new LinkedHashSet<>(group) : Set.of(name);
    }
}

package org.huizong.engine.returns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;
import org.huizong.engine.rules.Expr;
import org.huizong.engine.rules.RuleParser;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.engine.xlsx.NamedArea;

/**
 * What reading a return of one collection needs, worked out once per collection rather than
 * once per file (a county reads thousands): the defined name of every field and table column,
 * which of them each sheet must have and where the template puts each, the optional {@code X_}
 * 说明 name of every rule, and the parsed formulas of the computed fields, evaluated by the
 * collection's validator (which parses the rule language once). Immutable.
 *
 * @param layout every {@code F_} and {@code T_} name's place in the template
 */
record ReadPlan(Collection collection, Validator validator, List<SheetNames> sheets,
        List<Named> fields, List<TableNames> tables, List<Explanation> explanations,
        List<Computed> computed, Map<String, Place> layout) {

    /**
     * Where the template puts a name.
     *
     * @param column whether it names a table column (rows may be inserted) rather than a field
     */
    record Place(NamedArea area, boolean column) {
    }

    /** The names a sheet's fields and table columns are found by. */
    record SheetNames(String title, List<String> names) {
        SheetNames {
            names = List.copyOf(names);
        }
    }

    /** A field and its {@code F_} name. */
    record Named(Field field, String name) {
    }

    /** A table, its columns, and each column's {@code T_} name and row key. */
    record TableNames(Table table, List<Named> columns, List<String> keys) {
        TableNames {
            columns = List.copyOf(columns);
            keys = List.copyOf(keys);
        }
    }

    /** A rule's id and the name of its 说明 cell. */
    record Explanation(String ruleId, String name) {
    }

    /** A computed field and its parsed formula. */
    record Computed(Field field, Expr formula) {
    }

    ReadPlan {
        sheets = List.copyOf(sheets);
        fields = List.copyOf(fields);
        tables = List.copyOf(tables);
        explanations = List.copyOf(explanations);
        computed = List.copyOf(computed);
        layout = Collections.unmodifiableMap(new LinkedHashMap<>(layout));
    }

    static ReadPlan of(Collection c) {
        List<SheetNames> sheets = new ArrayList<>();
        List<TableNames> tables = new ArrayList<>();
        for (Sheet s : c.sheets()) {
            List<String> names = new ArrayList<>();
            s.fields().forEach(f -> names.add(f.definedName()));
            s.table().ifPresent(t -> {
                List<Named> columns = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                for (Field col : t.columns()) {
                    columns.add(new Named(col, t.columnName(col)));
                    keys.add(Table.key(col));
                    names.add(t.columnName(col));
                }
                tables.add(new TableNames(t, columns, keys));
            });
            sheets.add(new SheetNames(s.title(), names));
        }
        List<Named> fields = new ArrayList<>();
        List<Computed> computed = new ArrayList<>();
        for (Field f : c.fields()) {
            fields.add(new Named(f, f.definedName()));
            if (f.isComputed()) {
                computed.add(new Computed(f, RuleParser.parse(f.formula().orElseThrow())));
            }
        }
        List<Explanation> explanations = new ArrayList<>();
        for (Rule r : c.rules()) {
            explanations.add(new Explanation(r.id(), TemplateWriter.explanationName(r.id())));
        }
        Set<String> columns = new HashSet<>();
        tables.forEach(t -> t.columns().forEach(col -> columns.add(col.name())));
        Map<String, Place> layout = new LinkedHashMap<>();
        TemplateWriter.namedAreas(c).forEach((name, area) -> layout.put(name,
                new Place(area, columns.contains(name))));
        return new ReadPlan(c, Validator.of(c), sheets, fields, tables, explanations, computed,
                layout);
    }
}

package org.huizong.engine.report;

import java.util.ArrayList;
import java.util.List;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.SchoolStatus;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Value;

/**
 * The consolidation's per-school detail as a flat table for other systems (学校明细.csv): one
 * row per school counted in the totals, in roster order, its identity and every form field at
 * the precision collected; and the schools that did not report (未报学校).
 */
public final class DetailTable {
    private DetailTable() {
    }

    /** Counted schools, a column per form field, headed with the field's label and unit. */
    public static FlatTable counted(Consolidation c) {
        List<Field> fields = c.collection().fields().stream()
                .filter(f -> !f.prefilled())
                .toList();
        List<String> header = new ArrayList<>(List.of("学校标识码", "学校名称", "学校类型", "所在乡镇",
                "办学性质"));
        for (Field f : fields) {
            header.add(f.unit().isEmpty() ? f.label() : f.label() + "(" + f.unit() + ")");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SchoolStatus s : c.schools()) {
            if (!s.status().isCounted()) {
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(s.school().code(), s.school().name(),
                    s.school().type(), s.school().township(), s.school().ownership()));
            for (Field f : fields) {
                row.add(cell(s.values().get(f.id())));
            }
            rows.add(row);
        }
        return FlatTable.of("学校明细", header, rows);
    }

    /** Schools on the roster whose return did not arrive. */
    public static FlatTable missing(Consolidation c) {
        List<List<Object>> rows = new ArrayList<>();
        for (SchoolStatus s : c.schools()) {
            if (s.status() == SchoolStatus.Status.MISSING) {
                rows.add(List.of(s.school().code(), s.school().name(), s.school().type(),
                        s.school().township(), s.school().ownership()));
            }
        }
        return FlatTable.of("未报学校", List.of("学校标识码", "学校名称", "学校类型", "所在乡镇",
                "办学性质"), rows);
    }

    private static Object cell(Value v) {
        if (v == null) {
            return null;
        }
        return v instanceof Value.Num n ? (Object) n.value() : v.display();
    }
}

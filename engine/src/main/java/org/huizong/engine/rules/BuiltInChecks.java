package org.huizong.engine.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;

/**
 * The checks every collection gets without a spec entry, driven by field metadata: required,
 * number, integer, negative, decimals, bound (above the field's plausible maximum), enum, phone,
 * applies and row.required. Findings come in
 * sheet order, field by field; a table's used rows row by row.
 */
final class BuiltInChecks {
    static final String REQUIRED = "required";
    static final String NUMBER = "number";
    static final String INTEGER = "integer";
    static final String NEGATIVE = "negative";
    static final String DECIMALS = "decimals";
    static final String BOUND = "bound";
    static final String ENUM = "enum";
    static final String PHONE = "phone";
    static final String APPLIES = "applies";
    static final String ROW_REQUIRED = "row.required";

    /** An 11-digit mobile, or a landline with its area code and an optional extension. */
    private static final Pattern PHONE_FORM =
            Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

    private final Collection collection;

    BuiltInChecks(Collection collection) {
        this.collection = collection;
    }

    /**
     * @param schoolType the return's {@code info.type}; empty when unknown, and then every field
     *     counts as applicable (an unknown type must not turn every value into an error)
     */
    void check(Return r, Optional<String> schoolType, List<Finding> out) {
        for (Sheet s : collection.sheets()) {
            for (Field f : s.fields()) {
                if (!f.isComputed()) {
                    field(r, f, f.label(), r.find(f.id()), r.findCell(f.id()).orElse(null),
                            schoolType, out);
                }
            }
            if (s.table().isPresent()) {
                table(r, s, s.table().get(), schoolType, out);
            }
        }
    }

    private void table(Return r, Sheet s, Table t, Optional<String> schoolType,
            List<Finding> out) {
        for (TableRow row : r.rows(t.id())) {
            String where = s.title() + "第" + row.index() + "行";
            for (Field c : t.columns()) {
                String key = Table.key(c);
                field(r, c, where + "“" + c.label() + "”", row.find(key), row.cells().get(key),
                        schoolType, out);
            }
            for (String key : t.requiredWhenUsed()) {
                if (row.find(key).isEmpty()) {
                    Field c = t.column(key);
                    out.add(Finding.of(ROW_REQUIRED, Severity.ERROR, where + "已填写，但“"
                            + c.label() + "”未填", c.id(), row.cells().get(key)));
                }
            }
        }
    }

    private static void field(Return r, Field f, String label, Optional<Value> value,
            CellRef cell, Optional<String> schoolType, List<Finding> out) {
        if (schoolType.isPresent() && !f.appliesTo(schoolType.get())) {
            value.ifPresent(v -> out.add(error(APPLIES, label + "不适用于" + schoolType.get()
                    + "，应为空，填的是“" + v.display() + "”", f, cell)));
            return;
        }
        if (value.isEmpty()) {
            if (f.required()) {
                out.add(error(REQUIRED, label + "未填写（必填）", f, cell));
            }
            return;
        }
        Value v = value.get();
        if (f.type().isNumeric()) {
            number(r, f, label, v, cell, out);
        } else if (f.type() == FieldType.ENUM && !f.values().contains(v.display())) {
            out.add(error(ENUM, label + "只能填：" + String.join("、", f.values()) + "，填的是“"
                    + v.display() + "”", f, cell));
        } else if (f.type() == FieldType.PHONE && !PHONE_FORM.matcher(v.display()).matches()) {
            out.add(error(PHONE, label + "应为11位手机号或带区号的固定电话（如0555-1234567），"
                    + "填的是“" + v.display() + "”", f, cell));
        }
    }

    private static void number(Return r, Field f, String label, Value v, CellRef cell,
            List<Finding> out) {
        if (!(v instanceof Value.Num n)) {
            // The reader reports text in a numeric cell itself; say it only if it did not.
            boolean told = r.readFindings().stream().anyMatch(x -> x.ruleId().equals(NUMBER)
                    && x.fieldIds().contains(f.id()));
            if (!told) {
                out.add(error(NUMBER, label + "应填数字，填的是“" + v.display() + "”", f, cell));
            }
            return;
        }
        BigDecimal x = n.value();
        int scale = Math.max(0, x.stripTrailingZeros().scale());
        if (f.type() == FieldType.COUNT && scale > 0) {
            out.add(error(INTEGER, label + "应为整数，填的是 " + v.display(), f, cell));
        } else if (f.type() != FieldType.COUNT && scale > f.decimals()) {
            out.add(error(DECIMALS, label + (f.unit().isEmpty() ? "" : "(" + f.unit() + ")")
                    + "最多保留 " + f.decimals() + " 位小数，填的是 " + v.display(), f, cell));
        }
        if (x.signum() < 0) {
            out.add(error(NEGATIVE, label + "不能为负数，填的是 " + v.display(), f, cell));
        }
        Optional<BigDecimal> max = f.upperBound();
        if (max.isPresent() && x.compareTo(max.get()) > 0) {
            out.add(error(BOUND, label + "超过合理上限 " + max.get().toPlainString() + f.unit()
                    + "，填的是 " + v.display() + "，请核实", f, cell));
        }
    }

    private static Finding error(String rule, String message, Field f, CellRef cell) {
        return Finding.of(rule, Severity.ERROR, message, f.id(), cell);
    }
}

package org.huizong.engine.returns;

import java.util.List;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Value;
import org.huizong.engine.xlsx.NumberText;
import org.huizong.engine.xlsx.RawCell;

/**
 * Turns a stored cell into a field's value, saying what it interpreted. Numeric fields read
 * forgivingly where the intent is certain and strictly where it is not (see {@link NumberText});
 * text that is not a number stays in the return as text, with a {@code number} error at the cell,
 * so the validator does not report it twice. Text fields are trimmed; blank is absent.
 */
final class CellValues {
    static final String NUMBER = "number";
    static final String READ_DASH = "read.dash";
    static final String READ_FULL_WIDTH = "read.fullwidth";
    static final String READ_FORMULA = "read.formula";

    private CellValues() {
    }

    /**
     * @param label how the message names the field ({@code 在校学生(幼儿)数})
     * @param findings receives the reader's notices and errors
     */
    static Optional<Value> read(Field field, String label, RawCell cell, CellRef ref,
            List<Finding> findings) {
        if (cell.formula().isPresent()) {
            return formula(field, label, cell, ref, findings);
        }
        return field.type().isNumeric() ? number(field, label, cell, ref, findings)
                : text(cell);
    }

    private static Optional<Value> formula(Field field, String label, RawCell cell, CellRef ref,
            List<Finding> findings) {
        String f = "=" + cell.formula().orElseThrow();
        if (cell.kind() == RawCell.Kind.BLANK) {
            if (!field.type().isNumeric()) {
                return Optional.empty();
            }
            findings.add(Finding.of(NUMBER, Severity.ERROR, ref + " " + label + " 填写了公式“" + f
                    + "”，文件中没有保存计算结果，请直接填写数字", field.id(), ref));
            return Optional.of(Value.of(f));
        }
        RawCell cached = RawCell.of(cell.kind(), cell.text());
        Optional<Value> v = read(field, label, cached, ref, findings);
        v.ifPresent(x -> findings.add(Finding.of(READ_FORMULA, Severity.NOTICE, ref + " " + label
                + " 填写了公式“" + f + "”，按其计算结果" + x.display() + "读取", field.id(), ref)));
        return v;
    }

    private static Optional<Value> number(Field field, String label, RawCell cell, CellRef ref,
            List<Finding> findings) {
        NumberText.Reading r = switch (cell.kind()) {
            case BLANK -> new NumberText.Blank();
            case NUMBER -> NumberText.stored(cell.text());
            default -> NumberText.parse(cell.text());
        };
        if (r instanceof NumberText.Blank) {
            return Optional.empty();
        }
        if (r instanceof NumberText.Number n) {
            if (n.fullWidth()) {
                findings.add(Finding.of(READ_FULL_WIDTH, Severity.NOTICE, ref + " " + label
                        + " 填写了全角数字“" + NumberText.trim(cell.text()) + "”，按"
                        + n.value().toPlainString() + "读取", field.id(), ref));
            }
            return Optional.of(Value.of(n.value()));
        }
        if (r instanceof NumberText.Dash d) {
            findings.add(Finding.of(READ_DASH, Severity.NOTICE, ref + " " + label + " 填写了“"
                    + d.typed() + "”，按0读取", field.id(), ref));
            return Optional.of(Value.of(0));
        }
        if (r instanceof NumberText.TooLong t) {
            // quoted in part: the whole of it would be a message of any length
            findings.add(Finding.of(NUMBER, Severity.ERROR, ref + " " + label + " 填写了长达"
                    + t.length() + "个字符的内容“" + t.start() + "”，不是一个数字，请只填数字",
                    field.id(), ref));
            return Optional.of(Value.of(t.start()));
        }
        String typed = NumberText.trim(cell.text());
        if (r instanceof NumberText.OutOfRange) {
            findings.add(Finding.of(NUMBER, Severity.ERROR, ref + " " + label + " 填写了“" + typed
                    + "”，超出可读取的数值范围（绝对值应小于10的15次方），请核实", field.id(), ref));
            return Optional.of(Value.of(typed));
        }
        findings.add(Finding.of(NUMBER, Severity.ERROR, ref + " " + label + " 填写了“" + typed
                + "”，请只填数字", field.id(), ref));
        return Optional.of(Value.of(typed));
    }

    private static Optional<Value> text(RawCell cell) {
        String s = cell.shownText();
        return s.isEmpty() ? Optional.empty() : Optional.of(Value.of(s));
    }
}

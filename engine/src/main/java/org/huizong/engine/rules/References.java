package org.huizong.engine.rules;

import java.util.Optional;
import java.util.function.Consumer;
import org.huizong.engine.model.Table;

/**
 * Checks what an expression refers to against a collection: every field exists, table columns
 * appear only where they mean something (as a direct argument of an aggregate, or in a row rule
 * of their table), {@code prev()} names a form field and {@code type_is} names known types or
 * groups. Problems go to a callback that throws, with the position of the offending node.
 */
final class References {
    private final Schema schema;
    private final Optional<Table> rowTable;
    private final Reporter report;

    /** Receives the zero-based offset and the problem, and throws. */
    @FunctionalInterface
    interface Reporter {
        void problem(int offset, String text);
    }

    private References(Schema schema, Optional<Table> rowTable, Reporter report) {
        this.schema = schema;
        this.rowTable = rowTable;
        this.report = report;
    }

    static void check(Schema schema, Optional<Table> rowTable, Expr e, Reporter report) {
        new References(schema, rowTable, report).visit(e, false);
    }

    /** Checks one field id in a message placeholder. */
    static void checkPlaceholder(Schema schema, Optional<Table> rowTable, String fieldId,
            Consumer<String> onError) {
        if (schema.collection().findField(fieldId).isEmpty()) {
            onError.accept("message 中的 {" + fieldId + "} 不是本报表的字段");
        } else if (schema.isColumn(fieldId) && !inRowTable(rowTable, fieldId)) {
            onError.accept("message 中的 {" + fieldId + "} 是表格列，只能用在该表的逐行规则"
                    + "（table: " + schema.tableOf(fieldId).orElseThrow().id() + "）中");
        }
    }

    private static boolean inRowTable(Optional<Table> rowTable, String fieldId) {
        return rowTable.isPresent() && fieldId.startsWith(rowTable.get().id() + ".");
    }

    private void visit(Expr e, boolean columnAllowed) {
        if (e instanceof Expr.FieldRef f) {
            field(f, columnAllowed);
        } else if (e instanceof Expr.Call c) {
            call(c);
        } else {
            e.children().forEach(child -> visit(child, false));
        }
    }

    private void field(Expr.FieldRef f, boolean columnAllowed) {
        if (schema.collection().findField(f.id()).isEmpty()) {
            report.problem(f.position(), "没有字段 '" + f.id() + "'");
        } else if (schema.isColumn(f.id()) && !columnAllowed && !inRowTable(rowTable, f.id())) {
            report.problem(f.position(), "'" + f.id() + "' 是表格 "
                    + schema.tableOf(f.id()).orElseThrow().id() + " 的列，只能作为 sum/max/min/"
                    + "count/countif/sumif 的参数，或用在该表的逐行规则（table:）中");
        }
    }

    private void call(Expr.Call c) {
        switch (c.function()) {
            case SUM, MAX, MIN -> c.args().forEach(a -> visit(a, a instanceof Expr.FieldRef));
            case COUNT, COUNTIF, SUMIF -> {
                Optional<Table> table = Optional.empty();
                for (int i = 0; i < c.args().size(); i++) {
                    Expr a = c.args().get(i);
                    if (c.function().wantsField(i)) {
                        table = column(c, (Expr.FieldRef) a, table);
                    } else {
                        visit(a, false);
                    }
                }
            }
            case PREV -> {
                Expr.FieldRef f = (Expr.FieldRef) c.args().get(0);
                field(f, false);
                if (schema.isColumn(f.id())) {
                    report.problem(f.position(), "prev() 只能用于表单字段，'" + f.id()
                            + "' 是表格列");
                }
            }
            case TYPE_IS -> c.args().forEach(a -> {
                String name = ((Expr.Str) a).value();
                if (!schema.isTypeOrGroup(name)) {
                    report.problem(a.position(), "'" + name + "' 既不是学校类型也不是分组（类型："
                            + String.join("、", schema.collection().schoolTypes()) + "；分组："
                            + String.join("、", schema.collection().groups().keySet()) + "）");
                }
            });
            default -> c.args().forEach(a -> visit(a, false));
        }
    }

    /** A column argument of count/countif/sumif; all of one call's columns share a table. */
    private Optional<Table> column(Expr.Call c, Expr.FieldRef f, Optional<Table> before) {
        if (schema.collection().findField(f.id()).isEmpty()) {
            report.problem(f.position(), "没有字段 '" + f.id() + "'");
            return before;
        }
        Optional<Table> t = schema.tableOf(f.id());
        if (t.isEmpty()) {
            report.problem(f.position(), c.function().spelling() + "() 的参数应为表格列，'"
                    + f.id() + "' 是表单字段");
        } else if (before.isPresent() && !before.get().id().equals(t.get().id())) {
            report.problem(f.position(), c.function().spelling() + "() 的列应属于同一个表格，'"
                    + f.id() + "' 不属于表格 " + before.get().id());
        }
        return t;
    }
}

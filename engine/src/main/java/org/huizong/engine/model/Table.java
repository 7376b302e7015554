package org.huizong.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A repeating table (项目建设): a fixed number of blank rows, one field per column. Column field
 * ids are {@code <table id>.<key>}; the defined name of a column's range is
 * {@code T_<table id>_<key>}.
 *
 * @param rows how many input rows the template offers
 * @param requiredWhenUsed column keys that must be filled once any cell of a row is
 */
public record Table(String id, List<Field> columns, int rows, List<String> requiredWhenUsed) {
    public Table {
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(columns);
        requiredWhenUsed = List.copyOf(requiredWhenUsed);
        if (rows < 1) {
            throw new IllegalArgumentException("表格 " + id + " 至少要有一行");
        }
        for (Field c : columns) {
            if (!c.id().startsWith(id + ".")) {
                throw new IllegalArgumentException("列 " + c.id() + " 不属于表格 " + id
                        + "（列编号应以“" + id + ".”开头）");
            }
        }
    }

    /** The column key: {@code budget} for {@code projects.budget}. */
    public static String key(Field column) {
        return column.id().substring(column.id().indexOf('.') + 1);
    }

    public String columnName(Field column) {
        return "T_" + id + "_" + key(column);
    }

    public Field column(String key) {
        return columns.stream().filter(c -> key(c).equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + id
                        + " has no column " + key));
    }
}

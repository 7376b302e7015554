package org.huizong.templates.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.templates.StandardCollections;

/** The demo county's embedded files: roster and county totals (plain CSV without quoting). */
final class DemoFiles {
    private DemoFiles() {
    }

    static Roster roster() {
        List<School> schools = new ArrayList<>();
        for (String[] row : rows("schools.csv")) {
            schools.add(new School(row[0], row[1], row[2], row[3], row[4]));
        }
        return new Roster(schools);
    }

    static Map<String, BigDecimal> totals(Period period) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String[] row : rows("totals-" + period + ".csv")) {
            out.put(row[0], new BigDecimal(row[1]));
        }
        return out;
    }

    /** The text of an embedded demo file, e.g. {@code schools.csv}. */
    static String text(String name) {
        return StandardCollections.resource("demo/" + name);
    }

    private static List<String[]> rows(String name) {
        List<String[]> out = new ArrayList<>();
        String[] lines = text(name).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            if (cells.length < 2) {
                throw new HuizongException("demo/" + name + " 第" + (i + 1) + "行格式不对");
            }
            out.add(cells);
        }
        return out;
    }
}

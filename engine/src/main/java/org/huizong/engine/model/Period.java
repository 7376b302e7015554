package org.huizong.engine.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-year reporting period, written {@code 2024H1}. H1 is the spring term (春季学期), H2 the
 * autumn term (秋季学期).
 */
public record Period(int year, int half) implements Comparable<Period> {
    private static final Pattern FORM = Pattern.compile("(\\d{4})H([12])");

    public Period {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("period year " + year + " outside 2000..2100");
        }
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("period half " + half + " is neither 1 nor 2");
        }
    }

    public static Period parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("报告期 '" + text + "' 格式不对，应为如 2024H1（上半年）"
                    + "或 2024H2（下半年）");
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The same half of the year before: what 比去年 compares with. */
    public Period yearBefore() {
        return new Period(year - 1, half);
    }

    /** 春季学期 or 秋季学期. */
    public String term() {
        return half == 1 ? "春季学期" : "秋季学期";
    }

    /** 2024年上半年. */
    public String label() {
        return year + "年" + (half == 1 ? "上半年" : "下半年");
    }

    @Override
    public int compareTo(Period o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(half, o.half);
    }

    @Override
    public String toString() {
        return year + "H" + half;
    }
}

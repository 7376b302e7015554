package org.huizong.engine.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of one of the kinds bureaus collect by: a month ({@code 2024-05}), a quarter
 * ({@code 2024Q2}), a half-year ({@code 2024H1}), a calendar year ({@code 2024}) or a school year
 * ({@code 2024-2025}, September to August). Each has its Chinese label, its 上年同期 (the same
 * period a year earlier) and, where one school term covers it, the term (H1 is the spring term
 * 春季学期, H2 the autumn term 秋季学期).
 *
 * @param kind what kind of period
 * @param year the calendar year; a school year's first year
 * @param index the month (1..12), quarter (1..4) or half (1..2); 0 for a year or school year
 */
public record Period(Kind kind, int year, int index) implements Comparable<Period> {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};
    private static final Comparator<Period> ORDER = Comparator.comparing(Period::start)
            .thenComparing(Period::kind);

    /** The kinds of period, with the word a collection's definition uses for each. */
    public enum Kind {
        MONTH("月报", "2024-05"), QUARTER("季报", "2024Q2"), HALF_YEAR("半年报", "2024H1"),
        YEAR("年报", "2024"), SCHOOL_YEAR("学年报", "2024-2025");

        private final String label;
        private final String example;

        Kind(String label, String example) {
            this.label = label;
            this.example = example;
        }

        /** 月报, 季报, 半年报, 年报, 学年报. */
        public String label() {
            return label;
        }

        /** How a period of this kind is written: {@code 2024-05}. */
        public String example() {
            return example;
        }
    }

    public Period {
        Objects.requireNonNull(kind, "kind");
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("报告期年份 " + year + " 应在2000到2100之间");
        }
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR, SCHOOL_YEAR -> 0;
        };
        if (max == 0 ? index != 0 : index < 1 || index > max) {
            throw new IllegalArgumentException("报告期 " + kind.label() + " 的序号 " + index
                    + " 不对");
        }
    }

    /** A half-year, {@code 2024H1} for {@code half} 1. */
    public static Period halfYear(int year, int half) {
        return new Period(Kind.HALF_YEAR, year, half);
    }

    /**
     * Reads {@code 2024-05}, {@code 2024Q2}, {@code 2024H1}, {@code 2024} or {@code 2024-2025}.
     *
     * @throws IllegalArgumentException with a Chinese message listing the forms
     */
    public static Period parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m;
        if ((m = SCHOOL_YEAR.matcher(t)).matches()) {
            int first = Integer.parseInt(m.group(1));
            if (Integer.parseInt(m.group(2)) != first + 1) {
                throw bad(text, "学年的两个年份应相连，如 2024-2025");
            }
            return checked(text, Kind.SCHOOL_YEAR, first, 0);
        }
        if ((m = MONTH.matcher(t)).matches()) {
            return checked(text, Kind.MONTH, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            return checked(text, Kind.QUARTER, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)));
        }
        if ((m = HALF.matcher(t)).matches()) {
            return checked(text, Kind.HALF_YEAR, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)));
        }
        if ((m = YEAR.matcher(t)).matches()) {
            return checked(text, Kind.YEAR, Integer.parseInt(m.group(1)), 0);
        }
        throw bad(text, "应为如 2024-05（月）、2024Q2（季度）、2024H1（上半年）、2024H2（下半年）、"
                + "2024（年）或 2024-2025（学年）");
    }

    private static Period checked(String text, Kind kind, int year, int index) {
        try {
            return new Period(kind, year, index);
        } catch (IllegalArgumentException e) {
            throw bad(text, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("报告期 '" + text + "' 格式不对：" + why);
    }

    /** The same period a year earlier: what 上年同期 and 比去年 compare with. */
    public Period yearBefore() {
        return new Period(kind, year - 1, index);
    }

    /** The same period a year later: the period this one is 上年同期 of. */
    public Period yearAfter() {
        return new Period(kind, year + 1, index);
    }

    /** For a half-year: 1 or 2. */
    public int half() {
        if (kind != Kind.HALF_YEAR) {
            throw new IllegalStateException("period " + this + " is not a half-year");
        }
        return index;
    }

    /** The first day of the period. */
    public LocalDate start() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, 3 * index - 2, 1);
            case HALF_YEAR -> LocalDate.of(year, index == 1 ? 1 : 7, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
            case SCHOOL_YEAR -> LocalDate.of(year, 9, 1);
        };
    }

    /**
     * The school term the period lies in, where one term covers it: 春季学期 (March to July) or
     * 秋季学期 (September to January); empty for periods across terms or holidays, a year and a
     * school year.
     */
    public Optional<String> term() {
        return switch (kind) {
            case HALF_YEAR -> Optional.of(index == 1 ? "春季学期" : "秋季学期");
            case QUARTER -> index == 2 ? Optional.of("春季学期")
                    : index == 4 ? Optional.of("秋季学期") : Optional.empty();
            case MONTH -> index >= 3 && index <= 7 ? Optional.of("春季学期")
                    : index >= 9 || index == 1 ? Optional.of("秋季学期") : Optional.empty();
            case YEAR, SCHOOL_YEAR -> Optional.empty();
        };
    }

    /** 2024年5月, 2024年第二季度, 2024年上半年, 2024年, 2024-2025学年. */
    public String label() {
        return switch (kind) {
            case SCHOOL_YEAR -> year + "-" + (year + 1) + "学年";
            case YEAR -> year + "年";
            default -> year + "年" + withinYear();
        };
    }

    /** The label with its term where there is one: 2024年上半年（春季学期）. */
    public String describe() {
        return label() + term().map(t -> "（" + t + "）").orElse("");
    }

    /** The period within its year, as a summary says it: 5月, 第二季度, 上半年, 全年, 本学年. */
    public String withinYear() {
        return switch (kind) {
            case MONTH -> index + "月";
            case QUARTER -> QUARTERS[index - 1];
            case HALF_YEAR -> index == 1 ? "上半年" : "下半年";
            case YEAR -> "全年";
            case SCHOOL_YEAR -> "本学年";
        };
    }

    @Override
    public int compareTo(Period o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> year + "-" + (index < 10 ? "0" : "") + index;
            case QUARTER -> year + "Q" + index;
            case HALF_YEAR -> year + "H" + index;
            case YEAR -> String.valueOf(year);
            case SCHOOL_YEAR -> year + "-" + (year + 1);
        };
    }
}

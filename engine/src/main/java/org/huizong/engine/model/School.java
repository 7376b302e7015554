package org.huizong.engine.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One school of the roster, or, on a city's roster, one county (or district) whose consolidated
 * workbook is read as its return.
 *
 * @param code 学校标识码, 10 digits; a consolidating unit's code ({@link #UNIT_TYPE}), 6 to 12
 *     digits, as its workbook carries it
 * @param type one of the collection's school types, or {@link #UNIT_TYPE}
 * @param ownership 公办 or 民办
 */
public record School(String code, String name, String type, String township, String ownership) {
    /** The type of a roster row that is a consolidating unit (a county bureau), not a school. */
    public static final String UNIT_TYPE = "汇总单位";

    private static final Pattern CODE = Pattern.compile("\\d{10}");
    private static final Pattern UNIT_CODE = Pattern.compile("\\d{6,12}");

    public School {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type of " + code);
        codeProblem(code, type).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        Objects.requireNonNull(name, "name of " + code);
        Objects.requireNonNull(township, "township of " + code);
        Objects.requireNonNull(ownership, "ownership of " + code);
    }

    /** What is wrong with {@code code} for a row of {@code type}, in Chinese; empty if nothing. */
    public static Optional<String> codeProblem(String code, String type) {
        if (UNIT_TYPE.equals(type)) {
            return isUnitCode(code) ? Optional.empty()
                    : Optional.of("汇总单位代码“" + code + "”应为6到12位数字");
        }
        return CODE.matcher(code).matches() ? Optional.empty()
                : Optional.of("学校标识码“" + code + "”应为10位数字");
    }

    /**
     * Whether {@code code} can name a consolidating unit: 6 to 12 digits, as a consolidated
     * workbook carries it and a city's roster lists it.
     */
    public static boolean isUnitCode(String code) {
        return code != null && UNIT_CODE.matcher(code).matches();
    }

    /** Whether this row is a consolidating unit rather than a school. */
    public boolean isUnit() {
        return UNIT_TYPE.equals(type);
    }
}

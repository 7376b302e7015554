package org.huizong.engine.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One school of the roster.
 *
 * @param code 学校标识码, 10 digits
 * @param type one of the collection's school types
 * @param ownership 公办 or 民办
 */
public record School(String code, String name, String type, String township, String ownership) {
    private static final Pattern CODE = Pattern.compile("\\d{10}");

    public School {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("学校标识码 '" + code + "' 应为10位数字");
        }
        Objects.requireNonNull(name, "name of " + code);
        Objects.requireNonNull(type, "type of " + code);
        Objects.requireNonNull(township, "township of " + code);
        Objects.requireNonNull(ownership, "ownership of " + code);
    }
}

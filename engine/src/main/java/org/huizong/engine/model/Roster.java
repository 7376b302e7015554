package org.huizong.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The schools a collection expects returns from, in roster order; codes are unique. */
public record Roster(List<School> schools) {
    public Roster {
        schools = List.copyOf(schools);
        Map<String, School> seen = new LinkedHashMap<>();
        for (School s : schools) {
            if (seen.put(s.code(), s) != null) {
                throw new IllegalArgumentException("名单中学校标识码 " + s.code() + " 重复");
            }
        }
    }

    public Optional<School> find(String code) {
        return schools.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public int size() {
        return schools.size();
    }
}

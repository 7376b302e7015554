package org.huizong.engine.roster;

import java.util.List;
import org.huizong.engine.HuizongException;

/**
 * A roster with bad rows. Every bad row is reported, one line each
 * ({@code schools.csv 第5行：学校类型“大学”不是本报表的学校类型…}); nothing is generated from it.
 */
public final class RosterException extends HuizongException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    RosterException(String file, List<String> problems) {
        super(message(file, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String file, List<String> problems) {
        StringBuilder sb = new StringBuilder().append("学校名单 ").append(file).append(" 有")
                .append(problems.size()).append("处错误，未生成任何文件：");
        for (String p : problems) {
            sb.append('\n').append(p);
        }
        return sb.toString();
    }

    /** One line per problem, each starting with the file name and line number. */
    public List<String> problems() {
        return problems;
    }
}

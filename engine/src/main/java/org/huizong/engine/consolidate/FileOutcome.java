package org.huizong.engine.consolidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Severity;

/**
 * What became of one input file: counted, or left out and why. A consolidation accounts for
 * every file given in exactly one outcome ({@link #of}); a script reads them as JSON.
 *
 * @param schoolCode the school (or unit) code the file carries; empty when it could not be read
 *     that far
 * @param reason why it was left out or counted with errors, in Chinese; empty for a file counted
 *     without errors
 */
public record FileOutcome(Completeness.Version version, String schoolCode, Kind kind,
        String reason) {

    /** The categories of {@link Completeness#summary()}, one a file. */
    public enum Kind {
        COUNTED("counted", "计入"),
        COUNTED_WITH_ERRORS("counted_with_errors", "有错误，按要求计入"),
        ERRORS("errors", "有错误未计入"),
        AWAITING_REVIEW("awaiting_review", "待审核未计入"),
        SUPERSEDED("superseded", "重复"),
        NOT_ON_ROSTER("not_on_roster", "名单外"),
        UNREADABLE("unreadable", "无法读取");

        private final String id;
        private final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The stable token scripts match on ({@code docs/consolidate-json.md}). */
        public String id() {
            return id;
        }

        /** As the summary line words it. */
        public String label() {
            return label;
        }

        public boolean isCounted() {
            return this == COUNTED || this == COUNTED_WITH_ERRORS;
        }
    }

    public FileOutcome {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schoolCode, "schoolCode of " + version.file());
        Objects.requireNonNull(kind, "kind of " + version.file());
        Objects.requireNonNull(reason, "reason for " + version.file());
    }

    public String file() {
        return version.file();
    }

    /**
     * Every file {@code done} accounts for, sorted by file name: the return each school's status
     * names (counted, or with errors), the versions it superseded, returns from schools not on
     * the roster and files refused.
     */
    public static List<FileOutcome> of(Completeness done, List<SchoolStatus> schools) {
        List<FileOutcome> out = new ArrayList<>();
        for (SchoolStatus s : schools) {
            s.version().ifPresent(v -> out.add(kept(s, v)));
        }
        for (Completeness.Duplicate d : done.duplicates()) {
            for (Completeness.Version v : d.superseded()) {
                out.add(new FileOutcome(v, d.school().code(), Kind.SUPERSEDED, "同校的“"
                        + d.kept().file() + "”" + d.keptBecause(v) + "，以其为准，本文件未计入汇总"));
            }
        }
        for (Completeness.Unknown u : done.unknown()) {
            out.add(new FileOutcome(u.version(), u.schoolCode(), Kind.NOT_ON_ROSTER,
                    "学校标识码 " + u.schoolCode() + " 不在学校名单内，未计入汇总"));
        }
        for (Completeness.Rejected r : done.rejected()) {
            out.add(new FileOutcome(r.version(), r.schoolCode(), Kind.UNREADABLE, r.reason()));
        }
        out.sort(Comparator.comparing(FileOutcome::file).thenComparing(FileOutcome::kind)
                .thenComparing(FileOutcome::schoolCode));
        return List.copyOf(out);
    }

    private static FileOutcome kept(SchoolStatus s, Completeness.Version v) {
        List<Finding> errors = s.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        return switch (s.status()) {
            case COUNTED -> new FileOutcome(v, s.school().code(), Kind.COUNTED, "");
            case COUNTED_WITH_ERRORS -> new FileOutcome(v, s.school().code(),
                    Kind.COUNTED_WITH_ERRORS, "有错误 " + errors.size() + " 条，按要求计入汇总");
            case ERRORS -> new FileOutcome(v, s.school().code(), Kind.ERRORS,
                    "有错误 " + errors.size() + " 条，未计入汇总" + first(errors));
            case AWAITING_REVIEW -> new FileOutcome(v, s.school().code(), Kind.AWAITING_REVIEW,
                    "已报送，尚未审核通过；本次只汇总审核通过的报表，未计入");
            case MISSING -> throw new IllegalArgumentException("school " + s.school().code()
                    + " is missing but names the file " + v.file());
        };
    }

    /** {@code ；第一条：学校基本情况!D15 专任教师数…} */
    private static String first(List<Finding> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        Finding f = errors.get(0);
        return "；第一条：" + f.cell().map(c -> c + " ").orElse("") + f.message();
    }
}

package org.huizong.engine.consolidate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.School;

/**
 * What arrived against the roster. Every input file is in exactly one place: counted, left out
 * for errors, superseded by a later version of the same school, from a school not on the roster,
 * or rejected; {@link #files()} is their sum.
 *
 * @param expected schools on the roster
 * @param received roster schools with at least one readable return
 * @param counted returns in the totals (one a school)
 * @param countedWithErrors of those, returns with errors counted because the bureau asked to
 * @param missing roster schools without a readable return, in roster order
 * @param awaitingReview roster schools that reported but whose return the bureau has not yet
 *     approved, while it counts only approved returns: received, not counted, not missing
 * @param duplicates schools that sent more than one return, in roster order
 * @param unknown returns from schools not on the roster, reported and not counted
 * @param rejected files that are not a readable return of this collection and period
 * @param withErrors returns with errors, counted or not, with all their findings
 * @param unexplainedWarnings counted returns with warnings that lack a 说明, those warnings
 */
public record Completeness(int expected, int received, int counted, int countedWithErrors,
        List<School> missing, List<School> awaitingReview, List<Duplicate> duplicates,
        List<Unknown> unknown, List<Rejected> rejected, List<SchoolFindings> withErrors,
        List<SchoolFindings> unexplainedWarnings) {

    /**
     * A file and its times.
     *
     * @param saved when the workbook says it was last saved, empty when it does not say
     * @param time when the file was last modified, or uploaded
     */
    public record Version(String file, Optional<Instant> saved, Instant time) {
        public Version {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(saved, "saved of " + file);
            Objects.requireNonNull(time, "time of " + file);
        }

        /** A file whose saved time is not known. */
        public Version(String file, Instant time) {
            this(file, Optional.empty(), time);
        }

        /** The time that orders a school's versions: when it was saved, else the file's time. */
        public Instant effective() {
            return saved.orElse(time);
        }
    }

    /**
     * Several returns of one school: the one saved last is kept, the others are superseded.
     * Versions are ordered by {@link Version#effective()} (the workbook's own saved time, the
     * file's time only when the workbook does not say), ties by content, then file name.
     *
     * @param superseded earlier versions, oldest first
     */
    public record Duplicate(School school, Version kept, List<Version> superseded) {
        public Duplicate {
            Objects.requireNonNull(school, "school");
            Objects.requireNonNull(kept, "kept");
            superseded = List.copyOf(superseded);
            if (superseded.isEmpty()) {
                throw new IllegalArgumentException("duplicate of " + school.code()
                        + " without a superseded version");
            }
        }

        /** Why the kept version counts rather than {@code older}, in Chinese: 保存时间较晚. */
        public String keptBecause(Version older) {
            if (kept.saved().isPresent() && older.saved().isPresent()
                    && kept.saved().get().isAfter(older.saved().get())) {
                return "保存时间较晚";
            }
            if (kept.effective().isAfter(older.effective())) {
                return "时间较晚（未记录保存时间的按文件时间比较）";
            }
            return "时间相同，按内容和文件名排在后面";
        }
    }

    /**
     * A return whose school code is not on the roster.
     *
     * @param schoolName the name the return gives, empty when blank
     */
    public record Unknown(String schoolCode, String schoolName, Version version) {
        public Unknown {
            Objects.requireNonNull(schoolCode, "schoolCode");
            Objects.requireNonNull(schoolName, "schoolName");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * A file left out, and why, in Chinese.
     *
     * @param schoolCode the code the file carries when it could be read that far, else empty
     */
    public record Rejected(Version version, String schoolCode, String reason) {
        public Rejected {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(schoolCode, "schoolCode of " + version.file());
            Objects.requireNonNull(reason, "reason");
        }

        /** A file that could not be read far enough to know its school. */
        public Rejected(Version version, String reason) {
            this(version, "", reason);
        }
    }

    public Completeness {
        missing = List.copyOf(missing);
        awaitingReview = List.copyOf(awaitingReview);
        duplicates = List.copyOf(duplicates);
        unknown = List.copyOf(unknown);
        rejected = List.copyOf(rejected);
        withErrors = List.copyOf(withErrors);
        unexplainedWarnings = List.copyOf(unexplainedWarnings);
        if (received + missing.size() != expected) {
            throw new IllegalArgumentException("received " + received + " + missing "
                    + missing.size() + " is not the " + expected + " expected");
        }
    }

    /** Returns with errors left out of the totals. */
    public int notCountedForErrors() {
        return withErrors.size() - countedWithErrors;
    }

    /** Files superseded by a later version of the same school. */
    public int superseded() {
        return duplicates.stream().mapToInt(d -> d.superseded().size()).sum();
    }

    /** Every input file: the sum of the summary's categories. */
    public int files() {
        return counted + notCountedForErrors() + awaitingReview.size() + superseded()
                + unknown.size() + rejected.size();
    }

    /**
     * One line that adds up to the number of files given:
     * {@code 共 N 个文件：计入 a，有错误未计入 b，重复 c，名单外 d，无法读取 e}. When returns with
     * errors were counted deliberately, {@code 计入 a（含有错误 k）}; when some returns await the
     * bureau's approval, {@code ，待审核未计入 w} after the errors.
     */
    public String summary() {
        String counting = countedWithErrors > 0
                ? counted + "（含有错误 " + countedWithErrors + "）" : String.valueOf(counted);
        String waiting = awaitingReview.isEmpty() ? ""
                : "，待审核未计入 " + awaitingReview.size();
        return "共 " + files() + " 个文件：计入 " + counting + "，有错误未计入 "
                + notCountedForErrors() + waiting + "，重复 " + superseded() + "，名单外 "
                + unknown.size() + "，无法读取 " + rejected.size();
    }
}

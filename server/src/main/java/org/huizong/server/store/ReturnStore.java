package org.huizong.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.rules.Validation;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Uploaded versions of each school's return, the school's explanations (说明) of warnings, and
 * the bureau's reviews. Versions are numbered per school from 1 and never deleted; the file
 * itself is in the {@link FileStore} under {@code fileSha256}.
 */
public final class ReturnStore {
    /**
     * One uploaded file as stored. Times in epoch milliseconds.
     *
     * @param findingsJson the version's findings as {@link FindingReport#fileJson} writes them
     */
    public record VersionRow(long id, long schoolId, int no, String sha, String fileName, long size,
            String uploadedBy, long uploadedAt, String channel, Verdict verdict, int errors,
            int warnings, int unexplained, String findingsJson) {
        /** The findings, read back from {@link #findingsJson}. */
        public Validation validation() {
            return FindingReport.parseFile(findingsJson);
        }
    }

    /** What to store for a new version; the file must already be in the file store. */
    public record NewVersion(String sha, String fileName, long size, String uploadedBy,
            String channel, Verdict verdict, int errors, int warnings, int unexplained,
            String findingsJson, Map<String, String> explanations) {
    }

    /**
     * A bureau decision on a version: {@code approve} (the county's approval, 终审 where there
     * are two levels), {@code first_approve} (a township reviewer's 初审), {@code return} (退回)
     * with a reason, or {@code reopen} (撤销通过, of an approved version) with a reason.
     */
    public record ReviewRow(long id, long versionId, String decision, String reason,
            String reviewer, long at) {
        public boolean approved() {
            return APPROVE.equals(decision);
        }

        public boolean reopened() {
            return REOPEN.equals(decision);
        }

        /** The decision as a page shows it: 已通过, 已初审, 已撤销通过 or 已退回. */
        public String word() {
            return switch (decision) {
                case APPROVE -> "已通过";
                case FIRST_APPROVE -> "已初审";
                case REOPEN -> "已撤销通过";
                default -> "已退回";
            };
        }
    }

    /**
     * A school's reporting state: its versions newest first and the reviews of them.
     *
     * @param twoLevel whether the school's township has a reviewer (审核员), so a clean return
     *     waits for the reviewer's 初审 before the county's 终审
     */
    public record SchoolState(SchoolRow school, List<VersionRow> versions,
            List<ReviewRow> reviews, boolean twoLevel) {
        public Optional<VersionRow> latest() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
        }

        /** The version that counts: the latest accepted one. */
        public Optional<VersionRow> latestAccepted() {
            return versions.stream().filter(v -> v.verdict() == Verdict.ACCEPTED).findFirst();
        }

        /** The newest review of a given version. */
        Optional<ReviewRow> reviewOf(VersionRow v) {
            return reviews.stream().filter(r -> r.versionId() == v.id())
                    .max(Comparator.comparingLong(ReviewRow::id));
        }

        /** Whether the bureau's last word on {@code v} was to send it back (退回). */
        public boolean sentBack(VersionRow v) {
            return reviewOf(v).map(r -> RETURN.equals(r.decision())).orElse(false);
        }

        /** The newest review of any version, for the school to see the bureau's last word. */
        public Optional<ReviewRow> latestReview() {
            return reviews.stream().max(Comparator.comparingLong(ReviewRow::id));
        }

        public ReportStatus status() {
            if (versions.isEmpty()) {
                return ReportStatus.NOT_REPORTED;
            }
            VersionRow v = versions.get(0);
            return switch (v.verdict()) {
                case REJECTED -> ReportStatus.ERRORS;
                case PENDING -> ReportStatus.NEEDS_EXPLANATION;
                case ACCEPTED -> reviewOf(v).map(r -> switch (r.decision()) {
                    case APPROVE -> ReportStatus.APPROVED;
                    case FIRST_APPROVE -> ReportStatus.FIRST_APPROVED;
                    case REOPEN -> ReportStatus.REOPENED;
                    default -> ReportStatus.RETURNED;
                }).orElse(twoLevel ? ReportStatus.AWAITING_FIRST : ReportStatus.SUBMITTED);
            };
        }

        /** The accepted version consolidation uses; with {@code approvedOnly}, only approved. */
        public Optional<VersionRow> counted(boolean approvedOnly) {
            Optional<VersionRow> v = latestAccepted();
            if (!approvedOnly) {
                return v;
            }
            return v.filter(x -> reviewOf(x).map(ReviewRow::approved).orElse(false));
        }
    }

    public static final String APPROVE = "approve";
    public static final String RETURN = "return";
    public static final String REOPEN = "reopen";
    public static final String FIRST_APPROVE = "first_approve";
    private static final String VERSION_COLUMNS = "v.id, v.school_id, v.version_no,"
            + " v.file_sha256, v.file_name, v.file_size, v.uploaded_by, v.uploaded_at, v.channel,"
            + " v.verdict, v.errors, v.warnings, v.unexplained, v.findings_json";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;

    public ReturnStore(Jdbi jdbi, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Stores a new version as the school's next number, with its explanations and an audit
     * entry, in one transaction. The school's row is locked first, so two uploads never race
     * for a number; should one still collide on the unique key, it retries.
     */
    public VersionRow addVersion(SchoolRow school, NewVersion v) {
        return addVersionOnce(school, v, Long.MAX_VALUE).version();
    }

    /** A version as {@link #addVersionOnce} left it: new, or the same file stored before. */
    public record Added(VersionRow version, boolean repeated) {
    }

    /**
     * Like {@link #addVersion}, except when the school's latest version is the same file (the
     * same SHA-256) uploaded at or after {@code sinceMillis} and not yet reviewed: then that
     * version is the answer and nothing new is stored, so a client that retries after a lost
     * answer does not make a second version. Decided under the school's lock, so two identical
     * uploads racing store one. After a review the same file is a new version (a school sending
     * a returned file back unchanged asks for another look).
     */
    public Added addVersionOnce(SchoolRow school, NewVersion v, long sinceMillis) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    Optional<VersionRow> same = sameRecentVersion(h, school, v, sinceMillis);
                    if (same.isPresent()) {
                        audit.record(h, v.uploadedBy(), "return.repeat", school.collectionId(),
                                school.id(), school.name() + " 重复上传第" + same.get().no()
                                        + "版的同一文件 " + v.fileName() + "，未另存新版本");
                        return new Added(same.get(), true);
                    }
                    return new Added(insertVersion(h, school, v), false);
                });
            } catch (RuntimeException e) {
                if (attempt >= 5 || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private Optional<VersionRow> sameRecentVersion(Handle h, SchoolRow school, NewVersion v,
            long sinceMillis) {
        if (sinceMillis == Long.MAX_VALUE) {
            return Optional.empty();
        }
        h.createUpdate("UPDATE schools SET position = position WHERE id = :s")
                .bind("s", school.id()).execute();
        return h.createQuery("SELECT " + VERSION_COLUMNS + " FROM return_versions v"
                        + " WHERE v.school_id = :s ORDER BY v.version_no DESC LIMIT 1")
                .bind("s", school.id()).map((rs, ctx) -> version(rs)).findOne()
                .filter(x -> x.sha().equals(v.sha()) && x.uploadedAt() >= sinceMillis)
                .filter(x -> h.createQuery("SELECT COUNT(*) FROM reviews WHERE version_id = :v")
                        .bind("v", x.id()).mapTo(Long.class).one() == 0);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("UNIQUE") || m.contains("unique") || m.contains("23505")) {
                return true;
            }
        }
        return false;
    }

    private VersionRow insertVersion(Handle h, SchoolRow school, NewVersion v) {
        // A no-op update locks the school's row (PostgreSQL), so one school's uploads number
        // their versions one after another; SQLite's BEGIN IMMEDIATE already serialises writers.
        h.createUpdate("UPDATE schools SET position = position WHERE id = :s")
                .bind("s", school.id()).execute();
        int no = h.createQuery("SELECT COALESCE(MAX(version_no), 0) + 1 FROM return_versions"
                        + " WHERE school_id = :s")
                .bind("s", school.id()).mapTo(Integer.class).one();
        long now = clock.millis();
        long id = h.createUpdate("INSERT INTO return_versions (school_id, version_no,"
                        + " file_sha256, file_name, file_size, uploaded_by, uploaded_at, channel,"
                        + " verdict, errors, warnings, unexplained, findings_json) VALUES"
                        + " (:s, :no, :sha, :name, :size, :by, :at, :ch, :verdict, :e, :w, :u,"
                        + " :f)")
                .bind("s", school.id()).bind("no", no).bind("sha", v.sha())
                .bind("name", v.fileName()).bind("size", v.size()).bind("by", v.uploadedBy())
                .bind("at", now).bind("ch", v.channel()).bind("verdict", v.verdict().name())
                .bind("e", v.errors()).bind("w", v.warnings()).bind("u", v.unexplained())
                .bind("f", v.findingsJson())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (Map.Entry<String, String> e : v.explanations().entrySet()) {
            insertExplanation(h, id, e.getKey(), e.getValue(), "workbook", now);
        }
        audit.record(h, v.uploadedBy(), "return.upload", school.collectionId(), school.id(),
                school.name() + " 第" + no + "版 " + v.fileName() + "（" + v.verdict().label()
                        + "，错误 " + v.errors() + "，警告 " + v.warnings() + "）");
        return new VersionRow(id, school.id(), no, v.sha(), v.fileName(), v.size(),
                v.uploadedBy(), now, v.channel(), v.verdict(), v.errors(), v.warnings(),
                v.unexplained(), v.findingsJson());
    }

    private static void insertExplanation(Handle h, long versionId, String ruleId, String text,
            String source, long now) {
        h.createUpdate("DELETE FROM explanations WHERE version_id = :v AND rule_id = :r")
                .bind("v", versionId).bind("r", ruleId).execute();
        h.createUpdate("INSERT INTO explanations (version_id, rule_id, text, source, created_at)"
                        + " VALUES (:v, :r, :t, :s, :now)")
                .bind("v", versionId).bind("r", ruleId).bind("t", text).bind("s", source)
                .bind("now", now).execute();
    }

    /** Records explanations typed on the web page and the version's new verdict. */
    public void explain(String actor, SchoolRow school, VersionRow v,
            Map<String, String> explanations, Verdict verdict, int unexplained,
            String findingsJson) {
        jdbi.useTransaction(h -> {
            long now = clock.millis();
            for (Map.Entry<String, String> e : explanations.entrySet()) {
                insertExplanation(h, v.id(), e.getKey(), e.getValue(), "web", now);
            }
            h.createUpdate("UPDATE return_versions SET verdict = :verdict, unexplained = :u,"
                            + " findings_json = :f WHERE id = :id")
                    .bind("verdict", verdict.name()).bind("u", unexplained)
                    .bind("f", findingsJson).bind("id", v.id()).execute();
            audit.record(h, actor, "return.explain", school.collectionId(), school.id(),
                    school.name() + " 第" + v.no() + "版：说明 " + explanations.size() + " 条（"
                            + String.join("、", explanations.keySet()) + "），"
                            + verdict.label());
        });
    }

    public ReviewRow review(String actor, SchoolRow school, VersionRow v, String decision,
            String reason) {
        if (!List.of(APPROVE, FIRST_APPROVE, RETURN, REOPEN).contains(decision)) {
            throw new IllegalArgumentException("decision " + decision);
        }
        return jdbi.inTransaction(h -> {
            long now = clock.millis();
            long id = h.createUpdate("INSERT INTO reviews (version_id, decision, reason, reviewer,"
                            + " created_at) VALUES (:v, :d, :r, :by, :at)")
                    .bind("v", v.id()).bind("d", decision).bind("r", reason).bind("by", actor)
                    .bind("at", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, switch (decision) {
                case APPROVE -> afterFirst(h, v) ? "return.final_approve" : "return.approve";
                case FIRST_APPROVE -> "return.first_approve";
                case REOPEN -> "return.reopen";
                default -> "return.send_back";
            },
                    school.collectionId(), school.id(), school.name() + " 第" + v.no() + "版"
                            + (reason.isEmpty() ? "" : "：" + reason));
            return new ReviewRow(id, v.id(), decision, reason, actor, now);
        });
    }

    /** Whether the newest review of {@code v} before this one was a reviewer's 初审. */
    private static boolean afterFirst(Handle h, VersionRow v) {
        return h.createQuery("SELECT decision FROM reviews WHERE version_id = :v"
                        + " ORDER BY id DESC LIMIT 2")
                .bind("v", v.id()).mapTo(String.class).list().stream().skip(1).findFirst()
                .map(FIRST_APPROVE::equals).orElse(false);
    }

    public SchoolState state(SchoolRow school) {
        return jdbi.withHandle(h -> {
            List<VersionRow> versions = h.createQuery("SELECT " + VERSION_COLUMNS
                            + " FROM return_versions v WHERE v.school_id = :s"
                            + " ORDER BY v.version_no DESC")
                    .bind("s", school.id()).map((rs, ctx) -> version(rs)).list();
            List<ReviewRow> reviews = h.createQuery("SELECT r.id, r.version_id, r.decision,"
                            + " r.reason, r.reviewer, r.created_at FROM reviews r"
                            + " JOIN return_versions v ON v.id = r.version_id"
                            + " WHERE v.school_id = :s ORDER BY r.id")
                    .bind("s", school.id()).map((rs, ctx) -> review(rs)).list();
            return new SchoolState(school, versions, reviews,
                    twoLevel(h).contains(school.township()));
        });
    }

    /** Every school's state in roster order, with two queries whatever the roster's size. */
    public List<SchoolState> states(long collectionId, List<SchoolRow> schools) {
        return jdbi.withHandle(h -> {
            Map<Long, List<VersionRow>> versions = new LinkedHashMap<>();
            h.createQuery("SELECT " + VERSION_COLUMNS + " FROM return_versions v"
                            + " JOIN schools s ON s.id = v.school_id WHERE s.collection_id = :c"
                            + " ORDER BY v.school_id, v.version_no DESC")
                    .bind("c", collectionId).map((rs, ctx) -> version(rs))
                    .forEach(v -> versions.computeIfAbsent(v.schoolId(), k -> new ArrayList<>())
                            .add(v));
            Map<Long, List<ReviewRow>> reviews = new LinkedHashMap<>();
            h.createQuery("SELECT r.id, r.version_id, r.decision, r.reason, r.reviewer,"
                            + " r.created_at, v.school_id FROM reviews r"
                            + " JOIN return_versions v ON v.id = r.version_id"
                            + " JOIN schools s ON s.id = v.school_id WHERE s.collection_id = :c"
                            + " ORDER BY r.id")
                    .bind("c", collectionId)
                    .map((rs, ctx) -> Map.entry(rs.getLong("school_id"), review(rs)))
                    .forEach(e -> reviews.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            Set<String> twoLevel = twoLevel(h);
            List<SchoolState> out = new ArrayList<>();
            for (SchoolRow s : schools) {
                out.add(new SchoolState(s, versions.getOrDefault(s.id(), List.of()),
                        reviews.getOrDefault(s.id(), List.of()),
                        twoLevel.contains(s.township())));
            }
            return out;
        });
    }

    /** The townships with an active reviewer, as {@link AccountStore#twoLevelTownships}. */
    static Set<String> twoLevel(Handle h) {
        return Set.copyOf(h.createQuery("SELECT DISTINCT r.township FROM reviewer_townships r"
                        + " JOIN users u ON u.id = r.user_id WHERE u.disabled = 0")
                .mapTo(String.class).list());
    }

    Map<String, String> explanations(long versionId) {
        return jdbi.withHandle(h -> {
            Map<String, String> out = new LinkedHashMap<>();
            h.createQuery("SELECT rule_id, text FROM explanations WHERE version_id = :v"
                            + " ORDER BY rule_id")
                    .bind("v", versionId)
                    .map((rs, ctx) -> Map.entry(rs.getString("rule_id"), rs.getString("text")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** Every version of every school in a collection (for the all-returns zip). */
    long countVersions(long collectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM return_versions v"
                        + " JOIN schools s ON s.id = v.school_id WHERE s.collection_id = :c")
                .bind("c", collectionId).mapTo(Long.class).one());
    }

    private static VersionRow version(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getLong("id"), rs.getLong("school_id"), rs.getInt("version_no"),
                rs.getString("file_sha256"), rs.getString("file_name"), rs.getLong("file_size"),
                rs.getString("uploaded_by"), rs.getLong("uploaded_at"), rs.getString("channel"),
                Verdict.valueOf(rs.getString("verdict")), rs.getInt("errors"),
                rs.getInt("warnings"), rs.getInt("unexplained"), rs.getString("findings_json"));
    }

    private static ReviewRow review(ResultSet rs) throws SQLException {
        return new ReviewRow(rs.getLong("id"), rs.getLong("version_id"), rs.getString("decision"),
                rs.getString("reason"), rs.getString("reviewer"), rs.getLong("created_at"));
    }
}

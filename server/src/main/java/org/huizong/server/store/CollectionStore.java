package org.huizong.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Collections (a standard collection run for one period with a deadline), their rosters of
 * schools, and each school's upload links. A link's secret is shown once when issued and stored
 * only as its SHA-256 hash; looking a secret up hashes it and compares in constant time.
 */
public final class CollectionStore {
    /** One collection run. {@code deadline} is an ISO date (2024-07-10). */
    public record CollectionRow(long id, String standardId, String title, Period period,
            String deadline, Long previousCollectionId, String previousFile, String createdBy,
            long createdAt) {
    }

    /** A school on a collection's roster. */
    public record SchoolRow(long id, long collectionId, int position, String code, String name,
            String type, String township, String ownership) {
        public School toSchool() {
            return new School(code, name, type, township, ownership);
        }
    }

    /** A secret link issued to a school: the secret itself only when just issued. */
    public record IssuedLink(SchoolRow school, String secret) {
    }

    /** A link's state for the link list. */
    public record LinkState(SchoolRow school, Long activeSince, int revokedCount) {
    }

    private static final String COLLECTION_COLUMNS = "id, standard_id, title, period, deadline,"
            + " previous_collection_id, previous_file, created_by, created_at";
    private static final String SCHOOL_COLUMNS = "id, collection_id, position, code, name,"
            + " school_type, township, ownership";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;

    public CollectionStore(Jdbi jdbi, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    public long create(String actor, String standardId, String title, Period period,
            String deadline, Long previousCollectionId) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO collections (standard_id, title, period,"
                            + " deadline, previous_collection_id, created_by, created_at)"
                            + " VALUES (:s, :t, :p, :d, :prev, :by, :at)")
                    .bind("s", standardId).bind("t", title).bind("p", period.toString())
                    .bind("d", deadline).bind("prev", previousCollectionId).bind("by", actor)
                    .bind("at", clock.millis())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "collection.create", id, null,
                    title + "（" + period + "，截止 " + deadline + "）");
            return id;
        });
    }

    public List<CollectionRow> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLLECTION_COLUMNS
                        + " FROM collections ORDER BY id DESC")
                .map((rs, ctx) -> collection(rs)).list());
    }

    public Optional<CollectionRow> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLLECTION_COLUMNS
                        + " FROM collections WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> collection(rs)).findOne());
    }

    public void setPreviousFile(String actor, long collectionId, String sha, String fileName) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE collections SET previous_file = :f WHERE id = :id")
                    .bind("f", sha).bind("id", collectionId).execute();
            audit.record(h, actor, "collection.previous_book", collectionId, null,
                    fileName + "（" + sha.substring(0, 12) + "）");
        });
    }

    public void setPreviousCollection(String actor, long collectionId, Long previousId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE collections SET previous_collection_id = :p WHERE id = :id")
                    .bind("p", previousId).bind("id", collectionId).execute();
            audit.record(h, actor, "collection.previous_collection", collectionId, null,
                    previousId == null ? "无" : "任务 " + previousId);
        });
    }

    private static CollectionRow collection(ResultSet rs) throws SQLException {
        return new CollectionRow(rs.getLong("id"), rs.getString("standard_id"),
                rs.getString("title"), Period.parse(rs.getString("period")),
                rs.getString("deadline"), Rows.nullableLong(rs, "previous_collection_id"),
                rs.getString("previous_file"), rs.getString("created_by"),
                rs.getLong("created_at"));
    }

    /**
     * Replaces nothing: adds the roster's schools that are not on the collection yet (by code)
     * and updates the names and attributes of those that are, all in one transaction.
     *
     * @return how many schools were added
     */
    public int importRoster(String actor, long collectionId, Roster roster, String fileName) {
        return jdbi.inTransaction(h -> {
            // A no-op update locks the collection's row (PostgreSQL), so two imports of one
            // roster run one after the other: the second finds the first's schools and updates
            // them instead of inserting them twice. SQLite's BEGIN IMMEDIATE already serialises.
            h.createUpdate("UPDATE collections SET created_at = created_at WHERE id = :c")
                    .bind("c", collectionId).execute();
            int added = 0;
            int position = h.createQuery("SELECT COALESCE(MAX(position), 0) FROM schools"
                            + " WHERE collection_id = :c")
                    .bind("c", collectionId).mapTo(Integer.class).one();
            for (School s : roster.schools()) {
                int updated = h.createUpdate("UPDATE schools SET name = :n, school_type = :t,"
                                + " township = :tw, ownership = :o"
                                + " WHERE collection_id = :c AND code = :code")
                        .bind("n", s.name()).bind("t", s.type()).bind("tw", s.township())
                        .bind("o", s.ownership()).bind("c", collectionId).bind("code", s.code())
                        .execute();
                if (updated == 0) {
                    position++;
                    h.createUpdate("INSERT INTO schools (collection_id, position, code, name,"
                                    + " school_type, township, ownership)"
                                    + " VALUES (:c, :p, :code, :n, :t, :tw, :o)")
                            .bind("c", collectionId).bind("p", position).bind("code", s.code())
                            .bind("n", s.name()).bind("t", s.type()).bind("tw", s.township())
                            .bind("o", s.ownership()).execute();
                    added++;
                }
            }
            audit.record(h, actor, "roster.import", collectionId, null, fileName + "："
                    + roster.size() + " 所学校，新增 " + added + " 所");
            return added;
        });
    }

    /** Every township on any collection's roster, sorted: the scopes a reviewer can have. */
    public List<String> townships() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT township FROM schools"
                        + " WHERE township <> '' ORDER BY township")
                .mapTo(String.class).list());
    }

    public List<SchoolRow> schools(long collectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SCHOOL_COLUMNS
                        + " FROM schools WHERE collection_id = :c ORDER BY position")
                .bind("c", collectionId).map((rs, ctx) -> school(rs)).list());
    }

    public Optional<SchoolRow> findSchool(long collectionId, String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SCHOOL_COLUMNS
                        + " FROM schools WHERE collection_id = :c AND code = :code")
                .bind("c", collectionId).bind("code", code).map((rs, ctx) -> school(rs))
                .findOne());
    }

    private static SchoolRow school(ResultSet rs) throws SQLException {
        return new SchoolRow(rs.getLong("id"), rs.getLong("collection_id"), rs.getInt("position"),
                rs.getString("code"), rs.getString("name"), rs.getString("school_type"),
                rs.getString("township"), rs.getString("ownership"));
    }

    /**
     * The school a secret link belongs to, when the link exists and is not revoked. The secret
     * is hashed and the stored hash compared in constant time.
     */
    public Optional<SchoolRow> schoolBySecret(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = Crypto.sha256Hex(secret);
        return jdbi.withHandle(h -> h.createQuery("SELECT l.secret_hash, s.id, s.collection_id,"
                        + " s.position, s.code, s.name, s.school_type, s.township, s.ownership"
                        + " FROM school_links l JOIN schools s ON s.id = l.school_id"
                        + " WHERE l.secret_hash = :h AND l.revoked_at IS NULL")
                .bind("h", hash)
                .map((rs, ctx) -> Crypto.constantTimeEquals(rs.getString("secret_hash"), hash)
                        ? Optional.of(school(rs)) : Optional.<SchoolRow>empty())
                .findOne().flatMap(o -> o).or(() -> schoolBySession(hash)));
    }

    /** The school of a live session a sign-in by access code opened ({@link SchoolAccessStore}). */
    private Optional<SchoolRow> schoolBySession(String hash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT x.secret_hash, s.id, s.collection_id,"
                        + " s.position, s.code, s.name, s.school_type, s.township, s.ownership"
                        + " FROM school_sessions x JOIN schools s ON s.id = x.school_id"
                        + " JOIN school_access a ON a.school_code = s.code"
                        + " WHERE x.secret_hash = :h AND x.expires_at > :now")
                .bind("h", hash).bind("now", clock.millis())
                .map((rs, ctx) -> Crypto.constantTimeEquals(rs.getString("secret_hash"), hash)
                        ? Optional.of(school(rs)) : Optional.<SchoolRow>empty())
                .findOne().flatMap(o -> o));
    }

    /**
     * Revokes the schools' active links and issues a new one each.
     *
     * @return the new secrets, in roster order; shown once and never stored in clear
     */
    public List<IssuedLink> issueLinks(String actor, long collectionId, List<SchoolRow> schools) {
        return jdbi.inTransaction(h -> {
            List<IssuedLink> out = new ArrayList<>();
            for (SchoolRow s : schools) {
                out.add(new IssuedLink(s, issue(h, s)));
            }
            audit.record(h, actor, "links.issue", collectionId,
                    schools.size() == 1 ? schools.get(0).id() : null,
                    "为 " + schools.size() + " 所学校生成上传链接"
                            + (schools.size() == 1 ? "（" + schools.get(0).name() + "）" : ""));
            return out;
        });
    }

    private String issue(Handle h, SchoolRow s) {
        long now = clock.millis();
        h.createUpdate("UPDATE school_links SET revoked_at = :now"
                        + " WHERE school_id = :s AND revoked_at IS NULL")
                .bind("now", now).bind("s", s.id()).execute();
        String secret = Crypto.randomToken(32);
        h.createUpdate("INSERT INTO school_links (school_id, secret_hash, created_at)"
                        + " VALUES (:s, :h, :now)")
                .bind("s", s.id()).bind("h", Crypto.sha256Hex(secret)).bind("now", now)
                .execute();
        return secret;
    }

    public void revokeLink(String actor, SchoolRow school) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE school_links SET revoked_at = :now"
                            + " WHERE school_id = :s AND revoked_at IS NULL")
                    .bind("now", clock.millis()).bind("s", school.id()).execute();
            audit.record(h, actor, "link.revoke", school.collectionId(), school.id(),
                    school.name() + "：作废 " + n + " 个链接");
        });
    }

    public List<LinkState> linkStates(long collectionId) {
        List<SchoolRow> schools = schools(collectionId);
        return jdbi.withHandle(h -> {
            List<LinkState> out = new ArrayList<>();
            for (SchoolRow s : schools) {
                Long active = h.createQuery("SELECT MAX(created_at) AS active_since"
                                + " FROM school_links WHERE school_id = :s AND revoked_at IS NULL")
                        .bind("s", s.id())
                        .map((rs, ctx) -> Rows.nullableLong(rs, "active_since")).one();
                int revoked = h.createQuery("SELECT COUNT(*) FROM school_links"
                                + " WHERE school_id = :s AND revoked_at IS NOT NULL")
                        .bind("s", s.id()).mapTo(Integer.class).one();
                out.add(new LinkState(s, active, revoked));
            }
            return out;
        });
    }
}

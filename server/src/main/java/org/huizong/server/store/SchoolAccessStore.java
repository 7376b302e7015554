package org.huizong.server.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.jdbi.v3.core.Jdbi;

/**
 * Schools' access codes: a school signs in with its 学校标识码 and an 8-character code that stays
 * valid across collections until reset or revoked. Only a PBKDF2 hash of the code is kept, so a
 * code is shown once, when issued. A successful sign-in opens a session secret for the school's
 * row in one collection, which {@link CollectionStore#schoolBySecret} resolves like a link secret.
 *
 * <p>Wrong codes are counted from the audit log per address, as staff sign-ins are
 * ({@link AccountStore}): 10 per school code and address, 30 per address, in 15 minutes; never
 * per school code alone, so nobody can lock a school out from its own office.
 */
public final class SchoolAccessStore {
    /** The code's characters: no 0/O, 1/I/L look-alikes. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int CODE_LENGTH = 8;
    public static final int MAX_FAILURES = 10;
    public static final int MAX_FAILURES_PER_ADDRESS = 30;
    public static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final String FAILED = "school.login_failed";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * PBKDF2 iterations for a code: fewer than a password's, so that issuing 300 codes takes
     * seconds, not a minute; each code still costs an offline guesser about 2^40 × 20,000
     * hashes, and a code is reset in a moment.
     */
    static final int ITERATIONS = 20_000;
    /** Verified against for an unknown school, so it costs the same time as a known one. */
    private static final String DUMMY_HASH = Crypto.hashPassword("not-a-code", ITERATIONS);
    /** A school code with its new access code, shown once. */
    public record IssuedCode(String schoolCode, String accessCode) {
    }

    /** Where a school code is on a roster; {@code closed} when that collection is closed. */
    public record Place(SchoolRow school, String collectionTitle, boolean closed) {
    }

    /** The outcome of a sign-in by code. */
    public sealed interface SignIn {
        /** The code is right: the school's places, newest collection first (never empty). */
        record Accepted(List<Place> places) implements SignIn {
        }

        /** Wrong school code or access code (one answer for both). */
        record Refused() implements SignIn {
        }

        /** Too many failures from this address: the reason, in Chinese. */
        record Locked(String reason) implements SignIn {
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;

    public SchoolAccessStore(Jdbi jdbi, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    /** A fresh random code, {@value #CODE_LENGTH} characters of {@link #ALPHABET}. */
    static String newCode() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * A code as people type it, upper-cased without spaces or dashes: {@code abcd-efgh} is
     * {@code ABCDEFGH}.
     */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s\\-－—]", "").toUpperCase(Locale.ROOT);
    }

    /** {@code ABCDEFGH} as printed, {@code ABCD-EFGH}. */
    public static String display(String code) {
        return code.length() == CODE_LENGTH ? code.substring(0, 4) + "-" + code.substring(4) : code;
    }

    /** Issues (or replaces) the codes of {@code schoolCodes}, in the given order. */
    public List<IssuedCode> issue(String actor, List<String> schoolCodes) {
        List<IssuedCode> out = new ArrayList<>();
        for (String school : schoolCodes) {
            out.add(new IssuedCode(school, newCode()));
        }
        // Hash outside the transaction: PBKDF2 takes a while per code.
        List<String> hashes = out.stream()
                .map(c -> Crypto.hashPassword(c.accessCode(), ITERATIONS)).toList();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < out.size(); i++) {
                String school = out.get(i).schoolCode();
                h.createUpdate("DELETE FROM school_access WHERE school_code = :s")
                        .bind("s", school).execute();
                h.createUpdate("INSERT INTO school_access (school_code, code_hash, issued_by,"
                                + " issued_at) VALUES (:s, :h, :by, :at)")
                        .bind("s", school).bind("h", hashes.get(i)).bind("by", actor)
                        .bind("at", clock.millis()).execute();
                audit.record(h, actor, "school_access.issue", null, null, "学校 " + school);
            }
        });
        return List.copyOf(out);
    }

    /** Revokes a school's code; its open sessions end too. */
    public void revoke(String actor, String schoolCode) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM school_access WHERE school_code = :s")
                    .bind("s", schoolCode).execute();
            h.createUpdate("DELETE FROM school_sessions WHERE school_id IN"
                            + " (SELECT id FROM schools WHERE code = :s)")
                    .bind("s", schoolCode).execute();
            audit.record(h, actor, "school_access.revoke", null, null, "学校 " + schoolCode);
        });
    }

    /** When each school code's access code was issued (epoch ms); absent codes have none. */
    public Map<String, Long> issuedAt() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbi.withHandle(h -> h.createQuery("SELECT school_code, issued_at FROM school_access"
                        + " ORDER BY school_code")
                .map((rs, ctx) -> Map.entry(rs.getString("school_code"), rs.getLong("issued_at")))
                .list()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Checks a school code and access code typed at {@code ip}; failures are audited. */
    public SignIn signIn(String schoolCode, String typedCode, String ip) {
        String school = schoolCode == null ? "" : schoolCode.strip();
        Optional<String> locked = lockout(school, ip);
        if (locked.isPresent()) {
            return new SignIn.Locked(locked.get());
        }
        String code = normalize(typedCode);
        Optional<String> hash = school.isEmpty() || school.length() > 64 ? Optional.empty()
                : jdbi.withHandle(h -> h.createQuery("SELECT code_hash FROM school_access"
                        + " WHERE school_code = :s").bind("s", school).mapTo(String.class)
                        .findOne());
        // An unknown school costs the same hashing time as a known one.
        boolean ok = Crypto.verifyPassword(code, hash.orElse(DUMMY_HASH)) && hash.isPresent();
        List<Place> places = ok ? places(school) : List.of();
        if (places.isEmpty()) {
            audit.record(school.isEmpty() ? "?" : school, FAILED, null, null, from(ip));
            return new SignIn.Refused();
        }
        audit.record(school, "school.login", null, null, from(ip));
        return new SignIn.Accepted(places);
    }

    /** Every roster row with {@code schoolCode}, newest collection first. */
    List<Place> places(String schoolCode) {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.id, s.collection_id, s.position,"
                        + " s.code, s.name, s.school_type, s.township, s.ownership, c.title,"
                        + " (SELECT COUNT(*) FROM collection_closures x"
                        + " WHERE x.collection_id = c.id) AS closed"
                        + " FROM schools s JOIN collections c ON c.id = s.collection_id"
                        + " WHERE s.code = :s ORDER BY c.id DESC")
                .bind("s", schoolCode)
                .map((rs, ctx) -> new Place(new SchoolRow(rs.getLong("id"),
                        rs.getLong("collection_id"), rs.getInt("position"), rs.getString("code"),
                        rs.getString("name"), rs.getString("school_type"),
                        rs.getString("township"), rs.getString("ownership")),
                        rs.getString("title"), rs.getLong("closed") > 0))
                .list());
    }

    /**
     * Opens a session for a school row a sign-in accepted: a random secret that reaches the
     * school's page and the API like a link secret, for {@link #SESSION_LIFETIME}.
     */
    public String openSession(SchoolRow school) {
        String secret = Crypto.randomToken(32);
        long now = clock.millis();
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM school_sessions WHERE expires_at < :now")
                    .bind("now", now).execute();
            h.createUpdate("INSERT INTO school_sessions (secret_hash, school_id, expires_at)"
                            + " VALUES (:h, :s, :e)")
                    .bind("h", Crypto.sha256Hex(secret)).bind("s", school.id())
                    .bind("e", now + SESSION_LIFETIME.toMillis()).execute();
        });
        return secret;
    }

    private Optional<String> lockout(String school, String ip) {
        long since = clock.millis() - LOCKOUT_WINDOW.toMillis();
        long minutes = LOCKOUT_WINDOW.toMinutes();
        long bySchool = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log"
                        + " WHERE action = :a AND actor = :s AND detail = :d AND at > :since")
                .bind("a", FAILED).bind("s", school).bind("d", from(ip)).bind("since", since)
                .mapTo(Long.class).one());
        if (bySchool >= MAX_FAILURES) {
            return Optional.of("本机所在地址 " + minutes + " 分钟内该校访问码错误已达 " + MAX_FAILURES
                    + " 次，已暂时锁定，请稍后再试或向教育局核对访问码");
        }
        long byAddress = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log"
                        + " WHERE action = :a AND detail = :d AND at > :since")
                .bind("a", FAILED).bind("d", from(ip)).bind("since", since)
                .mapTo(Long.class).one());
        if (byAddress >= MAX_FAILURES_PER_ADDRESS) {
            return Optional.of("本机所在地址 " + minutes + " 分钟内访问码错误已达 "
                    + MAX_FAILURES_PER_ADDRESS + " 次，已暂时禁止登录，请稍后再试");
        }
        return Optional.empty();
    }

    private static String from(String ip) {
        return "来自 " + ip;
    }
}

package org.huizong.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff accounts, their sessions, and server-wide settings (the key that derives school-page
 * CSRF tokens). Session tokens and link secrets are stored only as SHA-256 hashes.
 */
public final class AccountStore {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final String ADMIN = "admin";
    /**
     * Failed sign-ins of one user name from one address within {@link #LOCKOUT_WINDOW} before
     * that name is locked for that address. Other addresses may still sign in with it, so
     * nobody can lock the rightful user out by failing on purpose.
     */
    public static final int MAX_FAILURES = 10;
    /** Failed sign-ins from one address, whatever the names, before the address is locked. */
    public static final int MAX_FAILURES_PER_ADDRESS = 30;
    public static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);

    /**
     * A staff account.
     *
     * @param townships a reviewer's (审核员) townships, sorted; empty for county staff, who see
     *     every school
     */
    public record User(long id, String username, String displayName, boolean admin,
            List<String> townships) {
        public User {
            townships = List.copyOf(townships);
            if (admin && !townships.isEmpty()) {
                throw new IllegalArgumentException("administrator " + username
                        + " cannot be scoped to townships " + townships);
            }
        }

        /** Whether this is a reviewer limited to some townships (学区/乡镇 level). */
        public boolean scoped() {
            return !townships.isEmpty();
        }

        /** Whether this account may see and act on a school in {@code township}. */
        public boolean sees(String township) {
            return townships.isEmpty() || townships.contains(township);
        }
    }

    /**
     * A staff account as 账号管理 lists it.
     *
     * @param lastSignIn epoch milliseconds of the last successful sign-in, empty if never
     */
    public record Account(User user, boolean disabled, Optional<Long> lastSignIn) {
    }

    /** A signed-in staff member and the session's CSRF token. */
    public record Session(User user, String csrfToken) {
    }

    /** What a sign-in attempt came to. */
    public sealed interface Login {
        /** Signed in: {@code token} is the new session's cookie value. */
        record SignedIn(String token) implements Login {
        }

        /** The user name or the password is wrong (which one is not told). */
        record Refused() implements Login {
        }

        /** The password was right but an administrator has disabled the account. */
        record Disabled() implements Login {
        }

        /**
         * Too many wrong passwords within {@link #LOCKOUT_WINDOW} for this name from this
         * address, or from this address at all: refused without checking the password.
         *
         * @param message why, in Chinese, for the person signing in
         */
        record Locked(String message) implements Login {
        }
    }

    private record Credentials(long userId, String passwordHash, boolean disabled) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Audit audit;

    public AccountStore(Jdbi jdbi, Clock clock, Audit audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Creates the first administrator when there is no account yet.
     *
     * @return the generated password, to be shown once; empty when accounts already exist
     */
    public Optional<String> createFirstAdmin() {
        return jdbi.inTransaction(h -> {
            long n = h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one();
            if (n > 0) {
                return Optional.<String>empty();
            }
            String password = Crypto.randomToken(12);
            insertUser(h, ADMIN, "管理员", password, true);
            audit.record(h, "system", "user.create_first_admin", null, null, "用户 " + ADMIN);
            return Optional.of(password);
        });
    }

    public void createUser(String actor, String username, String displayName, String password,
            boolean admin) {
        jdbi.useTransaction(h -> {
            insertUser(h, username, displayName, password, admin);
            audit.record(h, actor, "user.create", null, null, "用户 " + username);
        });
    }

    /**
     * Creates a reviewer (审核员) who sees and first-approves only the schools of
     * {@code townships}; those townships are reviewed at two levels from then on.
     */
    public void createReviewer(String actor, String username, String displayName,
            String password, List<String> townships) {
        if (townships.isEmpty()) {
            throw new IllegalArgumentException("reviewer " + username + " without a township");
        }
        jdbi.useTransaction(h -> {
            long id = insertUser(h, username, displayName, password, false);
            insertTownships(h, id, townships);
            audit.record(h, actor, "user.create", null, null, "用户 " + username
                    + "（审核员，负责 " + String.join("、", new TreeSet<>(townships)) + "）");
        });
    }

    /**
     * Gives a reviewer other townships. It keeps at least one: a reviewer no longer needed is
     * disabled, so the audit log keeps who first-approved what. Returns already first-approved
     * keep that decision; a township that gains a reviewer is reviewed at two levels from then on.
     */
    public void setTownships(String actor, long userId, List<String> townships) {
        if (townships.isEmpty()) {
            throw new IllegalArgumentException("reviewer " + userId + " without a township");
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM reviewer_townships WHERE user_id = :u")
                    .bind("u", userId).execute();
            insertTownships(h, userId, townships);
            audit.record(h, actor, "user.scope", null, null, "用户 " + username(h, userId)
                    + "（审核员，负责 " + String.join("、", new TreeSet<>(townships)) + "）");
        });
    }

    private static void insertTownships(Handle h, long userId, List<String> townships) {
        for (String t : new TreeSet<>(townships)) {
            h.createUpdate("INSERT INTO reviewer_townships (user_id, township)"
                    + " VALUES (:u, :t)").bind("u", userId).bind("t", t).execute();
        }
    }

    private long insertUser(Handle h, String username, String displayName, String password,
            boolean admin) {
        return h.createUpdate("INSERT INTO users (username, display_name, password_hash,"
                        + " is_admin, created_at) VALUES (:u, :d, :p, :a, :t)")
                .bind("u", username).bind("d", displayName)
                .bind("p", Crypto.hashPassword(password)).bind("a", admin ? 1 : 0)
                .bind("t", clock.millis()).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one();
    }

    /**
     * The townships reviewed at two levels: those of every reviewer whose account is not
     * disabled (a disabled reviewer must not leave the county unable to approve).
     */
    public Set<String> twoLevelTownships() {
        return jdbi.withHandle(h -> new TreeSet<>(ReturnStore.twoLevel(h)));
    }

    /** Each reviewer's townships, sorted, by user id. */
    private static Map<Long, List<String>> scopes(Handle h) {
        Map<Long, List<String>> out = new HashMap<>();
        h.createQuery("SELECT user_id, township FROM reviewer_townships ORDER BY township")
                .map((rs, ctx) -> Map.entry(rs.getLong("user_id"), rs.getString("township")))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return out;
    }

    public boolean usernameTaken(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE username = :u")
                .bind("u", username).mapTo(Long.class).one() > 0);
    }

    /** Checks the password and opens a session, unless the name is locked out. */
    public Login login(String username, String password, String ip) {
        Optional<String> locked = lockout(username, ip);
        if (locked.isPresent()) {
            jdbi.useHandle(h -> audit.record(h, username, "login.locked", null, null,
                    from(ip)));
            return new Login.Locked(locked.get());
        }
        Optional<Credentials> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, password_hash, disabled FROM users WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Credentials(rs.getLong("id"),
                        rs.getString("password_hash"), rs.getInt("disabled") == 1))
                .findOne());
        // Hash even for an unknown name so response time does not reveal which names exist.
        String stored = row.map(Credentials::passwordHash).orElse(DUMMY_HASH);
        boolean ok = Crypto.verifyPassword(password == null ? "" : password, stored)
                && row.isPresent();
        if (!ok) {
            jdbi.useHandle(h -> audit.record(h, username, "login.failed", null, null,
                    from(ip)));
            return new Login.Refused();
        }
        if (row.get().disabled()) {
            jdbi.useHandle(h -> audit.record(h, username, "login.disabled", null, null,
                    from(ip)));
            return new Login.Disabled();
        }
        long userId = row.get().userId();
        String token = Crypto.randomToken(32);
        String csrf = Crypto.randomToken(32);
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM sessions WHERE expires_at < :now").bind("now", now)
                    .execute();
            h.createUpdate("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at,"
                            + " expires_at) VALUES (:t, :u, :c, :now, :exp)")
                    .bind("t", Crypto.sha256Hex(token)).bind("u", userId).bind("c", csrf)
                    .bind("now", now).bind("exp", now + SESSION_LIFETIME.toMillis()).execute();
            h.createUpdate("UPDATE users SET last_login_at = :now WHERE id = :u")
                    .bind("now", now).bind("u", userId).execute();
            audit.record(h, username, "login", null, null, from(ip));
        });
        return new Login.SignedIn(token);
    }

    /**
     * Why sign-ins of {@code username} from {@code ip} are refused now, if they are: counted
     * from the audit log (shared by every server on one database), by name and address
     * together and by address alone, never by name alone.
     */
    private Optional<String> lockout(String username, String ip) {
        long since = clock.millis() - LOCKOUT_WINDOW.toMillis();
        long byName = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log"
                        + " WHERE action = 'login.failed' AND actor = :u AND detail = :d"
                        + " AND at > :since")
                .bind("u", username).bind("d", from(ip)).bind("since", since)
                .mapTo(Long.class).one());
        long minutes = LOCKOUT_WINDOW.toMinutes();
        if (byName >= MAX_FAILURES) {
            return Optional.of("该账号在本机所在地址 " + minutes + " 分钟内密码错误已达 " + MAX_FAILURES
                    + " 次，已暂时锁定，请稍后再试");
        }
        long byAddress = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log"
                        + " WHERE action = 'login.failed' AND detail = :d AND at > :since")
                .bind("d", from(ip)).bind("since", since).mapTo(Long.class).one());
        if (byAddress >= MAX_FAILURES_PER_ADDRESS) {
            return Optional.of("本机所在地址 " + minutes + " 分钟内登录失败已达 "
                    + MAX_FAILURES_PER_ADDRESS + " 次，已暂时禁止登录，请稍后再试");
        }
        return Optional.empty();
    }

    private static String from(String ip) {
        return "来自 " + ip;
    }

    public Optional<Session> findSession(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT u.id, u.username, u.display_name, u.is_admin, s.csrf_token"
                                + " FROM sessions s JOIN users u ON u.id = s.user_id"
                                + " WHERE s.token_hash = :t AND s.expires_at > :now"
                                + " AND u.disabled = 0")
                .bind("t", Crypto.sha256Hex(token)).bind("now", clock.millis())
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("csrf_token")))
                .findOne()
                .map(e -> new Session(users(h, e.getKey()).get(0), e.getValue())));
    }

    public void logout(String token, String username) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM sessions WHERE token_hash = :t")
                    .bind("t", Crypto.sha256Hex(token)).execute();
            audit.record(h, username, "logout", null, null, "");
        });
    }

    public List<User> users() {
        return accounts().stream().map(Account::user).toList();
    }

    /** Every account, oldest first, with its state and last sign-in. */
    public List<Account> accounts() {
        return jdbi.withHandle(h -> {
            Map<Long, List<String>> scopes = scopes(h);
            return h.createQuery("SELECT id, username, display_name, is_admin,"
                            + " disabled, last_login_at FROM users ORDER BY id")
                    .map((rs, ctx) -> new Account(user(rs, scopes),
                            rs.getInt("disabled") == 1,
                            Optional.ofNullable(Rows.nullableLong(rs, "last_login_at"))))
                    .list();
        });
    }

    public Optional<Account> account(long userId) {
        return accounts().stream().filter(a -> a.user().id() == userId).findFirst();
    }

    /**
     * Changes a user's own password after checking the old one; the user's other sessions end.
     *
     * @return false when {@code oldPassword} is wrong (nothing changed)
     */
    public boolean changePassword(User user, String oldPassword, String newPassword,
            String keepToken) {
        String stored = jdbi.withHandle(h -> h.createQuery(
                        "SELECT password_hash FROM users WHERE id = :u")
                .bind("u", user.id()).mapTo(String.class).one());
        if (!Crypto.verifyPassword(oldPassword, stored)) {
            jdbi.useHandle(h -> audit.record(h, user.username(), "user.password_failed", null,
                    null, ""));
            return false;
        }
        jdbi.useTransaction(h -> {
            setPassword(h, user.id(), newPassword);
            h.createUpdate("DELETE FROM sessions WHERE user_id = :u AND token_hash <> :t")
                    .bind("u", user.id()).bind("t", Crypto.sha256Hex(keepToken)).execute();
            audit.record(h, user.username(), "user.password", null, null, "");
        });
        return true;
    }

    /**
     * An administrator sets a new random password for {@code userId}; the user's sessions end.
     *
     * @return the temporary password, to be shown once
     */
    public String resetPassword(String actor, long userId) {
        String password = Crypto.randomToken(9);
        jdbi.useTransaction(h -> {
            setPassword(h, userId, password);
            endSessions(h, userId);
            audit.record(h, actor, "user.reset_password", null, null,
                    "用户 " + username(h, userId));
        });
        return password;
    }

    /** Disables (sessions end, sign-in refused) or enables an account. */
    public void setDisabled(String actor, long userId, boolean disabled) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE users SET disabled = :d WHERE id = :u")
                    .bind("d", disabled ? 1 : 0).bind("u", userId).execute();
            if (disabled) {
                endSessions(h, userId);
            }
            audit.record(h, actor, disabled ? "user.disable" : "user.enable", null, null,
                    "用户 " + username(h, userId));
        });
    }

    private static void setPassword(Handle h, long userId, String password) {
        h.createUpdate("UPDATE users SET password_hash = :p WHERE id = :u")
                .bind("p", Crypto.hashPassword(password)).bind("u", userId).execute();
    }

    private static void endSessions(Handle h, long userId) {
        h.createUpdate("DELETE FROM sessions WHERE user_id = :u").bind("u", userId).execute();
    }

    private static String username(Handle h, long userId) {
        return h.createQuery("SELECT username FROM users WHERE id = :u").bind("u", userId)
                .mapTo(String.class).one();
    }

    /** The user {@code id} with its townships, as a one-element list. */
    private static List<User> users(Handle h, long id) {
        Map<Long, List<String>> scopes = scopes(h);
        return h.createQuery("SELECT id, username, display_name, is_admin FROM users"
                        + " WHERE id = :u").bind("u", id)
                .map((rs, ctx) -> user(rs, scopes)).list();
    }

    private static User user(ResultSet rs, Map<Long, List<String>> scopes) throws SQLException {
        long id = rs.getLong("id");
        return new User(id, rs.getString("username"), rs.getString("display_name"),
                rs.getInt("is_admin") == 1, scopes.getOrDefault(id, List.of()));
    }

    /** The server's random key for deriving tokens; created on first use and kept. */
    public byte[] serverKey() {
        return jdbi.inTransaction(h -> {
            Optional<String> v = h.createQuery("SELECT value FROM settings WHERE name = 'key'")
                    .mapTo(String.class).findOne();
            if (v.isPresent()) {
                return Base64.getUrlDecoder().decode(v.get());
            }
            String key = Crypto.randomToken(32);
            h.createUpdate("INSERT INTO settings (name, value) VALUES ('key', :v)")
                    .bind("v", key).execute();
            return Base64.getUrlDecoder().decode(key);
        });
    }

    /** A valid hash of a random password nobody knows, checked for unknown user names. */
    private static final String DUMMY_HASH = Crypto.hashPassword(Crypto.randomToken(16));
}

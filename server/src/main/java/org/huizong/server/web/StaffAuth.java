package org.huizong.server.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.huizong.server.store.AccountStore;
import org.huizong.server.store.AccountStore.Session;
import org.huizong.server.store.Crypto;

/**
 * Staff sessions and the CSRF tokens {@link Routes} checks (see {@link Csrf}). The session cookie
 * is a random token (HttpOnly, SameSite=Lax, Secure under TLS); every staff form post carries the
 * session's synchronizer token in {@code _csrf}, compared in constant time. School pages use a
 * token derived from the link secret with the server key instead (see {@link #schoolCsrf}).
 */
public final class StaffAuth {
    public static final String COOKIE = "hz_session";
    static final String LOGIN_COOKIE = "hz_login";
    private static final String ATTR = "hz.session";

    private final AccountStore accounts;
    private final byte[] serverKey;
    private final boolean secure;

    public StaffAuth(AccountStore accounts, boolean secure) {
        this.accounts = accounts;
        this.serverKey = accounts.serverKey();
        this.secure = secure;
    }

    public Optional<Session> session(Context ctx) {
        Optional<Session> cached = ctx.attribute(ATTR);
        if (cached != null) {
            return cached;
        }
        Optional<Session> s = accounts.findSession(ctx.cookie(COOKIE));
        ctx.attribute(ATTR, s);
        return s;
    }

    /** Checks a staff form post's synchronizer token; refuses the post when it is missing. */
    void checkSessionCsrf(Context ctx, Session s) {
        if (!Crypto.constantTimeEquals(ctx.formParam("_csrf"), s.csrfToken())) {
            throw csrfRefused();
        }
    }

    static HttpProblem csrfRefused() {
        return new HttpProblem(403, "表单校验失败（缺少或错误的安全令牌）。请刷新页面后重新提交");
    }

    public void setSessionCookie(Context ctx, String token) {
        ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "") + "; Max-Age="
                + AccountStore.SESSION_LIFETIME.toSeconds());
    }

    public void clearSessionCookie(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    }

    /** A fresh token for the login form, set both as a cookie and a hidden field. */
    public String loginToken(Context ctx) {
        String t = Crypto.randomToken(24);
        ctx.header("Set-Cookie", LOGIN_COOKIE + "=" + t + "; Path=/login; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
        return t;
    }

    void checkLoginToken(Context ctx) {
        String cookie = ctx.cookie(LOGIN_COOKIE);
        if (!Crypto.constantTimeEquals(cookie, ctx.formParam("_csrf"))) {
            throw csrfRefused();
        }
    }

    /** The CSRF token of a school page: HMAC of the secret's hash under the server key. */
    public String schoolCsrf(String secret) {
        return Crypto.hmacHex(serverKey, "school-form:" + Crypto.sha256Hex(secret));
    }

    void checkSchoolCsrf(Context ctx, String secret) {
        if (!Crypto.constantTimeEquals(ctx.formParam("_csrf"), schoolCsrf(secret))) {
            throw csrfRefused();
        }
    }
}

package org.huizong.server.web;

/**
 * How a route that changes state proves a request comes from the server's own page. {@link Routes}
 * checks it in a before-handler for every POST, PUT, PATCH and DELETE, before any handler runs;
 * each route declares which check applies (see {@link Route}), and a state-changing route that
 * declares none cannot be registered.
 */
public enum Csrf {
    /** GET and HEAD: reading changes nothing, so there is nothing to check. */
    SAFE_METHOD,
    /**
     * Staff forms: the {@code _csrf} field equals the staff session's synchronizer token,
     * compared in constant time. Every {@link Guard#STAFF}, {@link Guard#REVIEWER} and
     * {@link Guard#ADMIN} route.
     */
    SESSION_TOKEN,
    /**
     * School forms: {@code _csrf} equals the school page's token, an HMAC of the link secret under
     * the server key ({@link StaffAuth#schoolCsrf}). Every {@link Guard#SCHOOL_LINK} route.
     */
    SCHOOL_TOKEN,
    /**
     * The sign-in form, before any session exists: {@code _csrf} equals the {@code hz_login}
     * cookie (SameSite=Strict, path /login) set with the form, a double-submit token.
     */
    LOGIN_COOKIE,
    /**
     * Exempt, for the JSON API only: it is authenticated by the {@code X-Huizong-Secret} header
     * and never reads a cookie, so a page on another site cannot borrow a browser's credentials;
     * a cross-site form cannot set that header, and a script can only with a CORS preflight the
     * server never grants. The anonymous {@code validate} call stores nothing.
     */
    EXEMPT_SECRET_HEADER;

    /** Whether this check belongs with {@code guard}: each guard has exactly one. */
    boolean fits(Guard guard) {
        return switch (this) {
            case SAFE_METHOD -> true;
            case SESSION_TOKEN -> guard == Guard.STAFF || guard == Guard.REVIEWER
                    || guard == Guard.ADMIN;
            case SCHOOL_TOKEN -> guard == Guard.SCHOOL_LINK;
            case LOGIN_COOKIE -> guard == Guard.ANYONE;
            case EXEMPT_SECRET_HEADER -> guard == Guard.SCHOOL_KEY
                    || guard == Guard.SCHOOL_KEY_IF_GIVEN;
        };
    }
}

package org.huizong.server.web;

/**
 * Who may call a route. {@link Routes} resolves the caller before the handler runs and refuses
 * everyone else, so no handler checks a session or a secret itself.
 */
public enum Guard {
    /** Anyone: the sign-in page, static files, the add-in's files. */
    ANYONE,
    /**
     * A signed-in staff member. A GET without a session is redirected to {@code /login}; any
     * other request without one is refused with 401.
     */
    STAFF,
    /** A signed-in administrator: checked as {@link #STAFF}, then 403 for other staff. */
    ADMIN,
    /**
     * The school whose live link secret is the {@code {secret}} path segment; an unknown or
     * revoked secret is 404, the same answer for both.
     */
    SCHOOL_LINK,
    /**
     * The school whose live link secret is in the {@link ApiRequest#SECRET_HEADER} header (the
     * JSON API); missing, unknown or revoked is 401.
     */
    SCHOOL_KEY,
    /** As {@link #SCHOOL_KEY} when the header is sent; anyone when it is not. */
    SCHOOL_KEY_IF_GIVEN
}

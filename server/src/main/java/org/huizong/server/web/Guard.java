package org.huizong.server.web;

/**
 * Who may call a route. {@link Routes} resolves the caller before the handler runs and refuses
 * everyone else, so no handler checks a session or a secret itself.
 */
public enum Guard {
    /** Anyone: the sign-in page, static files, the add-in's files. */
    ANYONE,
    /**
     * A signed-in member of the county's staff. A GET without a session is redirected to
     * {@code /login}; any other request without one is refused with 401; a reviewer scoped to
     * townships (审核员) is refused with 403, so a route is county-only unless it says otherwise.
     */
    STAFF,
    /**
     * Any signed-in staff member, a township reviewer included. On a route about one school
     * the registry refuses (403) a reviewer outside that school's township; on a route about a
     * collection the handler shows and acts on only the reviewer's schools.
     */
    REVIEWER,
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

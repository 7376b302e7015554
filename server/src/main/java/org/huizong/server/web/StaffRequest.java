package org.huizong.server.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.huizong.server.store.AccountStore.Session;

/** A request from a signed-in staff member, as {@link Guard#STAFF} resolved it. */
public record StaffRequest(Context ctx, Session session) {
    /** The staff member's user name, as the audit log records the actor. */
    public String username() {
        return session.user().username();
    }

    /** A form field as sent; empty text when absent. */
    public String form(String name) {
        return Forms.field(ctx, name);
    }

    /** A page with the staff chrome: navigation and the sign-out form. */
    public Reply.Page page(String title, Html body) {
        return Reply.page(PageChrome.page(title, Optional.of(session), body));
    }

    /** The hidden CSRF field for a form on a staff page. */
    public Html csrfField() {
        return PageChrome.csrf(session.csrfToken());
    }
}

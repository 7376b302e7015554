package org.huizong.server.web;

import io.javalin.http.Context;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;

/**
 * A request from a school, as its link secret resolved it ({@link Guard#SCHOOL_LINK} from the
 * path, {@link Guard#SCHOOL_KEY} from the API header): the school and its collection, found from
 * the secret alone, so one school's link never reaches another school's data.
 */
public record SchoolRequest(Context ctx, String secret, SchoolRow school,
        CollectionRow collection) {
    /** A form field as sent; empty text when absent. */
    public String form(String name) {
        return Forms.field(ctx, name);
    }

    /** {@code /s/<secret>}, the school's own page. */
    public String base() {
        return "/s/" + secret;
    }
}

package org.huizong.server.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * A request to the JSON API with the school its {@link #SECRET_HEADER} named: always present
 * under {@link Guard#SCHOOL_KEY}, present under {@link Guard#SCHOOL_KEY_IF_GIVEN} only when the
 * header was sent.
 */
public record ApiRequest(Context ctx, Optional<SchoolRequest> keyed) {
    /** The header that carries a school's link secret; the API never reads cookies. */
    public static final String SECRET_HEADER = "X-Huizong-Secret";

    /** The school of a {@link Guard#SCHOOL_KEY} route. */
    public SchoolRequest school() {
        return keyed.orElseThrow(() -> new IllegalStateException(
                "no school: the route's guard is not SCHOOL_KEY"));
    }
}

package org.huizong.server.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The address schools reach the server at, for printed links and the add-in manifest: the
 * configured public URL, else the scheme and Host of the request (staff should then open the
 * server by the name schools will use).
 */
public final class PublicAddress {
    private final Optional<String> configured;

    public PublicAddress(Optional<String> configured) {
        this.configured = configured;
    }

    public String of(Context ctx) {
        return configured.orElseGet(() -> ctx.req().getScheme() + "://"
                + Optional.ofNullable(ctx.header("Host")).orElse("localhost"));
    }

    Optional<String> configured() {
        return configured;
    }
}

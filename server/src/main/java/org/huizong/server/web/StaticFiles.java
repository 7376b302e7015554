package org.huizong.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The pages' style sheet and script, {@code /static/app.css} and {@code /static/app.js}. */
public final class StaticFiles implements RouteGroup {
    private static final Optional<String> CACHED = Optional.of("public, max-age=3600");
    private final Reply css = new Reply.Content("text/css; charset=utf-8", resource("app.css"),
            CACHED);
    private final Reply js = new Reply.Content("text/javascript; charset=utf-8",
            resource("app.js"), CACHED);

    @Override
    public void register(Routes routes) {
        routes.anyone("/static/app.css", ctx -> css);
        routes.anyone("/static/app.js", ctx -> js);
    }

    private static byte[] resource(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/huizong/server/web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

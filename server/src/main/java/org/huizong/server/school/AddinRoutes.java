package org.huizong.server.school;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.huizong.addin.AddinResources;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PublicAddress;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;

/**
 * The Excel add-in's files (module {@code addin}) under {@code /addin/}: the static files it lists,
 * each with its content type (browsers refuse ES modules served as anything but JavaScript), and
 * the manifest and WPS add-in list with this server's address filled in.
 */
final class AddinRoutes implements RouteGroup {
    private static final String XML = "application/xml; charset=utf-8";
    private final PublicAddress address;

    AddinRoutes(PublicAddress address) {
        this.address = address;
    }

    @Override
    public void register(Routes r) {
        r.anyone(AddinResources.MANIFEST_ROUTE, ctx -> xml(
                AddinResources.manifest(address.of(ctx))));
        r.anyone(AddinResources.WPS_PUBLISH_ROUTE, ctx -> xml(
                AddinResources.wpsPublishXml(address.of(ctx))));
        r.anyone("/addin/<path>", this::file);
    }

    private static Reply xml(String body) {
        return new Reply.Content(XML, body.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private Reply file(Context ctx) {
        String path = ctx.pathParam("path");
        if (!AddinResources.isStaticFile(path)) {
            throw HttpProblem.notFound("加载项文件 " + path);
        }
        try (InputStream in = AddinResources.open(path)) {
            return new Reply.Content(AddinResources.contentType(path), in.readAllBytes(),
                    Optional.of("no-cache"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

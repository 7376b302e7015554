package org.huizong.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.huizong.addin.AddinResources;

/**
 * The Excel add-in's files (module {@code addin}) under {@code /addin/}: the static files it lists,
 * each with its content type (browsers refuse ES modules served as anything but JavaScript), and
 * the manifest and WPS add-in list with this server's address filled in.
 */
final class AddinRoutes implements Routes {
    private final PublicAddress address;

    AddinRoutes(PublicAddress address) {
        this.address = address;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get(AddinResources.MANIFEST_ROUTE, ctx -> xml(ctx,
                AddinResources.manifest(address.of(ctx))));
        r.get(AddinResources.WPS_PUBLISH_ROUTE, ctx -> xml(ctx,
                AddinResources.wpsPublishXml(address.of(ctx))));
        r.get("/addin/<path>", this::file);
    }

    private static void xml(Context ctx, String body) {
        ctx.contentType("application/xml; charset=utf-8").result(body);
    }

    private void file(Context ctx) {
        String path = ctx.pathParam("path");
        if (!AddinResources.isStaticFile(path)) {
            throw HttpProblem.notFound("加载项文件 " + path);
        }
        try (InputStream in = AddinResources.open(path)) {
            ctx.contentType(AddinResources.contentType(path))
                    .header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

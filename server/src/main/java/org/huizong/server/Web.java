package org.huizong.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin app: limits, security headers, error pages, static files, routes. */
final class Web {
    private static final Logger LOG = LoggerFactory.getLogger(Web.class);
    private static final String CSP = "default-src 'self'; img-src 'self' data:;"
            + " style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    private Web() {
    }

    static Javalin create(ServerConfig config, StaffAuth auth, List<Routes> groups) {
        long max = config.maxUploadBytes();
        String css = resource("app.css");
        String js = resource("app.js");
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.maxRequestSize = max + 1024 * 1024;
            c.http.defaultContentType = "text/html; charset=utf-8";
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(max + 1024 * 1024, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
            config.keystore().ifPresent(ks -> c.jetty.addConnector((server, httpConfig) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(ks.toAbsolutePath().toString());
                ssl.setKeyStorePassword(config.keystorePassword().orElseThrow());
                httpConfig.addCustomizer(new SecureRequestCustomizer(false));
                ServerConnector connector = new ServerConnector(server,
                        new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(httpConfig));
                connector.setHost(config.host());
                connector.setPort(config.port());
                return connector;
            }));
            c.routes.before(ctx -> {
                securityHeaders(ctx);
                long length = ctx.req().getContentLengthLong();
                if (length > max + 1024 * 1024) {
                    throw new HttpProblem(413, "上传内容有 " + Layout.size(length) + "，超过上限 "
                            + Layout.size(max));
                }
            });
            c.routes.get("/static/app.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                    .header("Cache-Control", "public, max-age=3600").result(css));
            c.routes.get("/static/app.js", ctx -> ctx.contentType(
                    "text/javascript; charset=utf-8")
                    .header("Cache-Control", "public, max-age=3600").result(js));
            for (Routes g : groups) {
                g.register(c.routes);
            }
            c.routes.exception(Redirect.class, (e, ctx) -> {
                ctx.status(HttpStatus.SEE_OTHER).header("Location", e.location());
                ctx.result("");
            });
            c.routes.exception(HttpProblem.class, (e, ctx) -> problem(ctx, auth, e));
            c.routes.exception(Exception.class, (e, ctx) -> {
                if (isTooLarge(e)) {
                    problem(ctx, auth, new HttpProblem(413, "上传文件超过上限 " + Layout.size(max)));
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, auth, new HttpProblem(500, "服务器内部错误，请稍后重试或联系教育局："
                        + e.getClass().getSimpleName()));
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    problem(ctx, auth, HttpProblem.notFound("页面 " + ctx.path()));
                }
            });
        });
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size")
                    || m.contains("maximum")) {
                return true;
            }
        }
        return false;
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        // Secret links are in URLs: never send them on to another site.
        ctx.header("Referrer-Policy", "no-referrer");
        if (!ctx.path().startsWith("/addin")) {
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", CSP);
        }
        if (!ctx.path().startsWith("/static") && !ctx.path().startsWith("/addin")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    static boolean wantsJson(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private static void problem(Context ctx, StaffAuth auth, HttpProblem e) {
        ctx.status(e.status());
        if (wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.put("details", e.details());
            ctx.contentType("application/json; charset=utf-8").result(Json.write(body));
            return;
        }
        Optional<AccountStore.Session> session = ctx.path().startsWith("/s/")
                ? Optional.empty() : auth.session(ctx);
        Html body = Html.of("""
                <h1>无法完成操作</h1>
                {}
                <p class="muted">状态码 {}</p>
                <p><a href="javascript:history.back()">返回上一页</a></p>""",
                Layout.flash(Optional.empty(), Optional.of(e.getMessage()), e.details()),
                e.status());
        ctx.contentType("text/html; charset=utf-8")
                .result(Layout.page("无法完成操作", session, body));
    }

    /** Sends an HTML page. */
    static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    /** Sends a download with a UTF-8 file name (RFC 6266 / 5987). */
    static void download(Context ctx, String fileName, String contentType, byte[] bytes) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        ctx.contentType(contentType)
                .header("Content-Disposition", "attachment; filename=\"" + ascii
                        + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(fileName,
                        StandardCharsets.UTF_8).replace("+", "%20"))
                .result(bytes);
    }

    static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static String resource(String name) {
        try (InputStream in = Web.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/huizong/server/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long pathLong(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("编号 " + ctx.pathParam(name));
        }
    }
}

package org.huizong.server.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.huizong.server.store.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app: limits, security headers, error pages, static files, and the routes of
 * the registry (which adds the CSRF before-handler).
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    private static final String CSP = "default-src 'self'; img-src 'self' data:;"
            + " style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    /**
     * Where and how to listen (from the server's configuration).
     *
     * @param keystore a keystore for HTTPS, with its password; empty serves plain HTTP
     */
    public record Listen(String host, int port, long maxUploadBytes, Optional<Path> keystore,
            Optional<String> keystorePassword, Limits limits) {
        boolean tls() {
            return keystore.isPresent();
        }
    }

    private WebApp() {
    }

    /** The app serving {@code routes}, with the style sheet and script added to them. */
    public static Javalin create(Listen config, StaffAuth auth, Routes routes) {
        long max = config.maxUploadBytes();
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
            Connectors.configure(c.jetty, config);
            c.routes.before(ctx -> {
                securityHeaders(ctx, config.tls());
                long length = ctx.req().getContentLengthLong();
                if (length > max + 1024 * 1024) {
                    throw new HttpProblem(413, "上传内容有 " + PageChrome.size(length) + "，超过上限 "
                            + PageChrome.size(max));
                }
            });
            routes.applyTo(c.routes);
            c.routes.exception(HttpProblem.class, (e, ctx) -> problem(ctx, auth, e));
            // Javalin's own refusals (no such path, a method a path does not take) are English.
            c.routes.exception(HttpResponseException.class,
                    (e, ctx) -> problem(ctx, auth, inChinese(e, ctx)));
            c.routes.exception(Exception.class, (e, ctx) -> {
                if (isTooLarge(e)) {
                    problem(ctx, auth, new HttpProblem(413, "上传文件超过上限 " + PageChrome.size(max)));
                    return;
                }
                Optional<String> fault = clientFault(e);
                if (fault.isPresent()) {
                    // The client's doing (gone, too slow): one line, no stack trace.
                    LOG.warn("客户端连接中断或过慢：{} {}，来自 {}（{}）", ctx.method(), ctx.path(),
                            ctx.ip(), fault.get());
                    problem(ctx, auth, new HttpProblem(408, "上传中断或过慢，未保存，请重新上传"));
                    return;
                }
                LOG.error("处理请求失败：{} {}", ctx.method(), ctx.path(), e);
                problem(ctx, auth, new HttpProblem(500, "服务器内部错误，请稍后重试；"
                        + "如仍不行，请联系教育局并告知出错的时间"));
            });
            c.routes.error(404, ctx -> {
                String result = ctx.result();
                if (result == null || result.isEmpty() || result.startsWith("Endpoint ")
                        || "Not Found".equals(result)) {
                    problem(ctx, auth, inChinese(new NotFoundResponse(), ctx));
                }
            });
        });
    }

    /**
     * Why the client failed the request (a connection reset or closed mid-body, a body arriving
     * too slowly, an idle timeout), in a few words; empty when the server failed. The first are
     * logged as one line, the second with their stack trace.
     */
    static Optional<String> clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof TimeoutException || m.contains("rate is too low")
                    || m.contains("idle timeout")) {
                return Optional.of("超时或过慢：" + t.getMessage());
            }
            if (t instanceof EOFException || t instanceof ClosedChannelException
                    || t.getClass().getName().equals("org.eclipse.jetty.io.EofException")
                    || m.contains("connection reset") || m.contains("broken pipe")
                    || m.contains("early eof")) {
                return Optional.of("连接中断：" + t.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }

    /** One of Javalin's own refusals, in the words of the bureau's pages. */
    static HttpProblem inChinese(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new HttpProblem(404, "找不到这个页面，请检查网址，或从首页重新进入");
            case 405 -> new HttpProblem(405, "这个网址不能这样访问，请从页面上的链接或按钮进入");
            case 400 -> new HttpProblem(400, "请求内容有误，请返回上一页重新填写");
            case 401, 403 -> new HttpProblem(e.getStatus(), "没有权限访问这个页面，请先登录");
            default -> new HttpProblem(e.getStatus(), "无法完成操作，请稍后重试");
        };
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size")
                    || m.contains("maximum")) {
                return true;
            }
        }
        return false;
    }

    private static void securityHeaders(Context ctx, boolean tls) {
        ctx.header("X-Content-Type-Options", "nosniff");
        if (tls) {
            // Browsers that saw the bureau over HTTPS never fall back to plain HTTP for a year.
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
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

    /**
     * Reads and discards what is left of a refused request's body, so the client, still sending
     * it, gets the refusal instead of a reset connection. Bounded: bodies above the upload limit
     * were refused (413) before any handler ran, and the connection's idle timeout stops a
     * client that sends slowly.
     */
    private static void drainUnreadBody(Context ctx) {
        try {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException ignored) {
            // Already read as a form or as parts, or the client went away: nothing to drain.
        }
    }

    static boolean wantsJson(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private static void problem(Context ctx, StaffAuth auth, HttpProblem e) {
        if (e.status() != 413) {
            drainUnreadBody(ctx);
        }
        ctx.status(e.status());
        if (e.status() == 503 || e.status() == 429) {
            ctx.header("Retry-After", String.valueOf(e.status() == 503
                    ? ReadGate.RETRY_AFTER_SECONDS : 60));
        }
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
                {}""",
                PageChrome.flash(Optional.empty(), Optional.of(e.getMessage()), e.details()),
                // A school has no home page here: its link is its way in.
                Html.when(!ctx.path().startsWith("/s/"),
                        Html.raw("<p><a href=\"/\">回到首页</a></p>")));
        ctx.contentType("text/html; charset=utf-8")
                .result(PageChrome.page("无法完成操作", session, body));
    }
}

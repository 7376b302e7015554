package org.huizong.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.huizong.server.store.AccountStore.Session;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;

/**
 * Every route of the server, each declared once with what it needs: a {@link Route} (method,
 * path, {@link Guard}, {@link Csrf}) and its {@link Endpoint}. The registry resolves what the
 * guard names before the handler runs (the staff session, the collection of {@code {id}}, the
 * school of a link secret), checks CSRF for every state-changing request in a before-handler,
 * and sends the handler's {@link Reply}.
 */
public final class Routes {
    private static final String SCHOOL_ATTR = "hz.school";
    private final StaffAuth auth;
    private final CollectionStore collections;
    private final ReadGate gate;
    private final Map<Route, Function<Context, Reply>> routes = new LinkedHashMap<>();

    public Routes(StaffAuth auth, CollectionStore collections, ReadGate gate) {
        this.auth = auth;
        this.collections = collections;
        this.gate = gate;
    }

    /** A page or file anyone may GET. */
    public void anyone(String path, Endpoint<Context> endpoint) {
        add(new Route(HandlerType.GET, path, Guard.ANYONE, Csrf.SAFE_METHOD), endpoint::handle);
    }

    /** A request anyone may send; if it changes state, {@code csrf} says how it is checked. */
    public void anyone(HandlerType method, String path, Csrf csrf, Endpoint<Context> endpoint) {
        add(new Route(method, path, Guard.ANYONE, csrf), endpoint::handle);
    }

    /** A staff route ({@link Guard#STAFF}, {@link Guard#REVIEWER} or {@link Guard#ADMIN}). */
    public void staff(HandlerType method, String path, Guard guard,
            Endpoint<StaffRequest> endpoint) {
        if (guard != Guard.STAFF && guard != Guard.REVIEWER && guard != Guard.ADMIN) {
            throw new IllegalArgumentException(path + ": staff route with guard " + guard);
        }
        add(new Route(method, path, guard, Route.csrfOf(method, guard)),
                ctx -> staffRequest(ctx, guard).map(endpoint::handle)
                        .orElseGet(() -> Reply.redirect("/login")));
    }

    /** A county staff route about the collection its {@code {id}} path segment names. */
    public void collection(HandlerType method, String path, Endpoint.OfCollection endpoint) {
        collection(method, path, Guard.STAFF, endpoint);
    }

    /**
     * A staff route about the collection its {@code {id}} path segment names (404 if none);
     * with {@link Guard#REVIEWER} the handler limits itself to the reviewer's schools.
     */
    public void collection(HandlerType method, String path, Guard guard,
            Endpoint.OfCollection endpoint) {
        if (!path.startsWith("/collections/{id}")) {
            throw new IllegalArgumentException(path + " does not start with /collections/{id}");
        }
        staff(method, path, guard, r -> endpoint.handle(r, collection(r.ctx())));
    }

    /** A county staff route about one school of a collection. */
    public void collectionSchool(HandlerType method, String path, Endpoint.OfSchool endpoint) {
        collectionSchool(method, path, Guard.STAFF, endpoint);
    }

    /**
     * A staff route about the school with code {@code {code}} on the roster of collection
     * {@code {id}} (404 if either is unknown). With {@link Guard#REVIEWER}, a reviewer whose
     * townships do not include the school's is refused (403) before the handler runs.
     */
    public void collectionSchool(HandlerType method, String path, Guard guard,
            Endpoint.OfSchool endpoint) {
        if (!path.startsWith("/collections/{id}/schools/{code}")) {
            throw new IllegalArgumentException(path
                    + " does not start with /collections/{id}/schools/{code}");
        }
        collection(method, path, guard, (r, c) -> {
            String code = r.ctx().pathParam("code");
            SchoolRow school = collections.findSchool(c.id(), code)
                    .orElseThrow(() -> HttpProblem.notFound("学校 " + code));
            if (!r.session().user().sees(school.township())) {
                throw new HttpProblem(403, "无权查看该学校：它不在您负责审核的学区（乡镇）");
            }
            return endpoint.handle(r, c, school);
        });
    }

    /** A school page reached through the link secret in its {@code {secret}} path segment. */
    public void school(HandlerType method, String path, Endpoint<SchoolRequest> endpoint) {
        if (!path.startsWith("/s/{secret}")) {
            throw new IllegalArgumentException(path + " does not start with /s/{secret}");
        }
        add(new Route(method, path, Guard.SCHOOL_LINK, Route.csrfOf(method, Guard.SCHOOL_LINK)),
                ctx -> endpoint.handle(schoolLink(ctx)));
    }

    /** A JSON API call, with the school of its secret header ({@link Guard#SCHOOL_KEY}...). */
    public void api(HandlerType method, String path, Guard guard, Csrf csrf,
            Endpoint<ApiRequest> endpoint) {
        if (guard != Guard.SCHOOL_KEY && guard != Guard.SCHOOL_KEY_IF_GIVEN) {
            throw new IllegalArgumentException(path + ": API route with guard " + guard);
        }
        add(new Route(method, path, guard, csrf),
                ctx -> endpoint.handle(new ApiRequest(ctx, keyed(ctx, guard))));
    }

    private void add(Route route, Function<Context, Reply> handler) {
        if (routes.keySet().stream().anyMatch(r -> r.method() == route.method()
                && r.path().equals(route.path()))) {
            throw new IllegalArgumentException(route + " is declared twice");
        }
        routes.put(route, handler);
    }

    /** Every declared route, in declaration order. */
    public List<Route> declared() {
        return List.copyOf(routes.keySet());
    }

    /** Registers the CSRF before-handler and every route on the Javalin app. */
    void applyTo(RoutesConfig config) {
        config.beforeMatched(this::checkCsrf);
        routes.forEach((route, handler) -> config.addHttpHandler(route.method(), route.path(),
                ctx -> send(ctx, handler.apply(ctx)), route));
    }

    /**
     * The before-handler: a state-changing request passes only with the check its route
     * declares. A route outside this registry (none should exist) is refused, never let through.
     */
    private void checkCsrf(Context ctx) {
        if (!Route.changesState(ctx.method())) {
            return;
        }
        Route route = ctx.routeRoles().stream().filter(Route.class::isInstance)
                .map(Route.class::cast).findFirst().orElseThrow(StaffAuth::csrfRefused);
        switch (route.csrf()) {
            case SESSION_TOKEN -> auth.checkSessionCsrf(ctx, signedIn(ctx));
            case SCHOOL_TOKEN -> auth.checkSchoolCsrf(ctx, schoolLink(ctx).secret());
            case LOGIN_COOKIE -> auth.checkLoginToken(ctx);
            case EXEMPT_SECRET_HEADER -> {
                // Declared exemption: see Csrf.EXEMPT_SECRET_HEADER.
            }
            case SAFE_METHOD -> throw new IllegalStateException(route + " changes state");
        }
    }

    private Session signedIn(Context ctx) {
        return auth.session(ctx).orElseThrow(() -> new HttpProblem(401, "登录已过期，请重新登录"));
    }

    /** The staff request, or empty for a GET without a session (sent to the login page). */
    private Optional<StaffRequest> staffRequest(Context ctx, Guard guard) {
        Optional<Session> s = auth.session(ctx);
        if (s.isEmpty() && ctx.method() == HandlerType.GET) {
            return Optional.empty();
        }
        Session session = s.orElseGet(() -> signedIn(ctx));
        if (guard == Guard.ADMIN && !session.user().admin()) {
            throw new HttpProblem(403, "只有管理员可以管理账号");
        }
        if (guard == Guard.STAFF && session.user().scoped()) {
            throw new HttpProblem(403, "审核员只能查看和审核所负责学区（乡镇）的学校；此页面由县教育局使用");
        }
        return Optional.of(new StaffRequest(ctx, session));
    }

    private CollectionRow collection(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            long n = Long.parseLong(id);
            return collections.find(n).orElseThrow(() -> HttpProblem.notFound("报表任务 " + n));
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("编号 " + id);
        }
    }

    /** The link's school, or 404 for an unknown or revoked secret (the same answer for both). */
    private SchoolRequest schoolLink(Context ctx) {
        SchoolRequest cached = ctx.attribute(SCHOOL_ATTR);
        if (cached != null) {
            return cached;
        }
        String secret = ctx.pathParam("secret");
        SchoolRow school = collections.schoolBySecret(secret).orElseThrow(() -> new HttpProblem(
                404, "链接无效或已作废，请向教育局索取新的上传链接"));
        SchoolRequest r = new SchoolRequest(ctx, secret, school,
                collections.find(school.collectionId()).orElseThrow());
        ctx.attribute(SCHOOL_ATTR, r);
        return r;
    }

    private Optional<SchoolRequest> keyed(Context ctx, Guard guard) {
        String secret = ctx.header(ApiRequest.SECRET_HEADER);
        if (secret == null || secret.isBlank()) {
            if (guard == Guard.SCHOOL_KEY_IF_GIVEN) {
                gate.countAnonymous(ctx.ip(), System.currentTimeMillis());
                return Optional.empty();
            }
            throw new HttpProblem(401, "缺少学校密钥（请求头 " + ApiRequest.SECRET_HEADER + "）");
        }
        SchoolRow school = collections.schoolBySecret(secret.strip()).orElseThrow(
                () -> new HttpProblem(401, "学校密钥无效或已作废，请向教育局索取新的上传链接"));
        return Optional.of(new SchoolRequest(ctx, secret.strip(), school,
                collections.find(school.collectionId()).orElseThrow()));
    }

    /** Sends a reply; the only place that writes a handler's answer to the response. */
    static void send(Context ctx, Reply reply) {
        if (reply instanceof Reply.Page p) {
            if (p.status() == 503) {
                ctx.header("Retry-After", String.valueOf(ReadGate.RETRY_AFTER_SECONDS));
            }
            ctx.status(p.status()).contentType("text/html; charset=utf-8").result(p.html());
        } else if (reply instanceof Reply.Redirect r) {
            ctx.status(HttpStatus.SEE_OTHER).header("Location", r.location()).result("");
        } else if (reply instanceof Reply.Download d) {
            String ascii = d.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
            ctx.contentType(d.contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + ascii
                            + "\"; filename*=UTF-8''" + URLEncoder.encode(d.fileName(),
                            StandardCharsets.UTF_8).replace("+", "%20"))
                    .result(d.bytes());
        } else if (reply instanceof Reply.JsonBody j) {
            ctx.status(j.status()).contentType("application/json; charset=utf-8")
                    .result(Json.write(j.body()));
        } else if (reply instanceof Reply.Content c) {
            c.cacheControl().ifPresent(v -> ctx.header("Cache-Control", v));
            ctx.contentType(c.contentType()).result(c.bytes());
        } else {
            throw new IllegalStateException("unknown reply " + reply);
        }
    }
}

package org.huizong.server.school;

import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.server.store.SchoolAccessStore;
import org.huizong.server.store.SchoolAccessStore.Place;
import org.huizong.server.store.SchoolAccessStore.SignIn;
import org.huizong.server.web.ApiRequest;
import org.huizong.server.web.Csrf;
import org.huizong.server.web.Forms;
import org.huizong.server.web.Guard;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffAuth;

/**
 * A school signs in with its 学校标识码 and access code ({@code /school}, the address on the
 * printed slips; {@code ?code=} fills in the school code) and lands on its page in the newest
 * collection whose roster has it, or chooses when several collections are open. The add-in
 * exchanges the same pair for a session secret ({@code POST /api/v1/session}).
 *
 * <p>The form posts to {@code /login/school} so that the sign-in form's double-submit cookie
 * (path {@code /login}) covers it.
 */
final class SchoolSignIn implements RouteGroup {
    static final String PAGE = "/school";
    private static final String REFUSED = "学校标识码或访问码不正确，请核对教育局发放的访问码通知单";
    private final StaffAuth auth;
    private final SchoolAccessStore access;

    SchoolSignIn(StaffAuth auth, SchoolAccessStore access) {
        this.auth = auth;
        this.access = access;
    }

    @Override
    public void register(Routes r) {
        r.anyone(PAGE, ctx -> form(ctx, Optional.ofNullable(ctx.queryParam("code")).orElse(""),
                Optional.empty()));
        r.anyone(POST, "/login/school", Csrf.LOGIN_COOKIE, this::signIn);
        r.api(POST, "/api/v1/session", Guard.SCHOOL_KEY_IF_GIVEN, Csrf.EXEMPT_SECRET_HEADER,
                this::session);
    }

    private Reply.Page form(Context ctx, String schoolCode, Optional<String> error) {
        String token = auth.loginToken(ctx);
        Html body = Html.of("""
                <div class="card narrow">
                <h1>学校登录</h1>
                {}
                <form method="post" action="/login/school">
                  <input type="hidden" name="_csrf" value="{}">
                  <label for="school">学校标识码（10 位数字）</label>
                  <input type="text" id="school" name="school" value="{}" inputmode="numeric"
                         autocomplete="username" required>
                  <label for="code">访问码（8 位，见教育局发放的通知单）</label>
                  <input type="text" id="code" name="code" autocomplete="off"
                         autocapitalize="characters" spellcheck="false" required>
                  <div class="actions"><button type="submit">进入本校报表</button></div>
                </form>
                <p class="muted">访问码不区分大小写，没有数字 0、1 和字母 O、I、L。
                访问码长期有效，丢失或泄露时请联系教育局重置。</p>
                </div>""", PageChrome.flash(Optional.empty(), error, List.of()), token,
                schoolCode.strip());
        return Reply.page(PageChrome.page("学校登录", Optional.empty(), body));
    }

    private Reply signIn(Context ctx) {
        String school = Forms.field(ctx, "school").strip();
        SignIn result = access.signIn(school, Forms.field(ctx, "code"), ctx.ip());
        if (result instanceof SignIn.Locked locked) {
            throw new HttpProblem(429, locked.reason());
        }
        if (!(result instanceof SignIn.Accepted accepted)) {
            return form(ctx, school, Optional.of(REFUSED)).withStatus(401);
        }
        List<Place> open = accepted.places().stream().filter(p -> !p.closed()).toList();
        if (open.size() <= 1) {
            Place place = open.isEmpty() ? accepted.places().get(0) : open.get(0);
            return Reply.redirect("/s/" + access.openSession(place.school()));
        }
        Html items = Html.each(open, p -> Html.of(
                "<li><a class=\"button\" href=\"/s/{}\">{}</a></li>",
                access.openSession(p.school()), p.collectionTitle()));
        Html body = Html.of("""
                <div class="card narrow">
                <h1>{}</h1>
                <p>教育局目前有 {} 项报表正在收报，请选择要填报的一项：</p>
                <ul class="choices">{}</ul>
                </div>""", open.get(0).school().name(), open.size(), items);
        return Reply.page(PageChrome.page("选择报表", Optional.empty(), body));
    }

    /** The add-in's sign-in: a session secret for the newest open collection's school row. */
    private Reply session(ApiRequest r) {
        Context ctx = r.ctx();
        SignIn result = access.signIn(Forms.field(ctx, "school"), Forms.field(ctx, "code"),
                ctx.ip());
        if (result instanceof SignIn.Locked locked) {
            throw new HttpProblem(429, locked.reason());
        }
        if (!(result instanceof SignIn.Accepted accepted)) {
            throw new HttpProblem(401, REFUSED);
        }
        Place place = accepted.places().stream().filter(p -> !p.closed()).findFirst()
                .orElse(accepted.places().get(0));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("secret", access.openSession(place.school()));
        body.put("school", Map.of("code", place.school().code(), "name", place.school().name()));
        body.put("collection", place.collectionTitle());
        return new Reply.JsonBody(200, body);
    }
}

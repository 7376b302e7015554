package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.huizong.server.store.AccountStore;
import org.huizong.server.store.Audit;
import org.huizong.server.store.AuditEntry;
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
import org.huizong.server.web.StaffRequest;

/** Sign-in, sign-out, staff accounts and the audit log. */
final class AccountPages implements RouteGroup {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,32}");
    private final AccountStore accounts;
    private final StaffAuth auth;
    private final Audit audit;

    AccountPages(AccountStore accounts, StaffAuth auth, Audit audit) {
        this.accounts = accounts;
        this.auth = auth;
        this.audit = audit;
    }

    @Override
    public void register(Routes r) {
        r.anyone("/", ctx -> Reply.redirect(auth.session(ctx).isPresent() ? "/collections"
                : "/login"));
        r.anyone("/login", ctx -> loginPage(ctx, Optional.empty()));
        r.anyone(POST, "/login", Csrf.LOGIN_COOKIE, this::login);
        r.staff(POST, "/logout", Guard.STAFF, s -> {
            accounts.logout(s.ctx().cookie(StaffAuth.COOKIE), s.username());
            auth.clearSessionCookie(s.ctx());
            return Reply.redirect("/login");
        });
        r.staff(GET, "/users", Guard.ADMIN, this::usersPage);
        r.staff(POST, "/users", Guard.ADMIN, this::createUser);
        r.staff(GET, "/audit", Guard.STAFF, s -> auditPage(s, null));
        r.collection(GET, "/collections/{id}/audit", (s, c) -> auditPage(s, c.id()));
    }

    private Reply.Page loginPage(Context ctx, Optional<String> error) {
        String token = auth.loginToken(ctx);
        Html body = Html.of("""
                <div class="card narrow">
                <h1>教育局工作人员登录</h1>
                {}
                <form method="post" action="/login">
                  <input type="hidden" name="_csrf" value="{}">
                  <label for="username">用户名</label>
                  <input type="text" id="username" name="username" autocomplete="username" required>
                  <label for="password">密码</label>
                  <input type="password" id="password" name="password"
                         autocomplete="current-password" required>
                  <div class="actions"><button type="submit">登录</button></div>
                </form>
                <p class="muted">学校请使用教育局发放的专用上传链接，无需登录。</p>
                </div>""", PageChrome.flash(Optional.empty(), error, List.of()), token);
        return Reply.page(PageChrome.page("登录", Optional.empty(), body));
    }

    private Reply login(Context ctx) {
        String username = Forms.field(ctx, "username").strip();
        String password = Forms.field(ctx, "password");
        AccountStore.Login result = accounts.login(username, password, ctx.ip());
        if (result instanceof AccountStore.Login.Locked) {
            throw new HttpProblem(429, "该账号 " + AccountStore.LOCKOUT_WINDOW.toMinutes()
                    + " 分钟内密码错误已达 " + AccountStore.MAX_FAILURES + " 次，已暂时锁定，请稍后再试");
        }
        if (!(result instanceof AccountStore.Login.SignedIn signedIn)) {
            return loginPage(ctx, Optional.of("用户名或密码不正确")).withStatus(401);
        }
        auth.setSessionCookie(ctx, signedIn.token());
        return Reply.redirect("/collections");
    }

    private Reply usersPage(StaffRequest s) {
        Html rows = Html.each(accounts.users(), u -> Html.of(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", u.username(), u.displayName(),
                u.admin() ? "管理员" : "工作人员"));
        Html body = Html.of("""
                <h1>账号管理</h1>
                <table><tr><th>用户名</th><th>姓名</th><th>角色</th></tr>{}</table>
                <h2>新建账号</h2>
                <form class="card" method="post" action="/users">
                  {}
                  <label for="username">用户名（字母、数字）</label>
                  <input type="text" id="username" name="username" required>
                  <label for="display">姓名</label>
                  <input type="text" id="display" name="display" required>
                  <label for="password">初始密码（至少 10 位）</label>
                  <input type="password" id="password" name="password" required>
                  <label><input type="checkbox" name="admin" value="1"> 管理员</label>
                  <div class="actions"><button type="submit">创建</button></div>
                </form>""", rows, s.csrfField());
        return s.page("账号管理", body);
    }

    private Reply createUser(StaffRequest s) {
        String username = s.form("username").strip();
        String display = s.form("display").strip();
        String password = s.form("password");
        if (!USERNAME.matcher(username).matches()) {
            throw new HttpProblem(422, "用户名“" + username + "”应为 2 到 32 位字母、数字、点、横线或下划线");
        }
        if (password.length() < 10) {
            throw new HttpProblem(422, "密码至少 10 位");
        }
        if (accounts.usernameTaken(username)) {
            throw new HttpProblem(409, "用户名“" + username + "”已存在");
        }
        accounts.createUser(s.username(), username, display.isEmpty() ? username : display,
                password, "1".equals(s.form("admin")));
        return Reply.redirect("/users");
    }

    private Reply auditPage(StaffRequest s, Long collectionId) {
        List<AuditEntry> entries = audit.recent(collectionId, 500);
        Html rows = Html.each(entries, e -> Html.of(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                PageChrome.time(e.at()), AuditWords.actor(e.actor()),
                AuditWords.action(e.action()), e.detail()));
        Html body = Html.of("""
                <h1>操作日志{}</h1>
                <p class="muted">最近 500 条，最新在前。</p>
                <table><tr><th>时间</th><th>操作人</th><th>操作</th><th>内容</th></tr>{}</table>""",
                collectionId == null ? "" : "（任务 " + collectionId + "）", rows);
        return s.page("操作日志", body);
    }
}

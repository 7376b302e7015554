package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.huizong.server.store.AccountStore;
import org.huizong.server.store.Audit;
import org.huizong.server.store.AuditEntry;
import org.huizong.server.store.CollectionStore;
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
    private final CollectionStore collections;

    AccountPages(AccountStore accounts, StaffAuth auth, Audit audit,
            CollectionStore collections) {
        this.collections = collections;
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
        r.staff(POST, "/logout", Guard.REVIEWER, s -> {
            accounts.logout(s.ctx().cookie(StaffAuth.COOKIE), s.username());
            auth.clearSessionCookie(s.ctx());
            return Reply.redirect("/login");
        });
        r.staff(GET, "/users", Guard.ADMIN, this::usersPage);
        r.staff(POST, "/users", Guard.ADMIN, this::createUser);
        r.staff(POST, "/users/{uid}/reset", Guard.ADMIN, this::resetPassword);
        r.staff(POST, "/users/{uid}/disable", Guard.ADMIN, s -> setDisabled(s, true));
        r.staff(POST, "/users/{uid}/enable", Guard.ADMIN, s -> setDisabled(s, false));
        r.staff(POST, "/users/{uid}/townships", Guard.ADMIN, this::changeTownships);
        r.staff(GET, "/account", Guard.REVIEWER, s -> accountPage(s, Optional.empty(),
                Optional.empty()));
        r.staff(POST, "/account", Guard.REVIEWER, this::changePassword);
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
                <p class="muted">学校请到 <a href="/school">学校登录</a> 输入学校标识码和访问码，或使用教育局发放的专用上传链接。</p>
                </div>""", PageChrome.flash(Optional.empty(), error, List.of()), token);
        return Reply.page(PageChrome.page("登录", Optional.empty(), body));
    }

    private Reply login(Context ctx) {
        String username = Forms.field(ctx, "username").strip();
        String password = Forms.field(ctx, "password");
        AccountStore.Login result = accounts.login(username, password, ctx.ip());
        if (result instanceof AccountStore.Login.Locked locked) {
            throw new HttpProblem(429, locked.message());
        }
        if (result instanceof AccountStore.Login.Disabled) {
            return loginPage(ctx, Optional.of("该账号已被停用，请联系本单位的管理员")).withStatus(403);
        }
        if (!(result instanceof AccountStore.Login.SignedIn signedIn)) {
            return loginPage(ctx, Optional.of("用户名或密码不正确")).withStatus(401);
        }
        auth.setSessionCookie(ctx, signedIn.token());
        return Reply.redirect("/collections");
    }

    private Reply usersPage(StaffRequest s) {
        String created = s.ctx().queryParam("created");
        return usersPage(s, created == null ? Html.EMPTY
                : Html.of("<div class=\"flash ok\">已创建账号 {}</div>", created));
    }

    private Reply.Page usersPage(StaffRequest s, Html notice) {
        List<String> towns = collections.townships();
        Html rows = Html.each(accounts.accounts(), a -> Html.of("""
                <tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>""",
                a.user().username(), a.user().displayName(),
                role(a.user()),
                a.disabled() ? Html.raw("<span class=\"badge s-returned\">已停用</span>")
                        : Html.raw("正常"),
                a.lastSignIn().map(PageChrome::time).orElse("从未登录"), userActions(s, a, towns)));
        Html body = Html.of("""
                <h1>账号管理</h1>
                {}
                <div class="table-wrap"><table id="users"><tr><th>用户名</th><th>姓名</th>
                <th>角色</th><th>状态</th><th>最近登录</th><th>操作</th></tr>{}</table></div>
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
                  <fieldset id="reviewer-scope"><legend>{}</legend>{}</fieldset>
                  <div class="actions"><button type="submit">创建</button></div>
                </form>""", notice, rows, s.csrfField(), "审核员（学区、乡镇级）：勾选其负责的乡镇，"
                + "它只能查看和初审这些乡镇的学校，初审后由县教育局终审；不勾选则为县教育局账号",
                townshipChoices(towns, List.of()));
        return s.page("账号管理", body);
    }

    /** 管理员, 工作人员 (the county's), or 审核员 with its townships. */
    private static String role(AccountStore.User u) {
        return u.admin() ? "管理员" : u.scoped()
                ? "审核员（" + String.join("、", u.townships()) + "）" : "工作人员";
    }

    /** A checkbox for each of the rosters' {@code towns}, {@code checked} ticked. */
    private static Html townshipChoices(List<String> towns, List<String> checked) {
        if (towns.isEmpty()) {
            return Html.raw("<p class=\"muted\">还没有导入学校名单，导入后可在此选择乡镇。</p>");
        }
        return Html.each(towns, t -> Html.of(
                "<label class=\"inline-choice\"><input type=\"checkbox\" name=\"township\""
                        + " value=\"{}\"{}> {}</label>", t,
                Html.raw(checked.contains(t) ? " checked" : ""), t));
    }

    /**
     * Reset and disable or enable, for every account but the administrator's own; a reviewer's
     * townships can be changed in place.
     */
    private static Html userActions(StaffRequest s, AccountStore.Account a,
            List<String> towns) {
        if (a.user().id() == s.session().user().id()) {
            return Html.raw("<a href=\"/account\">修改我的密码</a>");
        }
        String base = "/users/" + a.user().id();
        return Html.of("""
                <form class="inline" method="post" action="{}/reset">{}
                  <button type="submit" class="secondary">重置密码</button></form>
                <form class="inline" method="post" action="{}/{}">{}
                  <button type="submit" class="{}">{}</button></form>{}""",
                base, s.csrfField(), base, a.disabled() ? "enable" : "disable", s.csrfField(),
                a.disabled() ? "secondary" : "danger", a.disabled() ? "启用" : "停用",
                !a.user().scoped() ? Html.EMPTY : Html.of("""
                <details class="scope"><summary>修改负责的乡镇</summary>
                <form method="post" action="{}/townships">{}{}
                  <button type="submit" class="secondary">保存</button></form></details>""",
                base, s.csrfField(), townshipChoices(towns, a.user().townships())));
    }

    private Reply changeTownships(StaffRequest s) {
        AccountStore.Account a = target(s);
        List<String> towns = townships(s);
        Optional<String> wrong = !a.user().scoped()
                ? Optional.of("只有审核员有负责的乡镇；县教育局的账号看全县")
                : towns.isEmpty()
                ? Optional.of("请至少勾选一个乡镇；不再需要该审核员时，请停用其账号")
                : unknownTownship(towns);
        if (wrong.isPresent()) {
            return usersPage(s, PageChrome.flash(Optional.empty(), wrong, List.of()))
                    .withStatus(422);
        }
        accounts.setTownships(s.username(), a.user().id(), towns);
        return usersPage(s, Html.of("<div class=\"flash ok\">已修改 {} 负责的乡镇：{}</div>",
                a.user().username(), String.join("、", new TreeSet<>(towns))));
    }

    /** Why {@code towns} cannot be a reviewer's: one that no roster has. */
    private Optional<String> unknownTownship(List<String> towns) {
        List<String> known = collections.townships();
        return towns.stream().filter(t -> !known.contains(t)).findFirst()
                .map(t -> "名单中没有乡镇“" + t + "”");
    }

    private static List<String> townships(StaffRequest s) {
        return s.ctx().formParams("township").stream().map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
    }

    private AccountStore.Account target(StaffRequest s) {
        String raw = s.ctx().pathParam("uid");
        Optional<AccountStore.Account> a = raw.matches("[0-9]{1,18}")
                ? accounts.account(Long.parseLong(raw)) : Optional.empty();
        if (a.isEmpty()) {
            throw HttpProblem.notFound("这个账号，请刷新账号管理页面");
        }
        if (a.get().user().id() == s.session().user().id()) {
            throw new HttpProblem(409, "不能停用或重置自己的账号；修改自己的密码请用“修改密码”");
        }
        return a.get();
    }

    private Reply resetPassword(StaffRequest s) {
        AccountStore.Account a = target(s);
        String password = accounts.resetPassword(s.username(), a.user().id());
        return usersPage(s, Html.of("""
                <div class="flash ok" id="temporary-password">已重置 {}（{}）的密码。
                临时密码：<strong class="secret">{}</strong><br>
                此密码只显示这一次，请当面或电话告知本人，并请其登录后立即修改。</div>""",
                a.user().displayName(), a.user().username(), password));
    }

    private Reply setDisabled(StaffRequest s, boolean disabled) {
        AccountStore.Account a = target(s);
        accounts.setDisabled(s.username(), a.user().id(), disabled);
        return usersPage(s, Html.of("<div class=\"flash ok\">{}</div>", disabled
                ? "已停用 " + a.user().username() + "：该账号已退出登录，且不能再登录"
                : "已启用 " + a.user().username() + "：该账号可以重新登录"));
    }

    private Reply.Page accountPage(StaffRequest s, Optional<String> ok, Optional<String> error) {
        Html body = Html.of("""
                <div class="card narrow">
                <h1>修改密码</h1>
                {}
                <form method="post" action="/account">
                  {}
                  <label for="old">当前密码</label>
                  <input type="password" id="old" name="old" autocomplete="current-password"
                         required>
                  <label for="new">新密码（至少 10 位）</label>
                  <input type="password" id="new" name="new" autocomplete="new-password"
                         minlength="10" required>
                  <label for="again">再次输入新密码</label>
                  <input type="password" id="again" name="again" autocomplete="new-password"
                         minlength="10" required>
                  <div class="actions"><button type="submit" id="change">修改密码</button></div>
                </form>
                <p class="muted">修改后，您在其他电脑或浏览器上的登录会自动退出。</p>
                </div>""", PageChrome.flash(ok, error, List.of()), s.csrfField());
        return s.page("修改密码", body);
    }

    private Reply changePassword(StaffRequest s) {
        String old = s.form("old");
        String fresh = s.form("new");
        if (fresh.length() < 10) {
            return accountPage(s, Optional.empty(), Optional.of("新密码至少 10 位"))
                    .withStatus(422);
        }
        if (!fresh.equals(s.form("again"))) {
            return accountPage(s, Optional.empty(), Optional.of("两次输入的新密码不一致"))
                    .withStatus(422);
        }
        if (!accounts.changePassword(s.session().user(), old, fresh,
                s.ctx().cookie(StaffAuth.COOKIE))) {
            return accountPage(s, Optional.empty(), Optional.of("当前密码不正确，密码未修改"))
                    .withStatus(422);
        }
        return accountPage(s, Optional.of("密码已修改。下次登录请使用新密码。"), Optional.empty());
    }

    private Reply createUser(StaffRequest s) {
        String username = s.form("username").strip();
        String display = s.form("display").strip();
        String password = s.form("password");
        List<String> towns = townships(s);
        boolean admin = "1".equals(s.form("admin"));
        Optional<String> wrong = !USERNAME.matcher(username).matches()
                ? Optional.of("用户名“" + username + "”应为 2 到 32 位字母、数字、点、横线或下划线")
                : password.length() < 10 ? Optional.of("初始密码至少 10 位")
                : accounts.usernameTaken(username)
                ? Optional.of("用户名“" + username + "”已存在")
                : admin && !towns.isEmpty()
                ? Optional.of("管理员看全县，不能限定乡镇；审核员请不要勾选管理员")
                : unknownTownship(towns);
        if (wrong.isPresent()) {
            // Shown above the form, on the same page: the clerk corrects and sends again.
            return usersPage(s, PageChrome.flash(Optional.empty(), wrong, List.of()))
                    .withStatus(422);
        }
        String name = display.isEmpty() ? username : display;
        if (towns.isEmpty()) {
            accounts.createUser(s.username(), username, name, password, admin);
        } else {
            accounts.createReviewer(s.username(), username, name, password, towns);
        }
        return Reply.redirect("/users?created=" + username);
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

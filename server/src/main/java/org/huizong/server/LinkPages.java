package org.huizong.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.huizong.server.AccountStore.Session;
import org.huizong.server.CollectionStore.CollectionRow;
import org.huizong.server.CollectionStore.IssuedLink;
import org.huizong.server.CollectionStore.LinkState;
import org.huizong.server.CollectionStore.SchoolRow;

/**
 * Schools' upload links: the list with each link's state, issuing (all, missing, or one school's,
 * which revokes the old link) and revoking. A new link's secret is shown once, on a printable
 * page, since only its hash is kept.
 */
final class LinkPages implements Routes {
    private final StaffAuth auth;
    private final CollectionStore collections;
    private final CollectionPages collectionPages;
    private final PublicAddress address;

    LinkPages(StaffAuth auth, CollectionStore collections, CollectionPages collectionPages,
            PublicAddress address) {
        this.auth = auth;
        this.address = address;
        this.collections = collections;
        this.collectionPages = collectionPages;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/collections/{id}/links", this::list);
        r.post("/collections/{id}/links/issue", this::issueAll);
        r.post("/collections/{id}/schools/{code}/link/reissue", this::reissue);
        r.post("/collections/{id}/schools/{code}/link/revoke", this::revoke);
    }

    private SchoolRow school(Context ctx, CollectionRow c) {
        String code = ctx.pathParam("code");
        return collections.findSchool(c.id(), code)
                .orElseThrow(() -> HttpProblem.notFound("学校 " + code));
    }

    private void list(Context ctx) {
        Session s = auth.require(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        List<LinkState> states = collections.linkStates(c.id());
        Html rows = Html.each(states, st -> Html.of("""
                <tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="noprint">
                <form class="inline" method="post" action="/collections/{}/schools/{}/link/reissue">
                {}<button class="secondary" type="submit">重新生成</button></form>
                <form class="inline" method="post" action="/collections/{}/schools/{}/link/revoke"
                      data-confirm="作废后该校旧链接立即失效，确定吗？">
                {}<button class="danger" type="submit">作废</button></form></td></tr>""",
                st.school().code(), st.school().name(), st.activeSince() == null ? "无有效链接"
                        : "有效，生成于 " + Layout.time(st.activeSince()),
                st.revokedCount() == 0 ? "" : "已作废 " + st.revokedCount() + " 个",
                c.id(), st.school().code(), Layout.csrf(s.csrfToken()),
                c.id(), st.school().code(), Layout.csrf(s.csrfToken())));
        Html body = Html.of("""
                <h1>学校上传链接 · {}</h1>
                <p class="muted">链接里含有随机密钥，系统只保存其摘要，因此链接只在生成时显示一次：
                请当场打印或保存。重新生成会使该校旧链接失效。</p>
                <div class="actions">
                <form class="inline" method="post" action="/collections/{}/links/issue">
                  {}<input type="hidden" name="scope" value="missing">
                  <button type="submit" id="issue-missing">为尚无链接的学校生成</button></form>
                <form class="inline" method="post" action="/collections/{}/links/issue"
                      data-confirm="将作废所有学校的旧链接并重新生成，确定吗？">
                  {}<input type="hidden" name="scope" value="all">
                  <button type="submit" class="secondary">全部重新生成</button></form>
                </div>
                <table><tr><th>标识码</th><th>学校</th><th>链接</th><th>历史</th>
                <th class="noprint">操作</th></tr>{}</table>""",
                c.title(), c.id(), Layout.csrf(s.csrfToken()), c.id(),
                Layout.csrf(s.csrfToken()), rows);
        Web.html(ctx, Layout.page("学校上传链接", Optional.of(s), body));
    }

    private void issueAll(Context ctx) {
        Session s = auth.requirePost(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        boolean all = "all".equals(ctx.formParam("scope"));
        List<SchoolRow> targets = all ? collections.schools(c.id())
                : collections.linkStates(c.id()).stream().filter(l -> l.activeSince() == null)
                        .map(LinkState::school).toList();
        if (targets.isEmpty()) {
            throw new HttpProblem(409, all ? "本任务还没有学校，请先导入名单"
                    : "每所学校都已有有效链接；如需更换，请在列表中“重新生成”");
        }
        printable(ctx, s, c, collections.issueLinks(s.user().username(), c.id(), targets));
    }

    private void reissue(Context ctx) {
        Session s = auth.requirePost(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        SchoolRow school = school(ctx, c);
        printable(ctx, s, c, collections.issueLinks(s.user().username(), c.id(), List.of(school)));
    }

    private void revoke(Context ctx) {
        Session s = auth.requirePost(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        collections.revokeLink(s.user().username(), school(ctx, c));
        throw new Redirect("/collections/" + c.id() + "/links");
    }

    private void printable(Context ctx, Session s, CollectionRow c,
            List<IssuedLink> links) {
        String base = address.of(ctx);
        Html rows = Html.each(links, l -> Html.of("""
                <tr><td>{}</td><td>{}</td><td>{}</td>
                <td class="secret"><a class="school-link" data-code="{}" href="{}">{}</a>
                </td></tr>""",
                l.school().code(), l.school().name(), l.school().township(), l.school().code(),
                base + "/s/" + l.secret(), base + "/s/" + l.secret()));
        Html body = Html.of("""
                <h1>{} · 学校上传链接</h1>
                <div class="flash ok noprint">已生成 {} 个链接。链接只显示这一次，请现在打印或保存；
                每校只能用自己的链接查看和上传本校报表。</div>
                <div class="actions noprint"><button type="button" data-print>打印</button>
                <a class="button secondary" href="/collections/{}/links">返回链接列表</a></div>
                <table id="links"><tr><th>标识码</th><th>学校</th><th>乡镇</th><th>上传链接</th></tr>
                {}</table>
                <p class="muted">截止日期 {}。学校用浏览器打开链接，下载模板、上传填好的报表即可。</p>""",
                c.title(), links.size(), c.id(), rows, c.deadline());
        Web.html(ctx, Layout.page("学校上传链接", Optional.of(s), body));
    }
}

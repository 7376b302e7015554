package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.util.List;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.IssuedLink;
import org.huizong.server.store.CollectionStore.LinkState;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.PublicAddress;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/**
 * Schools' upload links: the list with each link's state, issuing (all, missing, or one school's,
 * which revokes the old link) and revoking. A new link's secret is shown once, on a printable
 * page, since only its hash is kept.
 */
final class LinkPages implements RouteGroup {
    private final CollectionStore collections;
    private final PublicAddress address;

    LinkPages(CollectionStore collections, PublicAddress address) {
        this.address = address;
        this.collections = collections;
    }

    @Override
    public void register(Routes r) {
        r.collection(GET, "/collections/{id}/links", this::list);
        r.collection(POST, "/collections/{id}/links/issue", this::issueAll);
        r.collectionSchool(POST, "/collections/{id}/schools/{code}/link/reissue",
                (s, c, school) -> printable(s, c, collections.issueLinks(s.username(), c.id(),
                        List.of(school))));
        r.collectionSchool(POST, "/collections/{id}/schools/{code}/link/revoke",
                (s, c, school) -> {
                    collections.revokeLink(s.username(), school);
                    return Reply.redirect("/collections/" + c.id() + "/links");
                });
    }

    private Reply list(StaffRequest s, CollectionRow c) {
        List<LinkState> states = collections.linkStates(c.id());
        Html rows = Html.each(states, st -> Html.of("""
                <tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="noprint">
                <form class="inline" method="post" action="/collections/{}/schools/{}/link/reissue">
                {}<button class="secondary" type="submit">重新生成</button></form>
                <form class="inline" method="post" action="/collections/{}/schools/{}/link/revoke"
                      data-confirm="作废后该校旧链接立即失效，确定吗？">
                {}<button class="danger" type="submit">作废</button></form></td></tr>""",
                st.school().code(), st.school().name(), st.activeSince() == null ? "无有效链接"
                        : "有效，生成于 " + PageChrome.time(st.activeSince()),
                st.revokedCount() == 0 ? "" : "已作废 " + st.revokedCount() + " 个",
                c.id(), st.school().code(), s.csrfField(),
                c.id(), st.school().code(), s.csrfField()));
        Html body = Html.of("""
                <h1>学校上传链接 · {}</h1>
                <p class="muted">链接里含有随机密钥，系统只保存其摘要，因此链接只在生成时显示一次：
                请当场打印或保存。重新生成会使该校旧链接失效。
                长期有效、便于打印的登录方式见<a href="/collections/{}/access">学校访问码</a>。</p>
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
                c.title(), c.id(), c.id(), s.csrfField(), c.id(), s.csrfField(), rows);
        return s.page("学校上传链接", body);
    }

    private Reply issueAll(StaffRequest s, CollectionRow c) {
        boolean all = "all".equals(s.form("scope"));
        List<SchoolRow> targets = all ? collections.schools(c.id())
                : collections.linkStates(c.id()).stream().filter(l -> l.activeSince() == null)
                        .map(LinkState::school).toList();
        if (targets.isEmpty()) {
            throw new HttpProblem(409, all ? "本任务还没有学校，请先导入名单"
                    : "每所学校都已有有效链接；如需更换，请在列表中“重新生成”");
        }
        return printable(s, c, collections.issueLinks(s.username(), c.id(), targets));
    }

    private Reply printable(StaffRequest s, CollectionRow c, List<IssuedLink> links) {
        String base = address.of(s.ctx());
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
        return s.page("学校上传链接", body);
    }
}

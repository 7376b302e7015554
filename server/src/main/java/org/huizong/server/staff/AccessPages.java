package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.SchoolAccessStore;
import org.huizong.server.store.SchoolAccessStore.IssuedCode;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.PublicAddress;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/**
 * Schools' access codes, listed for a collection's roster: issue them (to schools without one,
 * or to all), reset or revoke one school's. Issuing answers with the slips PDF, the only place a
 * new code ever appears, since only its hash is kept. A code belongs to the school code, not to
 * the collection, so it keeps working in the next collection.
 */
final class AccessPages implements RouteGroup {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final CollectionStore collections;
    private final SchoolAccessStore access;
    private final BureauStore bureau;
    private final PublicAddress address;
    private final Clock clock;

    AccessPages(CollectionStore collections, SchoolAccessStore access, BureauStore bureau,
            PublicAddress address, Clock clock) {
        this.collections = collections;
        this.access = access;
        this.bureau = bureau;
        this.address = address;
        this.clock = clock;
    }

    @Override
    public void register(Routes r) {
        r.collection(GET, "/collections/{id}/access", this::list);
        r.collection(POST, "/collections/{id}/access/issue", this::issueAll);
        r.collectionSchool(POST, "/collections/{id}/schools/{code}/access/reset",
                (s, c, school) -> slips(s, List.of(school)));
        r.collectionSchool(POST, "/collections/{id}/schools/{code}/access/revoke",
                (s, c, school) -> {
                    access.revoke(s.username(), school.code());
                    return Reply.redirect("/collections/" + c.id() + "/access");
                });
    }

    private Reply list(StaffRequest s, CollectionRow c) {
        Map<String, Long> issued = access.issuedAt();
        Html rows = Html.each(collections.schools(c.id()), school -> Html.of("""
                <tr><td>{}</td><td>{}</td><td>{}</td><td class="noprint">
                <form class="inline" method="post"
                      action="/collections/{}/schools/{}/access/reset"
                      data-confirm="重置后该校旧访问码立即失效，确定吗？">
                {}<button class="secondary" type="submit">重置并下载通知单</button></form>
                {}</td></tr>""",
                school.code(), school.name(), issued.containsKey(school.code())
                        ? "有效，发放于 " + PageChrome.time(issued.get(school.code())) : "未发放",
                c.id(), school.code(), s.csrfField(),
                Html.when(issued.containsKey(school.code()), Html.of("""
                        <form class="inline" method="post"
                              action="/collections/{}/schools/{}/access/revoke"
                              data-confirm="作废后该校不能再用访问码登录，确定吗？">
                        {}<button class="danger" type="submit">作废</button></form>""",
                        c.id(), school.code(), s.csrfField()))));
        Html body = Html.of("""
                <h1>学校访问码 · {}</h1>
                <p class="muted">学校在 <strong>{}/school</strong> 用学校标识码和 8 位访问码登录，
                进入本校在最新一期报表中的页面；访问码长期有效，下一期报表照样使用，直到重置或作废。
                系统只保存访问码的摘要：生成时直接下载通知单 PDF（每校一页，含登录地址和二维码），
                访问码只出现在这份文件里，请妥善保存并打印发给各校。</p>
                <div class="actions">
                <form class="inline" method="post" action="/collections/{}/access/issue">
                  {}<input type="hidden" name="scope" value="missing">
                  <button type="submit" id="issue-codes">为尚无访问码的学校生成通知单</button></form>
                <form class="inline" method="post" action="/collections/{}/access/issue"
                      data-confirm="将作废所有学校的旧访问码并重新生成，确定吗？">
                  {}<input type="hidden" name="scope" value="all">
                  <button type="submit" class="secondary">全部重新生成</button></form>
                </div>
                <table><tr><th>标识码</th><th>学校</th><th>访问码</th>
                <th class="noprint">操作</th></tr>{}</table>""",
                c.title(), address.of(s.ctx()), c.id(), s.csrfField(), c.id(), s.csrfField(),
                rows);
        return s.page("学校访问码", body);
    }

    private Reply issueAll(StaffRequest s, CollectionRow c) {
        boolean all = "all".equals(s.form("scope"));
        Map<String, Long> issued = access.issuedAt();
        List<SchoolRow> targets = collections.schools(c.id()).stream()
                .filter(school -> all || !issued.containsKey(school.code())).toList();
        if (targets.isEmpty()) {
            throw new HttpProblem(409, all ? "本任务还没有学校，请先导入名单"
                    : "每所学校都已有访问码；如需更换，请在列表中“重置”");
        }
        return slips(s, targets);
    }

    private Reply slips(StaffRequest s, List<SchoolRow> schools) {
        List<IssuedCode> codes = access.issue(s.username(),
                schools.stream().map(SchoolRow::code).toList());
        List<AccessSlips.Slip> slips = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            SchoolRow school = schools.get(i);
            slips.add(new AccessSlips.Slip(school.code(), school.name(),
                    school.township() == null ? "" : school.township(),
                    codes.get(i).accessCode()));
        }
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        String issuedOn = today.getYear() + "年" + today.getMonthValue() + "月"
                + today.getDayOfMonth() + "日";
        byte[] pdf = AccessSlips.pdf(slips, address.of(s.ctx()),
                bureau.get().map(BureauStore.Bureau::name).orElse(""), issuedOn);
        String name = schools.size() == 1 ? "访问码通知单-" + schools.get(0).code() + ".pdf"
                : "访问码通知单-" + schools.size() + "所学校.pdf";
        return new Reply.Download(name, "application/pdf", pdf);
    }
}

package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.util.List;
import java.util.Optional;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.ReturnView;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/** A school's return as the bureau sees it: versions, findings, values; approve or send back. */
final class ReviewPages implements RouteGroup {
    private final ReturnStore returns;
    private final Submissions submissions;
    private final EngineFacade engine;

    ReviewPages(ReturnStore returns, Submissions submissions, EngineFacade engine) {
        this.returns = returns;
        this.submissions = submissions;
        this.engine = engine;
    }

    @Override
    public void register(Routes r) {
        r.collectionSchool(GET, "/collections/{id}/schools/{code}", this::detail);
        r.collectionSchool(POST, "/collections/{id}/schools/{code}/review", this::review);
        r.collectionSchool(GET, "/collections/{id}/schools/{code}/versions/{no}/file",
                (s, c, school) -> submissions.storedFile(school, s.ctx().pathParam("no")));
    }

    private Reply detail(StaffRequest s, CollectionRow c, SchoolRow school) {
        SchoolState st = returns.state(school);
        Optional<VersionRow> shown = Optional.ofNullable(s.ctx().queryParam("v"))
                .map(no -> ReturnView.version(st, no)).or(st::latest);
        Html detail = shown.map(v -> versionDetail(s, c, school, st, v))
                .orElse(Html.raw("<p>该校尚未上传报表。</p>"));
        Html body = Html.of("""
                <p class="noprint"><a href="/collections/{}">← 返回看板</a></p>
                <h1>{}</h1>
                <p class="muted">{} · {} · {} · 标识码 {}</p>
                <p>状态：<span id="status">{}</span></p>
                <h2>版本</h2>{}{}""",
                c.id(), school.name(), school.type(), school.township(), school.ownership(),
                school.code(), PageChrome.badge(st.status()),
                ReturnView.versions(st.versions(),
                        "/collections/" + c.id() + "/schools/" + school.code() + "/versions/",
                        st.reviews()), detail);
        return s.page(school.name(), body);
    }

    private Html versionDetail(StaffRequest s, CollectionRow c, SchoolRow school, SchoolState st,
            VersionRow v) {
        List<Finding> findings = v.validation().findings();
        Html values;
        try {
            Return r = submissions.readStored(c, v);
            values = ReturnView.values(engine.collection(c.standardId()), r);
        } catch (HuizongException e) {
            values = Html.of("<p class=\"flash error\">{}</p>", e.getMessage());
        }
        boolean reviewable = st.latestAccepted().map(a -> a.id() == v.id()).orElse(false);
        Html reviewForm = Html.when(reviewable, Html.of("""
                <h2>审核第 {} 版</h2>
                <form class="card" method="post" action="/collections/{}/schools/{}/review">
                  {}<input type="hidden" name="version" value="{}">
                  <label for="reason">退回原因（退回时必填，学校会看到）</label>
                  <textarea id="reason" name="reason"></textarea>
                  <div class="actions">
                    <button type="submit" name="decision" value="approve" id="approve">通过</button>
                    <button type="submit" name="decision" value="return" class="danger"
                            id="send-back">退回</button>
                  </div>
                </form>""", v.no(), c.id(), school.code(), s.csrfField(), v.no()));
        return Html.of("""
                <h2>第 {} 版的问题（错误 {}，警告 {}）</h2>{}{}
                <h2>第 {} 版填报数据</h2>{}""",
                v.no(), v.errors(), v.warnings(), ReturnView.findings(findings), reviewForm,
                v.no(), values);
    }

    private Reply review(StaffRequest s, CollectionRow c, SchoolRow school) {
        SchoolState st = returns.state(school);
        VersionRow v = ReturnView.version(st, s.form("version"));
        if (st.latestAccepted().map(a -> a.id() != v.id()).orElse(true)) {
            throw new HttpProblem(409, "第 " + v.no() + " 版不是该校最新的已接受版本，不能审核；请刷新页面");
        }
        String decision = s.form("decision");
        String reason = s.form("reason").strip();
        if (ReturnStore.RETURN.equals(decision) && reason.isEmpty()) {
            throw new HttpProblem(422, "退回时请填写退回原因，学校会看到它");
        }
        if (!ReturnStore.RETURN.equals(decision) && !ReturnStore.APPROVE.equals(decision)) {
            throw new HttpProblem(422, "审核结果应为通过或退回");
        }
        if (reason.length() > 2000) {
            throw new HttpProblem(422, "退回原因太长（最多 2000 字）");
        }
        returns.review(s.username(), school, v, decision, reason);
        return Reply.redirect("/collections/" + c.id() + "/schools/" + school.code());
    }
}

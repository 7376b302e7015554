package org.huizong.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.server.AccountStore.Session;
import org.huizong.server.CollectionStore.CollectionRow;
import org.huizong.server.CollectionStore.SchoolRow;
import org.huizong.server.ReturnStore.SchoolState;
import org.huizong.server.ReturnStore.VersionRow;

/** A school's return as the bureau sees it: versions, findings, values; approve or send back. */
final class ReviewPages implements Routes {
    private final StaffAuth auth;
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final Submissions submissions;
    private final EngineFacade engine;
    private final FileStore files;
    private final CollectionPages collectionPages;

    ReviewPages(StaffAuth auth, CollectionStore collections, ReturnStore returns,
            Submissions submissions, EngineFacade engine, FileStore files,
            CollectionPages collectionPages) {
        this.auth = auth;
        this.collections = collections;
        this.returns = returns;
        this.submissions = submissions;
        this.engine = engine;
        this.files = files;
        this.collectionPages = collectionPages;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/collections/{id}/schools/{code}", this::detail);
        r.post("/collections/{id}/schools/{code}/review", this::review);
        r.get("/collections/{id}/schools/{code}/versions/{no}/file", this::file);
    }

    private SchoolRow school(Context ctx, CollectionRow c) {
        String code = ctx.pathParam("code");
        return collections.findSchool(c.id(), code)
                .orElseThrow(() -> HttpProblem.notFound("学校 " + code));
    }

    static VersionRow version(SchoolState st, String no) {
        return st.versions().stream().filter(v -> String.valueOf(v.no()).equals(no)).findFirst()
                .orElseThrow(() -> HttpProblem.notFound("第 " + no + " 版"));
    }

    private void detail(Context ctx) {
        Session s = auth.require(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        SchoolRow school = school(ctx, c);
        SchoolState st = returns.state(school);
        Optional<VersionRow> shown = Optional.ofNullable(ctx.queryParam("v"))
                .map(no -> version(st, no)).or(st::latest);
        Html detail = shown.map(v -> versionDetail(s, c, school, st, v))
                .orElse(Html.raw("<p>该校尚未上传报表。</p>"));
        Html body = Html.of("""
                <p class="noprint"><a href="/collections/{}">← 返回看板</a></p>
                <h1>{}</h1>
                <p class="muted">{} · {} · {} · 标识码 {}</p>
                <p>状态：<span id="status">{}</span></p>
                <h2>版本</h2>{}{}""",
                c.id(), school.name(), school.type(), school.township(), school.ownership(),
                school.code(), Layout.badge(st.status()),
                ReturnView.versions(st.versions(),
                        "/collections/" + c.id() + "/schools/" + school.code() + "/versions/",
                        st.reviews()), detail);
        Web.html(ctx, Layout.page(school.name(), Optional.of(s), body));
    }

    private Html versionDetail(Session s, CollectionRow c, SchoolRow school, SchoolState st,
            VersionRow v) {
        List<Finding> findings = FindingsJson.read(v.findingsJson());
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
                </form>""", v.no(), c.id(), school.code(), Layout.csrf(s.csrfToken()), v.no()));
        return Html.of("""
                <h2>第 {} 版的问题（错误 {}，警告 {}）</h2>{}{}
                <h2>第 {} 版填报数据</h2>{}""",
                v.no(), v.errors(), v.warnings(), ReturnView.findings(findings), reviewForm,
                v.no(), values);
    }

    private void review(Context ctx) {
        Session s = auth.requirePost(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        SchoolRow school = school(ctx, c);
        SchoolState st = returns.state(school);
        VersionRow v = version(st, Optional.ofNullable(ctx.formParam("version")).orElse(""));
        if (st.latestAccepted().map(a -> a.id() != v.id()).orElse(true)) {
            throw new HttpProblem(409, "第 " + v.no() + " 版不是该校最新的已接受版本，不能审核；请刷新页面");
        }
        String decision = Optional.ofNullable(ctx.formParam("decision")).orElse("");
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("").strip();
        if (ReturnStore.RETURN.equals(decision) && reason.isEmpty()) {
            throw new HttpProblem(422, "退回时请填写退回原因，学校会看到它");
        }
        if (!ReturnStore.RETURN.equals(decision) && !ReturnStore.APPROVE.equals(decision)) {
            throw new HttpProblem(422, "审核结果应为通过或退回");
        }
        if (reason.length() > 2000) {
            throw new HttpProblem(422, "退回原因太长（最多 2000 字）");
        }
        returns.review(s.user().username(), school, v, decision, reason);
        throw new Redirect("/collections/" + c.id() + "/schools/" + school.code());
    }

    private void file(Context ctx) {
        auth.require(ctx);
        CollectionRow c = collectionPages.collection(ctx);
        SchoolRow school = school(ctx, c);
        VersionRow v = version(returns.state(school), ctx.pathParam("no"));
        Web.download(ctx, v.fileName(), Web.XLSX, files.get(v.sha()));
    }
}

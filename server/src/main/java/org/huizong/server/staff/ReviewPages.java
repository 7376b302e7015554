package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.util.List;
import java.util.Optional;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.server.returns.Consolidations;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.ReturnView;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.AccountStore.User;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.CycleStore;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.web.Guard;
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
    private final Cycle cycle;
    private final CycleStore cycles;

    private final CollectionStore collections;
    private final Consolidations consolidations;

    ReviewPages(ReturnStore returns, Submissions submissions, EngineFacade engine, Cycle cycle,
            CycleStore cycles, CollectionStore collections, Consolidations consolidations) {
        this.collections = collections;
        this.consolidations = consolidations;
        this.returns = returns;
        this.submissions = submissions;
        this.engine = engine;
        this.cycle = cycle;
        this.cycles = cycles;
    }

    @Override
    public void register(Routes r) {
        // A township reviewer reaches these for its own schools only (Routes checks the scope).
        r.collectionSchool(GET, "/collections/{id}/schools/{code}", Guard.REVIEWER,
                this::detail);
        r.collectionSchool(POST, "/collections/{id}/schools/{code}/review", Guard.REVIEWER,
                this::review);
        r.collectionSchool(POST, "/collections/{id}/schools/{code}/late", this::allowLate);
        r.collectionSchool(GET, "/collections/{id}/schools/{code}/versions/{no}/file",
                Guard.REVIEWER,
                (s, c, school) -> submissions.storedFile(school, s.ctx().pathParam("no")));
    }

    private Reply detail(StaffRequest s, CollectionRow c, SchoolRow school) {
        SchoolState st = returns.state(school);
        Optional<VersionRow> shown = Optional.ofNullable(s.ctx().queryParam("v"))
                .map(no -> ReturnView.version(st, no)).or(st::latest);
        Html detail = shown.map(v -> versionDetail(s, c, school, st, v))
                .orElse(Html.raw("<p>该校尚未上传报表。</p>"));
        Html body = Html.of("""
                {}
                <h1>{}</h1>
                <p class="muted">{} · {} · {} · 标识码 {}</p>
                <p>状态：<span id="status">{}</span>{} <span id="status-line">{}</span></p>
                {}
                <h2>版本</h2>{}{}""",
                neighbours(s, c, school), school.name(), school.type(), school.township(),
                school.ownership(),
                school.code(), PageChrome.badge(st.status()),
                ReturnView.lateMark(c, st.latest()), ReviewLevels.statusLine(st),
                lateForm(s, c, school),
                ReturnView.versions(st.versions(),
                        "/collections/" + c.id() + "/schools/" + school.code() + "/versions/",
                        st.reviews()), detail);
        return s.page(school.name(), body);
    }

    private Html versionDetail(StaffRequest s, CollectionRow c, SchoolRow school, SchoolState st,
            VersionRow v) {
        List<Finding> findings = v.validation().findings();
        boolean reviewable = st.latestAccepted().map(a -> a.id() == v.id()).orElse(false);
        Html values;
        try {
            Return r = submissions.readStored(c, v);
            values = ReturnView.values(engine.collection(c.standardId()), r, previous(c, school),
                    reviewable ? outliers(c, school) : java.util.Map.of());
        } catch (HuizongException e) {
            values = Html.of("<p class=\"flash error\">{}</p>", e.getMessage());
        }
        User user = s.session().user();
        if (reviewable && st.status() == ReportStatus.APPROVED && user.scoped()) {
            return Html.of("""
                    <h2>第 {} 版的问题（错误 {}，警告 {}）</h2>{}
                    <p class="muted" id="final-note">第 {} 版已由县教育局终审通过。</p>
                    <h2>第 {} 版填报数据</h2>{}""",
                    v.no(), v.errors(), v.warnings(), ReturnView.findings(findings), v.no(),
                    v.no(), values);
        }
        if (reviewable && st.status() == ReportStatus.APPROVED) {
            return Html.of("""
                    <h2>第 {} 版的问题（错误 {}，警告 {}）</h2>{}
                    <h2>撤销通过</h2>
                    <form class="card" method="post" action="/collections/{}/schools/{}/review">
                      {}<input type="hidden" name="version" value="{}">
                      <p class="muted">第 {} 版已审核通过，学校不能再上传。撤销通过后学校会看到原因，
                      可以修改后重新上传。</p>
                      <label for="reason">撤销原因（必填，学校会看到）</label>
                      <textarea id="reason" name="reason" required></textarea>
                      <div class="actions"><button type="submit" name="decision" value="reopen"
                        class="danger" id="reopen">撤销通过</button></div>
                    </form>
                    <h2>第 {} 版填报数据</h2>{}""",
                    v.no(), v.errors(), v.warnings(), ReturnView.findings(findings), c.id(),
                    school.code(), s.csrfField(), v.no(), v.no(), v.no(), values);
        }
        // The county sees no 终审 button until the township's reviewer has passed the return.
        boolean mayApprove = user.scoped() ? st.status() != ReportStatus.FIRST_APPROVED
                : !st.twoLevel() || st.status() == ReportStatus.FIRST_APPROVED;
        Html approve = mayApprove ? Html.of("<button type=\"submit\" name=\"decision\""
                        + " value=\"approve\" id=\"approve\">{}</button>",
                ReviewLevels.approveWord(user, st))
                : Html.of("<span class=\"muted\" id=\"approve-note\">{}</span>",
                        user.scoped() ? "已初审，等待县教育局终审" : "该学校须先经学区（乡镇）初审");
        Html reviewForm = Html.when(reviewable, Html.of("""
                <h2>审核第 {} 版</h2>
                <form class="card" method="post" action="/collections/{}/schools/{}/review{}">
                  {}<input type="hidden" name="version" value="{}">
                  <label for="reason">退回原因（退回时必填，学校会看到）</label>
                  <textarea id="reason" name="reason"></textarea>
                  <div class="actions">
                    {}
                    <button type="submit" name="decision" value="return" class="danger"
                            id="send-back">退回</button>
                  </div>
                </form>""", v.no(), c.id(), school.code(), listQuery(s), s.csrfField(), v.no(),
                approve));
        return Html.of("""
                <h2>第 {} 版的问题（错误 {}，警告 {}）</h2>{}{}
                <h2>第 {} 版填报数据</h2>{}""",
                v.no(), v.errors(), v.warnings(), ReturnView.findings(findings), reviewForm,
                v.no(), values);
    }

    /** The outlier findings of the school's counted return; none when the county cannot fold. */
    private java.util.Map<String, Finding> outliers(CollectionRow c, SchoolRow school) {
        try {
            return consolidations.outliersOf(c, school.code());
        } catch (HuizongException | HttpProblem e) {
            return java.util.Map.of();
        }
    }

    /** Last year's return of the school; a previous book that cannot be read shows none. */
    private Optional<Return> previous(CollectionRow c, SchoolRow school) {
        try {
            return consolidations.previousOf(c, school.code());
        } catch (HuizongException e) {
            return Optional.empty();
        }
    }

    /**
     * ← 返回看板, 上一所 and 下一所, and 下一所待审核: the next school after this one (wrapping)
     * whose return awaits this user's decision, so a reviewer can go through them in a row.
     * The order is the dashboard's: the page carries the list's query (search, filters, sort)
     * and the neighbours follow it; a school outside that list (say, just approved under a
     * 已报送待审核 filter) falls back to roster order. A reviewer moves among its schools only.
     */
    private Html neighbours(StaffRequest s, CollectionRow c, SchoolRow school) {
        User user = s.session().user();
        List<SchoolState> mine = ReviewLevels.visible(user,
                returns.states(c.id(), collections.schools(c.id())));
        List<SchoolState> listed = SchoolTable.of(s.ctx()).select(mine);
        List<SchoolState> all = listed.stream().anyMatch(st -> st.school().id() == school.id())
                ? listed : mine;
        int i = 0;
        while (i < all.size() && all.get(i).school().id() != school.id()) {
            i++;
        }
        String base = "/collections/" + c.id() + "/schools/";
        String query = listQuery(s);
        Html prev = i > 0 && i <= all.size() ? Html.of(
                "<a href=\"{}{}{}\" id=\"prev-school\">← 上一所：{}</a>", base,
                all.get(i - 1).school().code(), query, all.get(i - 1).school().name())
                : Html.EMPTY;
        Html next = i + 1 < all.size() ? Html.of(
                "<a href=\"{}{}{}\" id=\"next-school\">下一所：{} →</a>", base,
                all.get(i + 1).school().code(), query, all.get(i + 1).school().name())
                : Html.EMPTY;
        List<SchoolState> after = new java.util.ArrayList<>(all.subList(Math.min(i + 1,
                all.size()), all.size()));
        after.addAll(all.subList(0, Math.min(i, all.size())));
        Html nextPending = after.stream().filter(st -> ReviewLevels.awaits(user, st))
                .findFirst()
                .map(st -> Html.of("<a href=\"{}{}{}\" id=\"next-pending\">下一所待审核：{}</a>",
                        base, st.school().code(), query, st.school().name()))
                .orElse(Html.EMPTY);
        return Html.of("""
                <nav class="noprint school-nav"><a href="/collections/{}{}">返回看板</a>
                {}{}{}</nav>""", c.id(), query, prev, next, nextPending);
    }

    /** The dashboard list's query (search, filters, sort) this page was opened with. */
    private static String listQuery(StaffRequest s) {
        return SchoolTable.of(s.ctx()).query();
    }

    private Reply review(StaffRequest s, CollectionRow c, SchoolRow school) {
        SchoolState st = returns.state(school);
        VersionRow v = ReturnView.version(st, s.form("version"));
        if (st.latestAccepted().map(a -> a.id() != v.id()).orElse(true)) {
            throw new HttpProblem(409, "第 " + v.no() + " 版不是该校最新的已接受版本，不能审核；请刷新页面");
        }
        String requested = s.form("decision");
        String reason = s.form("reason").strip();
        if (!List.of(ReturnStore.RETURN, ReturnStore.APPROVE, ReturnStore.REOPEN)
                .contains(requested)) {
            throw new HttpProblem(422, "审核结果应为通过、退回或撤销通过");
        }
        String decision = ReviewLevels.decide(s.session().user(), st, requested, v.no());
        if (ReturnStore.REOPEN.equals(decision) && reason.isEmpty()) {
            throw new HttpProblem(422, "撤销通过时请填写原因，学校会看到它");
        }
        if (ReturnStore.RETURN.equals(decision) && reason.isEmpty()) {
            throw new HttpProblem(422, "退回时请填写退回原因，学校会看到它");
        }
        if (reason.length() > 2000) {
            throw new HttpProblem(422, "退回原因太长（最多 2000 字）");
        }
        returns.review(s.username(), school, v, decision, reason);
        return Reply.redirect("/collections/" + c.id() + "/schools/" + school.code()
                + listQuery(s));
    }

    /** While the collection is closed: the form that lets this school file late (补报). */
    private Html lateForm(StaffRequest s, CollectionRow c, SchoolRow school) {
        if (!cycle.closed(c)) {
            return Html.EMPTY;
        }
        return cycle.mayFileLate(school)
                ? Html.raw("<p class=\"flash ok\" id=\"late-allowed\">任务已截止；已允许该校补报。</p>")
                : Html.of("""
                <form class="card noprint" method="post"
                      action="/collections/{}/schools/{}/late">
                  {}<p class="muted">任务已截止，该校不能再上传。</p>
                  <label for="late-reason">允许补报的原因（可不填）</label>
                  <input type="text" id="late-reason" name="reason" maxlength="200">
                  <div class="actions"><button type="submit" class="secondary" id="allow-late">
                    允许该校补报</button></div>
                </form>""", c.id(), school.code(), s.csrfField());
    }

    private Reply allowLate(StaffRequest s, CollectionRow c, SchoolRow school) {
        if (!cycle.closed(c)) {
            throw new HttpProblem(409, "任务尚未截止，学校仍可上传，无需补报");
        }
        String reason = s.form("reason").strip();
        if (reason.length() > 200) {
            throw new HttpProblem(422, "补报原因太长（最多 200 字）");
        }
        cycles.allowLate(s.username(), school, reason);
        return Reply.redirect("/collections/" + c.id() + "/schools/" + school.code());
    }
}

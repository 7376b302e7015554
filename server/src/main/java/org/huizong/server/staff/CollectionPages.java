package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.AccountStore.User;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.CycleStore;
import org.huizong.server.store.FileStore;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.web.Forms;
import org.huizong.server.web.Guard;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/** The collection list, a new collection, its dashboard and its roster import. */
final class CollectionPages implements RouteGroup {
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final EngineFacade engine;
    private final FileStore files;
    private final long maxBytes;
    private final BureauStore bureau;
    private final CycleStore cycles;
    private final Cycle cycle;

    CollectionPages(CollectionStore collections, ReturnStore returns, EngineFacade engine,
            FileStore files, long maxBytes, BureauStore bureau, CycleStore cycles, Cycle cycle) {
        this.collections = collections;
        this.returns = returns;
        this.engine = engine;
        this.files = files;
        this.maxBytes = maxBytes;
        this.bureau = bureau;
        this.cycles = cycles;
        this.cycle = cycle;
    }

    @Override
    public void register(Routes r) {
        r.staff(GET, "/collections", Guard.REVIEWER, this::list);
        r.staff(GET, "/collections/new", Guard.STAFF, this::newForm);
        r.staff(POST, "/collections", Guard.STAFF, this::create);
        r.collection(GET, "/collections/{id}", Guard.REVIEWER, this::dashboard);
        r.collection(POST, "/collections/{id}/previous", this::setPrevious);
        r.collection(POST, "/collections/{id}/close", (s, c) -> {
            cycles.close(s.username(), c.id());
            return Reply.redirect("/collections/" + c.id());
        });
        r.collection(POST, "/collections/{id}/reopen", (s, c) -> {
            cycles.reopen(s.username(), c.id());
            return Reply.redirect("/collections/" + c.id());
        });
    }

    private Reply list(StaffRequest s) {
        boolean unnamed = bureau.get().isEmpty();
        if (unnamed && s.session().user().admin()) {
            return Reply.redirect("/settings");
        }
        User user = s.session().user();
        Html rows = Html.each(collections.list(), c -> Html.of("""
                <tr><td><a href="/collections/{}">{}</a></td><td>{}</td><td>{}</td>
                <td class="num">{}</td><td>{}</td></tr>""",
                c.id(), c.title(), c.period().label(), c.deadline(),
                collections.schools(c.id()).stream().filter(x -> user.sees(x.township()))
                        .count(), PageChrome.time(c.createdAt())));
        Html body = Html.of("""
                <h1>报表任务</h1>
                {}
                {}
                <table><tr><th>任务</th><th>报告期</th><th>截止日期</th><th class="num">学校数</th>
                <th>创建时间</th></tr>{}</table>""",
                PageChrome.flash(Optional.empty(), unnamed ? Optional.of(
                        "管理员尚未填写本单位信息，汇总表暂以“本县”署名。请联系管理员。")
                        : Optional.empty(), List.of()),
                user.scoped() ? Html.of("<p class=\"muted\" id=\"scope-note\">您是审核员，"
                        + "负责 {} 的学校：初审通过后由县教育局终审。</p>",
                        String.join("、", user.townships()))
                        : Html.raw("<div class=\"actions\"><a class=\"button\""
                        + " href=\"/collections/new\">新建任务</a>"
                        + " <a href=\"/definitions\">报表定义</a></div>"), rows);
        return s.page("报表任务", body);
    }

    private Reply newForm(StaffRequest s) {
        Html standards = Html.each(engine.collectionKeys(), id -> Html.of(
                "<option value=\"{}\">{}（{}，{}）</option>", id, engine.collection(id).title(), id,
                engine.collection(id).periodKind().label()));
        Html previous = Html.each(collections.list(), c -> Html.of(
                "<option value=\"{}\">{}（{}）</option>", c.id(), c.title(), c.period()));
        Html body = Html.of("""
                <h1>新建报表任务</h1>
                <form class="card" method="post" action="/collections">
                  {}
                  <label for="standard">标准报表</label>
                  <select id="standard" name="standard">{}</select>
                  <label for="period">报告期，须与报表的报告期类型一致：月报如 2024-05，季报如 2024Q2，
                  半年报如 2024H1（上半年）、2024H2（下半年），年报如 2024，学年报如 2024-2025</label>
                  <input type="text" id="period" name="period" required placeholder="2024H1">
                  <label for="title">任务名称（可不填，默认为“报告期 + 报表名”）</label>
                  <input type="text" id="title" name="title">
                  <label for="deadline">截止日期</label>
                  <input type="date" id="deadline" name="deadline" required>
                  <label for="previous">上年同期（可选：上年同一报告期的任务）</label>
                  <select id="previous" name="previous"><option value="">无</option>{}</select>
                  <div class="actions"><button type="submit">创建任务</button></div>
                </form>""", s.csrfField(), standards, previous);
        return s.page("新建任务", body);
    }

    private Reply create(StaffRequest s) {
        String standard = s.form("standard");
        if (!engine.collectionKeys().contains(standard)) {
            throw new HttpProblem(422, "没有名为“" + standard + "”的标准报表或已上传的报表定义");
        }
        Period period;
        try {
            period = Period.parse(s.ctx().formParam("period"));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(422, e.getMessage());
        }
        String deadline = s.form("deadline").strip();
        try {
            LocalDate.parse(deadline);
        } catch (DateTimeParseException e) {
            throw new HttpProblem(422, "截止日期“" + deadline + "”格式不对，应为如 2024-07-10");
        }
        Collection c = engine.collection(standard);
        try {
            c.checkPeriod(period);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(422, e.getMessage());
        }
        String title = s.form("title").strip();
        if (title.isEmpty()) {
            title = period.label() + c.title();
        }
        Long previous = parsePrevious(s.form("previous"));
        if (previous != null) {
            checkSamePeriodLastYear(period, collections.find(previous).orElseThrow().period());
        }
        long id = collections.create(s.username(), standard, title, period, deadline, previous);
        return Reply.redirect("/collections/" + id);
    }

    private Long parsePrevious(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            return collections.find(id).map(CollectionRow::id)
                    .orElseThrow(() -> HttpProblem.notFound("报表任务 " + id));
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("报表任务 " + value);
        }
    }

    private Reply setPrevious(StaffRequest s, CollectionRow c) {
        UploadedFile f = s.ctx().uploadedFile("book");
        if (f != null && f.size() > 0) {
            byte[] bytes = Forms.read(f, maxBytes);
            checkPreviousBook(c, Submissions.safeName(f.filename()), bytes);
            String sha = files.put(bytes);
            collections.setPreviousFile(s.username(), c.id(), sha,
                    Submissions.safeName(f.filename()));
        } else {
            Long previous = parsePrevious(s.form("previous"));
            if (previous != null && previous == c.id()) {
                throw new HttpProblem(422, "上年同期任务不能是本任务自己");
            }
            if (previous != null) {
                checkSamePeriodLastYear(c.period(),
                        collections.find(previous).orElseThrow().period());
            }
            collections.setPreviousCollection(s.username(), c.id(), previous);
        }
        return Reply.redirect("/collections/" + c.id());
    }

    /** The previous period's book must be a consolidated workbook of the same collection. */
    private void checkPreviousBook(CollectionRow c, String name, byte[] bytes) {
        org.huizong.engine.model.Return book;
        try {
            book = engine.read(engine.collection(c.standardId()), name, bytes);
        } catch (org.huizong.engine.HuizongException e) {
            throw new HttpProblem(422, e.getMessage());
        }
        if (!org.huizong.engine.model.ReturnMeta.KIND_CONSOLIDATED.equals(book.meta().kind())) {
            throw new HttpProblem(422, "“" + name + "”是学校报表，不是汇总工作簿；请上传上年同期下载的汇总表");
        }
        checkSamePeriodLastYear(c.period(), book.meta().period());
    }

    /** 同比 compares with the same period of the year before, and with nothing else. */
    private static void checkSamePeriodLastYear(Period current, Period compared) {
        if (!compared.equals(current.yearBefore())) {
            throw new HttpProblem(422, "上年同期应为 " + current.yearBefore().label() + "，所选的是 "
                    + compared.label() + "；同比只能与上年同一报告期比较");
        }
    }

    private Reply dashboard(StaffRequest s, CollectionRow c) {
        Context ctx = s.ctx();
        User user = s.session().user();
        List<SchoolRow> schools = collections.schools(c.id());
        List<SchoolState> states = ReviewLevels.visible(user, returns.states(c.id(), schools));
        if (user.scoped()) {
            return reviewerDashboard(s, c, states);
        }
        SchoolTable view = SchoolTable.of(ctx);
        List<SchoolState> shown = view.select(states);
        Optional<String> flash = Optional.ofNullable(ctx.queryParam("imported"))
                .map(n -> "已导入名单：" + n + " 所学校，其中新增 "
                        + Optional.ofNullable(ctx.queryParam("added")).orElse("0") + " 所")
                .or(() -> Optional.ofNullable(ctx.queryParam("approved"))
                        .map(n -> "已批量审核通过 " + n + " 所学校的报表"));
        long owing = states.stream().filter(st -> ChasePages.OWING.contains(st.status()))
                .count();
        Html body = Html.of("""
                <h1>{}</h1>
                <p class="muted">报告期 {} · 截止 {} · 标准报表 {}</p>
                {}{}{}{}{}{}{}
                <details class="noprint" id="roster-import"{}><summary>导入学校名单</summary>
                {}</details>""",
                c.title(), c.period().label(), c.deadline(),
                engine.collection(c.standardId()).title(),
                PageChrome.flash(flash, Optional.empty(), List.of()),
                DashboardView.cycle(c, cycles.closure(c.id()), cycle.pastDeadline(c),
                        s.csrfField(), states),
                DashboardView.actions(c, (int) owing),
                DashboardView.stats(c, states, view.status()),
                DashboardView.table(c, shown, states, view, s.csrfField(), user),
                DashboardView.completeness(states),
                DashboardView.tools(c, s.csrfField(), collections.list()),
                Html.raw(schools.isEmpty() ? " open" : ""),
                RosterPages.importForm(c, s.csrfField()));
        return s.page(c.title(), body);
    }

    /**
     * A township reviewer's dashboard: only its schools, their counts, table, batch 初审 and
     * 催报; none of the county's tools (downloads of the book, links, the cycle, the roster).
     */
    private Reply reviewerDashboard(StaffRequest s, CollectionRow c, List<SchoolState> states) {
        User user = s.session().user();
        SchoolTable view = SchoolTable.of(s.ctx());
        long owing = states.stream().filter(st -> ChasePages.OWING.contains(st.status()))
                .count();
        Optional<String> flash = Optional.ofNullable(s.ctx().queryParam("approved"))
                .map(n -> "已批量初审通过 " + n + " 所学校的报表，等待县教育局终审");
        Html body = Html.of("""
                <h1>{}</h1>
                <p class="muted">报告期 {} · 截止 {} · 审核员 {}：负责 {}</p>
                {}
                <div class="card noprint actions" id="reviewer-actions">
                  <a class="button secondary" href="/collections/{}/chase" id="chase-link">
                    催报（{} 所）</a>
                  <a class="button secondary" href="/collections/{}/returns.zip">
                    本学区全部报表（zip）</a></div>
                {}{}{}""",
                c.title(), c.period().label(), c.deadline(), user.displayName(),
                String.join("、", user.townships()),
                PageChrome.flash(flash, Optional.empty(), List.of()), c.id(), owing, c.id(),
                DashboardView.stats(c, states, view.status()),
                DashboardView.table(c, view.select(states), states, view, s.csrfField(), user),
                DashboardView.completeness(states));
        return s.page(c.title(), body);
    }

    /** Counts by a key, in first-seen order. */
    static <K> Map<K, int[]> tally(List<SchoolState> states,
            java.util.function.Function<SchoolState, K> key) {
        Map<K, int[]> out = new LinkedHashMap<>();
        for (SchoolState st : states) {
            int[] n = out.computeIfAbsent(key.apply(st), k -> new int[3]);
            n[0]++;
            if (st.latestAccepted().isPresent()) {
                n[1]++;
            }
            if (st.status() == ReportStatus.APPROVED) {
                n[2]++;
            }
        }
        return out;
    }

    static List<String> distinct(List<SchoolState> states,
            java.util.function.Function<SchoolRow, String> f) {
        List<String> out = new ArrayList<>();
        for (SchoolState st : states) {
            String v = f.apply(st.school());
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }
}

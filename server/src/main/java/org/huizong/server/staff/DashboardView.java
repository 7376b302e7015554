package org.huizong.server.staff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.server.returns.Cycle;
import org.huizong.server.store.AccountStore.User;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.CycleStore;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.Verdict;
import org.huizong.server.web.Html;
import org.huizong.server.web.PageChrome;

/** The parts of a collection's dashboard page. */
final class DashboardView {
    private DashboardView() {
    }

    /**
     * Where the cycle stands: before or after the deadline, open or closed (截止，不再接收),
     * with the button that closes or reopens it and how many uploads were late.
     */
    static Html cycle(CollectionRow c, Optional<CycleStore.Closure> closure,
            boolean pastDeadline, Html csrfField, List<SchoolState> states) {
        long late = states.stream().filter(st -> st.latest().map(v -> Cycle.late(c, v))
                .orElse(false)).count();
        String state = closure.map(x -> "已于 " + PageChrome.time(x.at()) + " 截止，不再接收报表（"
                        + x.by() + "）；个别学校可在其页面上允许补报。")
                .orElse(pastDeadline ? "已过截止日期 " + c.deadline() + "，仍在接收报表，新上传的标记为逾期。"
                        : "接收中，截止日期 " + c.deadline() + "。");
        long onTime = states.stream().filter(st -> st.versions().stream().anyMatch(
                v -> v.verdict() == Verdict.ACCEPTED && !Cycle.late(c, v))).count();
        int rate = states.isEmpty() ? 0 : Math.round(100f * onTime / states.size());
        return Html.of("""
                <form class="card noprint" id="cycle" method="post" action="/collections/{}/{}">
                  {}<b>收报状态：</b><span id="cycle-state">{}</span>
                  <span class="muted">逾期上传 <b id="late-count">{}</b> 所</span>
                  <span class="muted">按时报送率 <b id="on-time-rate">{}%</b>
                  （截止前交来可用报表 {} / 应报 {} 所）</span>
                  <button type="submit" class="secondary" id="{}">{}</button>
                </form>""", c.id(), closure.isPresent() ? "reopen" : "close", csrfField, state,
                late, rate, onTime, states.size(),
                closure.isPresent() ? "reopen-collection" : "close-collection",
                closure.isPresent() ? "重新开始接收" : "截止，不再接收");
    }

    /** The statuses only a township with a reviewer has: shown only where there is one. */
    private static final java.util.Set<ReportStatus> TWO_LEVEL = java.util.EnumSet.of(
            ReportStatus.AWAITING_FIRST, ReportStatus.FIRST_APPROVED);

    /** The counts by status, each a link that filters the table to that status. */
    static Html stats(CollectionRow c, List<SchoolState> states, String status) {
        StringBuilder sb = new StringBuilder();
        Html total = Html.of("<a class=\"stat{}\" id=\"stat-all\" href=\"/collections/{}\">"
                + "<b>{}</b>学校总数</a>", Html.raw(status.isEmpty() ? " on" : ""), c.id(),
                states.size());
        sb.append(total);
        boolean twoLevel = states.stream().anyMatch(SchoolState::twoLevel);
        // Where every school has a reviewer (a reviewer's own dashboard), nothing is 已报送待审核.
        boolean oneLevel = !states.stream().allMatch(SchoolState::twoLevel) || states.isEmpty();
        for (ReportStatus rs : ReportStatus.values()) {
            if (!twoLevel && TWO_LEVEL.contains(rs)
                    || !oneLevel && rs == ReportStatus.SUBMITTED) {
                continue;
            }
            long n = states.stream().filter(s -> s.status() == rs).count();
            sb.append(Html.of("<a class=\"stat{}\" id=\"stat-{}\" href=\"/collections/{}"
                    + "?status={}\"><b>{}</b>{}</a>", Html.raw(rs.key().equals(status) ? " on"
                    : ""), rs.key(), c.id(), rs.key(), n, PageChrome.badge(rs)));
        }
        return Html.of("<div class=\"stats\" id=\"stats\">{}</div>", Html.raw(sb.toString()));
    }

    /** What the clerk does most, at the top: 下载汇总表, 催报, the downloads, the roster. */
    static Html actions(CollectionRow c, int owing) {
        return Html.of("""
                <form class="card noprint" id="downloads" method="get"
                      action="/collections/{}/consolidated.xlsx">
                  <b>下载汇总表</b>
                  <label><input type="radio" name="scope" value="approved" checked>
                    只汇总已通过审核的报表</label>
                  <label><input type="radio" name="scope" value="accepted">
                    汇总所有无错误的报表（含已报送待审核、已退回、已撤销通过的）</label>
                  <div class="actions"><button type="submit" id="download-consolidated">
                    下载汇总工作簿</button>
                  <button type="submit" class="secondary" id="download-summary"
                    formaction="/collections/{}/summary.docx">下载工作总结（Word）</button>
                  <a class="button secondary" href="/collections/{}/chase" id="chase-link">
                    催报（{} 所）</a>
                  <a class="button secondary" href="/collections/{}/links">学校上传链接</a></div>
                </form>
                <details class="noprint more-actions"><summary>更多下载与操作</summary>
                <div class="actions">
                  <a class="button secondary" href="/collections/{}/templates.zip">
                    下载全部学校模板（zip）</a>
                  <a class="button secondary" href="/collections/{}/status.xlsx">报送情况（xlsx）</a>
                  <a class="button secondary" href="/collections/{}/missing.xlsx">未报学校（xlsx）</a>
                  <a class="button secondary" href="/collections/{}/detail.csv">学校明细（csv）</a>
                  <a class="button secondary" href="/collections/{}/totals.csv">汇总数（csv）</a>
                  <a class="button secondary" href="/collections/{}/returns.zip">全部报表（zip）</a>
                  <a class="button secondary" href="/collections/{}/roster">导入学校名单</a>
                  <a class="button secondary" href="/collections/{}/audit">操作日志</a>
                </div></details>""", c.id(), c.id(), c.id(), owing, c.id(), c.id(), c.id(),
                c.id(), c.id(), c.id(), c.id(), c.id(), c.id());
    }

    static Html completeness(List<SchoolState> states) {
        return Html.of("""
                <div class="grid2">
                <div><h2>按乡镇完成情况</h2>{}</div>
                <div><h2>按学校类型完成情况</h2>{}</div>
                </div>""",
                groupTable("乡镇", CollectionPages.tally(states, s -> s.school().township())),
                groupTable("类型", CollectionPages.tally(states, s -> s.school().type())));
    }

    private static Html groupTable(String label, Map<String, int[]> groups) {
        Html rows = Html.each(groups.entrySet(), e -> {
            int[] n = e.getValue();
            int pct = n[0] == 0 ? 0 : Math.round(100f * n[1] / n[0]);
            return Html.of("""
                    <tr><td>{}</td><td class="num">{}</td><td class="num">{}</td>
                    <td class="num">{}</td><td><progress max="100" value="{}"></progress>
                    {}%</td></tr>""", e.getKey(), n[0], n[1], n[2], pct, pct);
        });
        return Html.of("""
                <table><tr><th>{}</th><th class="num">应报</th><th class="num">已交</th>
                <th class="num">已通过</th><th>完成率</th></tr>{}</table>""", label, rows);
    }

    static Html table(CollectionRow c, List<SchoolState> shown, List<SchoolState> all,
            SchoolTable view, Html csrfField, User user) {
        boolean twoLevel = all.stream().anyMatch(SchoolState::twoLevel);
        Html statusOptions = Html.each(java.util.Arrays.stream(ReportStatus.values())
                .filter(rs -> twoLevel || !TWO_LEVEL.contains(rs)).toList(), rs -> Html.of(
                "<option value=\"{}\"{}>{}</option>", rs.key(),
                Html.raw(rs.key().equals(view.status()) ? " selected" : ""), rs.label()));
        Html townOptions = options(CollectionPages.distinct(all, SchoolRow::township),
                view.township());
        Html typeOptions = options(CollectionPages.distinct(all, SchoolRow::type), view.type());
        long clean = all.stream().filter(st -> BatchApproval.clean(user, st)).count();
        String verb = user.scoped() ? "初审通过" : "通过";
        long missing = all.stream().filter(st -> st.latestAccepted().isEmpty()).count();
        return Html.of("""
                <h2>各校报送情况</h2>
                <form class="filters actions noprint" method="get" action="/collections/{}">
                  <input type="search" name="q" id="search" value="{}" placeholder="学校名称或标识码"
                    aria-label="搜索学校">
                  <select name="status" aria-label="状态"><option value="">全部状态</option>{}</select>
                  <select name="township" aria-label="乡镇"><option value="">全部乡镇</option>{}</select>
                  <select name="type" aria-label="类型"><option value="">全部类型</option>{}</select>
                  <input type="hidden" name="sort" value="{}">
                  <input type="hidden" name="dir" value="{}">
                  <button type="submit" class="secondary" id="search-submit">查找</button>
                  <span class="muted">显示 {} / {} 所</span>
                </form>
                <form class="actions noprint" method="post" id="batch"
                      action="/collections/{}/approve-batch">
                  {}
                  <button type="submit" class="secondary" id="batch-selected">{}所选报表</button>
                  <button type="submit" class="secondary" name="all" value="1" id="batch-all"{}>
                    {}全部无错误且警告均已说明的报表（{} 所）</button>
                  <span class="muted">只有“{}”的学校可勾选；提交后先确认再通过。</span>
                </form>
                {}
                <p id="missing">尚未报送（无已接受版本）的学校：{} 所
                  <a href="/collections/{}/chase">去催报</a></p>""",
                c.id(), view.q(), statusOptions, townOptions, typeOptions, view.sort(),
                view.desc() ? "desc" : "", shown.size(), all.size(), c.id(), csrfField, verb,
                Html.raw(clean == 0 ? " disabled" : ""), verb, clean,
                user.scoped() ? "待初审" : all.stream().anyMatch(SchoolState::twoLevel)
                        ? "已报送待审核”或“已初审待终审" : "已报送待审核",
                view.render(c, shown, st -> BatchApproval.clean(user, st)), missing, c.id());
    }

    private static Html options(List<String> values, String selected) {
        return Html.each(values, v -> Html.of("<option value=\"{}\"{}>{}</option>", v,
                Html.raw(v.equals(selected) ? " selected" : ""), v));
    }

    static Html tools(CollectionRow c, Html csrfField, List<CollectionRow> all) {
        Html previous = Html.each(all.stream().filter(x -> x.id() != c.id()).toList(),
                x -> Html.of("<option value=\"{}\"{}>{}（{}）</option>", x.id(),
                        Html.raw(c.previousCollectionId() != null
                                && c.previousCollectionId() == x.id() ? " selected" : ""),
                        x.title(), x.period()));
        String prevNow = c.previousFile() != null ? "已上传上年同期汇总表"
                : c.previousCollectionId() != null ? "取自任务“" + all.stream()
                        .filter(x -> x.id() == c.previousCollectionId()).findFirst()
                        .map(x -> x.title() + "（" + x.period().label() + "）")
                        .orElse("已删除的任务") + "”" : "未设置";
        return Html.of("""
                <h2 class="noprint">上年同期：{}</h2>
                <form class="card noprint" method="post" action="/collections/{}/previous"
                      enctype="multipart/form-data">
                  {}
                  <label for="previous">取自较早的任务</label>
                  <select id="previous" name="previous"><option value="">无</option>{}</select>
                  <label for="book">或上传上年同期的汇总工作簿（.xlsx，优先）</label>
                  <input type="file" id="book" name="book" accept=".xlsx">
                  <div class="actions"><button type="submit" class="secondary">保存</button></div>
                </form>""", prevNow, c.id(), csrfField, previous);
    }
}

package org.huizong.server.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.server.returns.Cycle;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.CycleStore;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
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
    static Html cycle(CollectionRow c, Optional<CycleStore.Closure> closure, Html csrfField,
            List<SchoolState> states) {
        long late = states.stream().filter(st -> st.latest().map(v -> Cycle.late(c, v))
                .orElse(false)).count();
        boolean pastDeadline = Cycle.deadline(c).map(d -> Instant.now().isAfter(d))
                .orElse(false);
        String state = closure.map(x -> "已于 " + PageChrome.time(x.at()) + " 截止，不再接收报表（"
                        + x.by() + "）；个别学校可在其页面上允许补报。")
                .orElse(pastDeadline ? "已过截止日期 " + c.deadline() + "，仍在接收报表，新上传的标记为逾期。"
                        : "接收中，截止日期 " + c.deadline() + "。");
        return Html.of("""
                <form class="card noprint" id="cycle" method="post" action="/collections/{}/{}">
                  {}<b>收报状态：</b><span id="cycle-state">{}</span>
                  <span class="muted">逾期上传 <b id="late-count">{}</b> 所</span>
                  <button type="submit" class="secondary" id="{}">{}</button>
                </form>""", c.id(), closure.isPresent() ? "reopen" : "close", csrfField, state,
                late, closure.isPresent() ? "reopen-collection" : "close-collection",
                closure.isPresent() ? "重新开始接收" : "截止，不再接收");
    }

    static Html stats(List<SchoolState> states) {
        StringBuilder sb = new StringBuilder();
        Html total = Html.of("<div class=\"stat\"><b>{}</b>学校总数</div>", states.size());
        sb.append(total);
        for (ReportStatus rs : ReportStatus.values()) {
            long n = states.stream().filter(s -> s.status() == rs).count();
            sb.append(Html.of("<div class=\"stat\"><b>{}</b>{}</div>", n, PageChrome.badge(rs)));
        }
        return Html.of("<div class=\"stats\" id=\"stats\">{}</div>", Html.raw(sb.toString()));
    }

    static Html actions(CollectionRow c, Html csrfField) {
        return Html.of("""
                <div class="actions noprint">
                  <a class="button" href="/collections/{}/templates.zip">下载全部学校模板（zip）</a>
                  <a class="button secondary" href="/collections/{}/links">学校上传链接</a>
                  <a class="button secondary" href="/collections/{}/status.xlsx">报送情况（xlsx）</a>
                  <a class="button secondary" href="/collections/{}/missing.xlsx">未报学校（xlsx）</a>
                  <a class="button secondary" href="/collections/{}/detail.csv">学校明细（csv）</a>
                  <a class="button secondary" href="/collections/{}/totals.csv">汇总数（csv）</a>
                  <a class="button secondary" href="/collections/{}/returns.zip">全部报表（zip）</a>
                  <a class="button secondary" href="/collections/{}/audit">操作日志</a>
                </div>
                <form class="card noprint" method="post" action="/collections/{}/roster"
                      enctype="multipart/form-data">
                  {}
                  <b>导入学校名单</b>
                  <span class="muted">CSV 或 XLSX，表头为 学校标识码、学校名称、学校类型、所在乡镇、
                  办学性质；已有的学校按标识码更新。</span>
                  <div class="actions"><input type="file" name="roster" id="roster-file"
                    accept=".csv,.xlsx" required>
                  <button type="submit" id="roster-submit">导入名单</button></div>
                </form>""", c.id(), c.id(), c.id(), c.id(), c.id(), c.id(), c.id(), c.id(), c.id(),
                csrfField);
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
            String status, String township, String type) {
        Html statusOptions = Html.each(List.of(ReportStatus.values()), rs -> Html.of(
                "<option value=\"{}\"{}>{}</option>", rs.key(),
                Html.raw(rs.key().equals(status) ? " selected" : ""), rs.label()));
        Html townOptions = options(CollectionPages.distinct(all, SchoolRow::township), township);
        Html typeOptions = options(CollectionPages.distinct(all, SchoolRow::type), type);
        Html rows = Html.each(shown, st -> {
            SchoolRow s = st.school();
            VersionRow v = st.latest().orElse(null);
            return Html.of("""
                    <tr data-code="{}"><td>{}</td>
                    <td><a href="/collections/{}/schools/{}">{}</a></td>
                    <td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td class="num">{}</td>
                    <td class="num">{}</td><td class="num">{}</td></tr>""",
                    s.code(), s.code(), c.id(), s.code(), s.name(), s.type(), s.township(),
                    PageChrome.badge(st.status()), Html.when(v != null && Cycle.late(c, v),
                            Html.raw(" <span class=\"badge s-late\">逾期</span>")),
                    v == null ? "" : PageChrome.time(v.uploadedAt()),
                    st.versions().size(), v == null ? "" : v.errors(),
                    v == null ? "" : v.warnings());
        });
        List<SchoolState> missing = all.stream()
                .filter(st -> st.latestAccepted().isEmpty()).toList();
        Html missingList = Html.each(missing, st -> Html.of("<li>{}（{}，{}）{}</li>",
                st.school().name(), st.school().township(), st.school().type(),
                PageChrome.badge(st.status())));
        return Html.of("""
                <h2>各校报送情况</h2>
                <form class="filters actions noprint" method="get" action="/collections/{}">
                  <select name="status" aria-label="状态"><option value="">全部状态</option>{}</select>
                  <select name="township" aria-label="乡镇"><option value="">全部乡镇</option>{}</select>
                  <select name="type" aria-label="类型"><option value="">全部类型</option>{}</select>
                  <button type="submit" class="secondary">筛选</button>
                  <span class="muted">显示 {} / {} 所</span>
                </form>
                <table id="schools"><tr><th>标识码</th><th>学校</th><th>类型</th><th>乡镇</th>
                <th>状态</th><th>最近上传</th><th class="num">版本</th><th class="num">错误</th>
                <th class="num">警告</th></tr>{}</table>
                <h2>尚未报送（无已接受版本）的学校：{} 所</h2>
                <ul id="missing">{}</ul>""",
                c.id(), statusOptions, townOptions, typeOptions, shown.size(), all.size(), rows,
                missing.size(), missingList);
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
                <h2 class="noprint">下载汇总表</h2>
                <form class="card noprint" method="get" action="/collections/{}/consolidated.xlsx">
                  <label><input type="radio" name="scope" value="approved" checked>
                    只汇总已通过审核的报表</label>
                  <label><input type="radio" name="scope" value="accepted">
                    汇总所有无错误的报表（含已报送待审核、已退回、已撤销通过的）</label>
                  <div class="actions"><button type="submit" id="download-consolidated">
                    下载汇总工作簿</button>
                  <button type="submit" class="secondary" id="download-summary"
                    formaction="/collections/{}/summary.docx">下载工作总结（Word）</button></div>
                </form>
                <h2 class="noprint">上年同期：{}</h2>
                <form class="card noprint" method="post" action="/collections/{}/previous"
                      enctype="multipart/form-data">
                  {}
                  <label for="previous">取自较早的任务</label>
                  <select id="previous" name="previous"><option value="">无</option>{}</select>
                  <label for="book">或上传上年同期的汇总工作簿（.xlsx，优先）</label>
                  <input type="file" id="book" name="book" accept=".xlsx">
                  <div class="actions"><button type="submit" class="secondary">保存</button></div>
                </form>""", c.id(), c.id(), prevNow, c.id(), csrfField, previous);
    }
}

package org.huizong.server.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.ReturnStore.ReviewRow;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;

/** Findings, values and version lists as the school and the bureau see them. */
public final class ReturnView {
    private ReturnView() {
    }

    /** The school's version numbered {@code no} (as text, from a path or form), else 404. */
    public static VersionRow version(SchoolState st, String no) {
        return st.versions().stream().filter(v -> String.valueOf(v.no()).equals(no)).findFirst()
                .orElseThrow(() -> HttpProblem.notFound("第 " + no + " 版"));
    }

    public static Html findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return Html.raw("<p class=\"flash ok\" id=\"no-findings\">没有发现问题。</p>");
        }
        Html rows = Html.each(findings, f -> Html.of("""
                <tr class="finding" data-rule="{}"><td class="sev-{}">{}</td><td>{}</td><td>{}</td>
                <td>{}</td></tr>""",
                f.ruleId(), f.severity().name(), f.severity().label(),
                Html.each(f.cells(), c -> Html.of("<span class=\"cell\">{}</span> ", c.toString())),
                f.message(), f.explanation().map(e -> "说明：" + e)
                        .orElse(f.isUnexplainedWarning() ? "需要说明" : "")));
        return Html.of("""
                <table id="findings"><tr><th>级别</th><th>位置</th><th>问题</th><th>说明</th></tr>
                {}</table>""", rows);
    }

    /** {@code 逾期} after a status badge when {@code v} came after the deadline, else nothing. */
    public static Html lateMark(CollectionStore.CollectionRow c, Optional<VersionRow> v) {
        return Html.when(v.map(x -> Cycle.late(c, x)).orElse(false),
                Html.raw(" <span class=\"badge s-late\">逾期</span>"));
    }

    public static Html versions(List<VersionRow> versions, String fileUrlPrefix,
            List<ReviewRow> reviews) {
        Html rows = Html.each(versions, v -> {
            String review = reviews.stream().filter(r -> r.versionId() == v.id())
                    .reduce((a, b) -> b)
                    .map(r -> r.word()
                            + "（" + r.reviewer() + "，"
                            + PageChrome.time(r.at())
                            + (r.reason().isEmpty() ? "" : "：" + r.reason())
                            + "）")
                    .orElse("");
            return Html.of("""
                    <tr><td class="num">{}</td><td>{}</td><td><a href="{}{}/file">{}</a></td>
                    <td class="num">{}</td><td>{}</td><td>{}</td><td class="num">{}</td>
                    <td class="num">{}</td><td>{}</td></tr>""",
                    v.no(), PageChrome.time(v.uploadedAt()), fileUrlPrefix, v.no(), v.fileName(),
                    PageChrome.size(v.size()), PageChrome.actor(v.uploadedBy()),
                    v.verdict().label(), v.errors(), v.warnings(), review);
        });
        return Html.of("""
                <table id="versions"><tr><th class="num">版本</th><th>上传时间</th><th>文件</th>
                <th class="num">大小</th><th>上传者</th><th>检查结果</th><th class="num">错误</th>
                <th class="num">警告</th><th>审核</th></tr>{}</table>""", rows);
    }

    /** A change of at least this share from last year's figure is flagged (变化较大). */
    private static final BigDecimal NOTABLE = new BigDecimal("0.5");

    /**
     * Every field's value by sheet, with its cell, so staff can read a return in the page; with
     * last year's figure (上年同期) and the change beside each number when there is one, flagged
     * 变化较大 when it moved by half or more, and 异常值 beside a figure an outlier check across
     * schools names ({@code outliers} by field id).
     */
    public static Html values(Collection c, Return r, Optional<Return> previous,
            Map<String, Finding> outliers) {
        boolean compared = previous.isPresent() || !outliers.isEmpty();
        StringBuilder sb = new StringBuilder();
        for (Sheet sheet : c.sheets()) {
            sb.append(Html.of("<h3>{}</h3>", sheet.title()));
            if (sheet.table().isPresent()) {
                sb.append(table(sheet, r.rows(sheet.table().get().id())));
                continue;
            }
            Html rows = Html.each(sheet.fields(), f -> compared
                    ? comparedRow(f, r, previous, outliers.get(f.id())) : plainRow(f, r));
            sb.append(Html.of("<table class=\"values\"><tr><th>项目</th><th>单元格</th>"
                    + "<th class=\"num\">数值</th>{}</tr>{}</table>", compared
                    ? Html.raw("<th class=\"num\">上年同期</th><th class=\"num\">变化</th>")
                    : Html.EMPTY, rows));
        }
        return Html.raw(sb.toString());
    }

    private static Html plainRow(Field f, Return r) {
        return Html.of("<tr><td>{}</td><td><span class=\"cell\">{}</span></td>"
                + "<td class=\"num\">{}</td></tr>", f.labelWithUnit(),
                r.findCell(f.id()).map(CellRef::toString).orElse(""),
                r.find(f.id()).map(Value::display).orElse(""));
    }

    private static Html comparedRow(Field f, Return r, Optional<Return> previous,
            Finding outlier) {
        Optional<Value> now = r.find(f.id());
        Optional<Value> before = previous.flatMap(p -> p.find(f.id()));
        return Html.of("<tr data-field=\"{}\"><td>{}</td><td><span class=\"cell\">{}"
                + "</span></td><td class=\"num\">{}{}</td><td class=\"num prev\">{}</td>"
                + "<td class=\"num\">{}</td></tr>", f.id(), f.labelWithUnit(),
                r.findCell(f.id()).map(CellRef::toString).orElse(""),
                now.map(Value::display).orElse(""), outlier == null ? Html.EMPTY
                        : Html.of(" <span class=\"badge s-error outlier\" title=\"{}\">"
                                + "异常值</span>", outlier.message()),
                before.map(Value::display).orElse(""), change(now, before));
    }

    /** +12.5% / −60.0% 变化较大, or nothing when either side is not a number. */
    private static Html change(Optional<Value> now, Optional<Value> before) {
        if (now.isEmpty() || before.isEmpty() || !(now.get() instanceof Value.Num n)
                || !(before.get() instanceof Value.Num b)) {
            return Html.EMPTY;
        }
        if (b.value().signum() == 0) {
            return n.value().signum() == 0 ? Html.EMPTY
                    : Html.raw("<span class=\"badge s-late\">上年为 0</span>");
        }
        BigDecimal share = n.value().subtract(b.value())
                .divide(b.value().abs(), 4, RoundingMode.HALF_UP);
        String pct = (share.signum() > 0 ? "+" : share.signum() < 0 ? "−" : "")
                + share.abs().movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
        return share.abs().compareTo(NOTABLE) >= 0
                ? Html.of("{} <span class=\"badge s-late flag\">变化较大</span>", pct)
                : Html.of("{}", pct);
    }

    private static Html table(Sheet sheet, List<TableRow> rows) {
        List<Field> columns = sheet.table().orElseThrow().columns();
        if (rows.isEmpty()) {
            return Html.raw("<p class=\"muted\">（未填写）</p>");
        }
        Html head = Html.each(columns, f -> Html.of("<th>{}</th>", f.labelWithUnit()));
        Html body = Html.each(rows, row -> Html.of("<tr><td class=\"num\">{}</td>{}</tr>",
                row.index(), Html.each(columns, f -> {
                    Map<String, Value> v = row.values();
                    String key = org.huizong.engine.model.Table.key(f);
                    return Html.of("<td>{}</td>", v.containsKey(key) ? v.get(key).display() : "");
                })));
        return Html.of("<table class=\"values\"><tr><th class=\"num\">行</th>{}</tr>{}</table>",
                head, body);
    }
}

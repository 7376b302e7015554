package org.huizong.server.school;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.http.UploadedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.School;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.ReturnView;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.ReviewRow;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.store.Verdict;
import org.huizong.server.web.Forms;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.PageChrome;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.SchoolRequest;
import org.huizong.server.web.StaffAuth;

/**
 * A school's own page, reached through its secret link: download the template, upload, see every
 * finding with its cell, explain warnings, see the status and the bureau's reason. Everything is
 * resolved from the secret alone, so one school's link never reaches another school's data.
 */
final class SchoolPages implements RouteGroup {
    private static final String EXPLAIN_PREFIX = "explain.";
    private final StaffAuth auth;
    private final ReturnStore returns;
    private final Submissions submissions;
    private final EngineFacade engine;
    private final Cycle cycle;
    private final BureauStore bureau;

    SchoolPages(StaffAuth auth, ReturnStore returns, Submissions submissions,
            EngineFacade engine, Cycle cycle, BureauStore bureau) {
        this.bureau = bureau;
        this.auth = auth;
        this.returns = returns;
        this.submissions = submissions;
        this.engine = engine;
        this.cycle = cycle;
    }

    @Override
    public void register(Routes r) {
        r.school(GET, "/s/{secret}", s -> page(s, Optional.empty(), List.of()));
        r.school(POST, "/s/{secret}/upload", this::upload);
        r.school(POST, "/s/{secret}/explain", this::explain);
        r.school(GET, "/s/{secret}/template.xlsx", this::template);
        r.school(GET, "/s/{secret}/versions/{no}/file",
                s -> submissions.storedFile(s.school(), s.ctx().pathParam("no")));
    }

    private Reply.Page page(SchoolRequest r, Optional<String> error, List<String> details) {
        SchoolRow school = r.school();
        CollectionRow c = r.collection();
        String base = r.base();
        SchoolState st = returns.state(school);
        String csrf = auth.schoolCsrf(r.secret());
        Optional<String> ok = Optional.ofNullable(r.ctx().queryParam("uploaded"))
                .map(no -> "已收到第 " + no + " 版。")
                .or(() -> Optional.ofNullable(r.ctx().queryParam("explained"))
                        .map(no -> "已保存第 " + no + " 版的说明。"));
        Html latest = st.latest().map(v -> latestSection(v, st.status(), base, csrf))
                .orElse(Html.raw("<p>尚未上传。请先下载模板，填好后上传。</p>"));
        Html body = Html.of("""
                <h1>{}</h1>
                <p class="muted">{} · 报告期 {} · 截止 {}</p>
                {}
                <div class="card status-card s-{}" id="state">
                <p>当前状态：<span id="status">{}</span>{}</p>
                <p id="next-step"><b>下一步：</b>{}</p>
                {}
                </div>
                {}
                {}
                <h2>上传记录</h2>{}
                <p class="muted" id="bureau-contact">{}</p>""",
                school.name(), c.title(), c.period().label(), c.deadline(),
                PageChrome.flash(ok, error, details), st.status().key(),
                PageChrome.badge(st.status()),
                ReturnView.lateMark(c, st.latest()),
                nextStep(st.status()), reviewNote(st), uploadCard(c, st, base, csrf), latest,
                ReturnView.versions(st.versions(), base + "/versions/", st.reviews()),
                bureau.get().map(b -> "有疑问请联系" + b.name() + "，" + b.contactLine() + "。")
                        .orElse("有疑问请联系教育局。"));
        return Reply.page(PageChrome.page(school.name() + " 报表上传", Optional.empty(), body));
    }

    /**
     * The upload form; when the school cannot upload now (approved and locked, or the
     * collection closed), why not and whom to call instead.
     */
    private Html uploadCard(CollectionRow c, SchoolState st, String base, String csrf) {
        Optional<String> why = cycle.whyNot(c, st);
        if (why.isPresent()) {
            return Html.of("""
                    <div class="card" id="locked"><b>暂不能上传</b><p>{}</p>
                    <a class="button secondary" href="{}/template.xlsx">下载本校模板</a></div>""",
                    why.get(), base);
        }
        boolean late = cycle.pastDeadline(c);
        return Html.of("""
                <div class="card">
                <form method="post" action="{}/upload" enctype="multipart/form-data">
                  {}
                  <b>上传填好的报表</b>
                  <span class="muted">（.xlsx，不超过 {}；可多次上传，每次都会保存为新版本）</span>
                  {}
                  <div class="actions">
                    <input type="file" name="file" id="file" accept=".xlsx" required>
                    <button type="submit" id="upload">上传并检查</button>
                    <a class="button secondary" href="{}/template.xlsx">下载本校模板</a>
                  </div>
                </form>
                </div>""", base, PageChrome.csrf(csrf), PageChrome.size(submissions.maxBytes()),
                Html.when(late, Html.of("<p class=\"flash error\" id=\"late-note\">已过截止日期 {}，"
                        + "现在上传的报表将标记为逾期。</p>", c.deadline())), base);
    }

    /** What the school does now, in one sentence, for each status. */
    static String nextStep(ReportStatus status) {
        return switch (status) {
            case NOT_REPORTED -> "下载本校模板，填好后在下方上传。";
            case ERRORS -> "按下方“检查结果”逐项改正错误，然后重新上传。";
            case NEEDS_EXPLANATION -> "在下方为每条警告填写说明并保存；如数据有误，改正后重新上传。";
            case SUBMITTED -> "无需操作，等待教育局审核；审核结果会显示在本页。";
            case AWAITING_FIRST -> "无需操作，等待学区（乡镇）初审，再由县教育局终审；结果会显示在本页。";
            case FIRST_APPROVED -> "无需操作，学区已初审，等待县教育局终审。";
            case RETURNED -> "按教育局的退回原因修改报表，然后重新上传。";
            case APPROVED -> "无需操作，本次报送已完成。";
            case REOPENED -> "按教育局说明的原因修改报表，然后重新上传。";
        };
    }

    /**
     * The bureau's last word on the school's newest version: approved, sent back (with the
     * reason) or reopened. Nothing once a newer version is in: that one awaits review.
     */
    private static Html reviewNote(SchoolState st) {
        Optional<ReviewRow> r = st.latestReview();
        if (r.isEmpty() || st.latest().map(v -> v.id() != r.get().versionId()).orElse(true)) {
            return Html.EMPTY;
        }
        ReviewRow review = r.get();
        int no = st.latest().map(VersionRow::no).orElse(0);
        String reason = review.reason().strip();
        String stop = reason.matches(".*[。！？.!?]$") ? "" : "。";
        if (review.approved()) {
            return Html.of("<div class=\"flash ok\" id=\"review\">教育局已于 {} 审核通过第 {} 版。</div>",
                    PageChrome.time(review.at()), no);
        }
        if (ReturnStore.FIRST_APPROVE.equals(review.decision())) {
            return Html.of("<div class=\"flash ok\" id=\"review\">学区（乡镇）已于 {} 初审通过第 {} 版，"
                    + "等待县教育局终审。</div>", PageChrome.time(review.at()), no);
        }
        String what = review.reopened() ? "撤销了第 {} 版的审核通过" : "退回了第 {} 版";
        return Html.of("<div class=\"flash error\" id=\"review\">教育局于 {} " + what
                + "，原因：<b id=\"return-reason\">{}</b>{}请修改后重新上传。</div>",
                PageChrome.time(review.at()), no, reason, stop);
    }

    private static Html latestSection(VersionRow v, ReportStatus status, String base,
            String csrf) {
        List<Finding> findings = v.validation().findings();
        List<Finding> open = findings.stream().filter(Finding::isUnexplainedWarning).toList();
        Html explainForm = Html.when(!open.isEmpty() && v.errors() == 0, Html.of("""
                <h2>请对以下警告填写说明</h2>
                <p class="muted">每条说明至少 6 个字；也可以在工作簿的“校验”表“说明”列填写后重新上传。</p>
                <form class="card" method="post" action="{}/explain">
                  {}<input type="hidden" name="version" value="{}">
                  {}
                  <div class="actions">
                    <button type="submit" id="save-explanations">保存说明</button></div>
                </form>""", base, Html.raw(csrfField(csrf)), v.no(),
                Html.each(open, f -> Html.of("""
                  <label for="x-{}">{} <span class="cell">{}</span></label>
                  <textarea id="x-{}" name="explain.{}" data-rule="{}"></textarea>""",
                f.ruleId(), f.message(), f.cell().map(Object::toString).orElse(""), f.ruleId(),
                f.ruleId(), f.ruleId()))));
        String headline = switch (v.verdict()) {
            case REJECTED -> "第 " + v.no() + " 版有 " + v.errors() + " 个错误，未被接受。"
                    + "请按下表逐项修改后重新上传。";
            case PENDING -> "第 " + v.no() + " 版没有错误，但有警告需要说明。";
            case ACCEPTED -> "第 " + v.no() + " 版检查无错误，已交教育局。";
        };
        // One colour per page: the check's box takes the status's colour, so a returned
        // version never shows a green box beside its red 已退回.
        return Html.of("""
                <h2>最近一次上传的检查结果</h2>
                <p id="verdict" class="flash s-{}">{}</p>{}{}""",
                v.verdict() == Verdict.REJECTED ? ReportStatus.ERRORS.key() : status.key(),
                headline,
                ReturnView.findings(findings), explainForm);
    }

    private static String csrfField(String token) {
        return PageChrome.csrf(token).toString();
    }

    private Reply upload(SchoolRequest r) {
        SchoolRow school = r.school();
        UploadedFile f = r.ctx().uploadedFile("file");
        if (f == null) {
            throw new HttpProblem(400, "没有收到文件，请选择填好的报表（.xlsx）再上传");
        }
        byte[] bytes = Forms.read(f, submissions.maxBytes());
        Submissions.Stored stored;
        try {
            stored = submissions.submit(r.collection(), school,
                    Submissions.safeName(f.filename()), bytes, "学校:" + school.code(), "web");
        } catch (HttpProblem e) {
            return page(r, Optional.of(e.getMessage()), e.details()).withStatus(e.status());
        }
        return Reply.redirect(r.base() + "?uploaded=" + stored.version().no());
    }

    private Reply explain(SchoolRequest r) {
        SchoolRow school = r.school();
        SchoolState st = returns.state(school);
        VersionRow v = ReturnView.version(st, r.form("version"));
        Map<String, String> texts = new LinkedHashMap<>();
        r.ctx().formParamMap().forEach((k, vals) -> {
            if (k.startsWith(EXPLAIN_PREFIX) && !vals.isEmpty()) {
                texts.put(k.substring(EXPLAIN_PREFIX.length()), vals.get(0));
            }
        });
        try {
            submissions.explain(school, v, texts, "学校:" + school.code());
        } catch (HttpProblem e) {
            return page(r, Optional.of(e.getMessage()), e.details()).withStatus(e.status());
        }
        return Reply.redirect(r.base() + "?explained=" + v.no());
    }

    private Reply template(SchoolRequest r) {
        CollectionRow c = r.collection();
        School school = r.school().toSchool();
        Collection collection = engine.collection(c.standardId());
        return Reply.xlsx(EngineFacade.templateName(collection, c.period(), school),
                engine.template(collection, c.period(), school));
    }
}

package org.huizong.server.staff;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huizong.engine.report.FlatTable;
import org.huizong.engine.roster.RosterReader.Contact;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.Notifier;
import org.huizong.server.returns.ReturnView;
import org.huizong.server.store.AccountStore.User;
import org.huizong.server.store.Audit;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.ChaseStore;
import org.huizong.server.store.ChaseStore.Reminder;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
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

/**
 * 催报: the schools still owing a usable return (未报, 有错误, 待说明, 已退回, 已撤销通过) with
 * their contacts, township, status and last upload; as a page, an xlsx, a printable notice
 * (催报通知), and reminders through the {@link Notifier}.
 */
final class ChasePages implements RouteGroup {
    /** The statuses a school is chased for: nothing the county can count has come in. */
    static final Set<ReportStatus> OWING = EnumSet.of(ReportStatus.NOT_REPORTED,
            ReportStatus.ERRORS, ReportStatus.NEEDS_EXPLANATION, ReportStatus.RETURNED,
            ReportStatus.REOPENED);
    private final CollectionStore collections;
    private final ReturnStore returns;
    private final ChaseStore chase;
    private final Notifier notifier;
    private final BureauStore bureau;
    private final Audit audit;
    private final Clock clock;

    ChasePages(CollectionStore collections, ReturnStore returns, ChaseStore chase,
            Notifier notifier, BureauStore bureau, Audit audit, Clock clock) {
        this.clock = clock;
        this.collections = collections;
        this.returns = returns;
        this.chase = chase;
        this.notifier = notifier;
        this.bureau = bureau;
        this.audit = audit;
    }

    @Override
    public void register(Routes r) {
        // A township reviewer chases its own schools: owing() keeps only those.
        r.collection(GET, "/collections/{id}/chase", Guard.REVIEWER, this::page);
        r.collection(GET, "/collections/{id}/chase/notice", Guard.REVIEWER, this::notice);
        r.collection(GET, "/collections/{id}/chase.xlsx", Guard.REVIEWER, this::xlsx);
        r.collection(POST, "/collections/{id}/chase/remind", Guard.REVIEWER, this::remind);
    }

    /** One school to chase: its state, contact and latest reminder. */
    private record Owing(SchoolState state, Contact contact, Optional<Reminder> reminded) {
    }

    /** The schools owing a return that {@code user} sees (a reviewer: its townships'). */
    private List<Owing> owing(User user, CollectionRow c) {
        Map<Long, Contact> contacts = chase.contacts(c.id());
        Map<Long, Reminder> reminders = chase.lastReminders(c.id());
        List<Owing> out = new ArrayList<>();
        for (SchoolState st : ReviewLevels.visible(user,
                returns.states(c.id(), collections.schools(c.id())))) {
            if (OWING.contains(st.status())) {
                long id = st.school().id();
                out.add(new Owing(st, contacts.getOrDefault(id, Contact.NONE),
                        Optional.ofNullable(reminders.get(id))));
            }
        }
        return out;
    }

    /** 已过截止日期 3 天 / 距截止日期还有 2 天 / 今天截止. */
    private String overdue(CollectionRow c) {
        return Cycle.deadlineDay(c).map(d -> {
            long days = ChronoUnit.DAYS.between(d, today());
            return days > 0 ? "已过截止日期 " + days + " 天" : days == 0 ? "今天截止"
                    : "距截止日期还有 " + -days + " 天";
        }).orElse("截止日期 " + c.deadline());
    }

    /** Today in Beijing, by the server's clock (as Cycle.pastDeadline reads it). */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Cycle.ZONE);
    }

    private Reply page(StaffRequest s, CollectionRow c) {
        List<Owing> owing = owing(s.session().user(), c);
        Html rows = Html.each(owing, o -> {
            SchoolState st = o.state();
            VersionRow v = st.latest().orElse(null);
            return Html.of("""
                    <tr data-code="{}"><td><input type="checkbox" name="code" value="{}"
                      aria-label="选择{}"></td>
                    <td><a href="/collections/{}/schools/{}">{}</a></td><td>{}</td><td>{}{}</td>
                    <td>{}</td><td>{}</td><td>{}</td><td class="reminded">{}</td></tr>""",
                    st.school().code(), st.school().code(), st.school().name(), c.id(),
                    st.school().code(), st.school().name(), st.school().township(),
                    PageChrome.badge(st.status()), ReturnView.lateMark(c, Optional.ofNullable(v)),
                    v == null ? "" : PageChrome.time(v.uploadedAt()), o.contact().person(),
                    o.contact().phone(), o.reminded().map(r -> "已提醒 "
                            + PageChrome.time(r.sentAt())).orElse(""));
        });
        Optional<String> flash = Optional.ofNullable(s.ctx().queryParam("reminded"))
                .map(n -> "已记录 " + n + " 所学校的催报提醒，请按联系电话通知学校。");
        Html body = Html.of("""
                <p class="noprint"><a href="/collections/{}">← 返回看板</a></p>
                <h1>催报：{}</h1>
                <p class="muted">截止 {} · <b id="overdue">{}</b> · 尚缺 <b id="owing-count">{}</b>\
                 所学校的可用报表（未报、有错误、待说明、已退回、已撤销通过）</p>
                {}
                <div class="actions noprint">
                  <a class="button" href="/collections/{}/chase.xlsx" id="chase-xlsx">
                    导出催报名单（xlsx）</a>
                  <a class="button secondary" href="/collections/{}/chase/notice" id="chase-notice">
                    打印催报通知</a>
                </div>
                <form method="post" action="/collections/{}/chase/remind" id="remind-form">
                  {}
                  <div class="table-scroll"><table id="chase"><tr><th></th><th>学校</th>
                  <th>乡镇</th><th>状态</th><th>最近上传</th><th>联系人</th><th>联系电话</th>
                  <th>提醒</th></tr>{}</table></div>
                  <div class="actions noprint">
                    <button type="submit" class="secondary" id="remind-selected">
                      记录所选学校已提醒</button>
                    <button type="submit" name="all" value="1" class="secondary"
                      id="remind-all">记录全部 {} 所已提醒</button>
                  </div>
                  <p class="muted noprint">提醒保存在系统的提醒记录中（发件箱），并记入操作日志；\
                  请按联系电话打电话或发短信通知学校。</p>
                </form>""",
                c.id(), c.title(), c.deadline(), overdue(c), owing.size(),
                PageChrome.flash(flash, Optional.empty(), List.of()), c.id(), c.id(), c.id(),
                s.csrfField(), rows, owing.size());
        return s.page("催报：" + c.title(), body);
    }

    private Reply notice(StaffRequest s, CollectionRow c) {
        List<Owing> owing = owing(s.session().user(), c);
        String unit = bureau.get().map(BureauStore.Bureau::name).orElse("本局");
        String contact = bureau.get().filter(b -> !b.contact().isBlank())
                .map(b -> "如有问题请联系教育局，" + b.contactLine() + "。").orElse("");
        Html rows = Html.each(owing, o -> Html.of(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                o.state().school().name(), o.state().school().township(),
                o.state().status().label(), o.contact().person(), o.contact().phone()));
        Html body = Html.of("""
                <div class="notice" id="notice">
                <p class="noprint"><a href="/collections/{}/chase">← 返回催报</a>
                  <button type="button" data-print>打印</button></p>
                <h1 class="notice-title">催报通知</h1>
                <p>各有关学校：</p>
                <p class="notice-text">“{}”的截止日期为 {}（{}）。截至 {}，下列 {} 所学校尚未报送\
                可用的报表（未报、有错误、待说明或被退回）。请以上学校抓紧按要求填报、修改或填写说明，\
                并尽快通过本校的上传页面报送。{}</p>
                <table id="notice-list"><tr><th>学校</th><th>乡镇</th><th>状态</th><th>联系人</th>
                <th>联系电话</th></tr>{}</table>
                <p class="notice-sign">{}<br>{}</p>
                </div>""",
                c.id(), c.title(), c.deadline(), overdue(c),
                PageChrome.time(clock.millis()), owing.size(), contact, rows, unit,
                today());
        return s.page("催报通知", body);
    }

    private Reply xlsx(StaffRequest s, CollectionRow c) {
        List<String> header = List.of("学校标识码", "学校名称", "所在乡镇", "学校类型", "状态",
                "最近上传", "逾期", "联系人", "联系电话", "已提醒");
        List<List<Object>> rows = new ArrayList<>();
        for (Owing o : owing(s.session().user(), c)) {
            SchoolState st = o.state();
            VersionRow v = st.latest().orElse(null);
            rows.add(List.of(st.school().code(), st.school().name(), st.school().township(),
                    st.school().type(), st.status().label(),
                    v == null ? "" : PageChrome.time(v.uploadedAt()),
                    v != null && Cycle.late(c, v) ? "逾期" : "", o.contact().person(),
                    o.contact().phone(),
                    o.reminded().map(r -> PageChrome.time(r.sentAt())).orElse("")));
        }
        audit.record(s.username(), "download.chase", c.id(), null, rows.size() + " 所学校");
        String title = bureau.get().map(b -> b.name() + " ").orElse("") + c.title()
                + " 催报名单（截止 " + c.deadline() + "，" + overdue(c) + "；"
                + PageChrome.time(clock.millis()) + " 导出）";
        return Reply.xlsx(c.title() + "-催报名单.xlsx",
                FlatTable.of("催报名单", header, rows).titled(title).toXlsx());
    }

    private Reply remind(StaffRequest s, CollectionRow c) {
        boolean all = "1".equals(s.ctx().formParam("all"));
        List<String> codes = s.ctx().formParams("code");
        List<Owing> chosen = owing(s.session().user(), c).stream()
                .filter(o -> all || codes.contains(o.state().school().code())).toList();
        if (chosen.isEmpty()) {
            throw new HttpProblem(422, "没有选择要提醒的学校；请勾选学校，或点“记录全部已提醒”");
        }
        String contact = bureau.get().filter(b -> !b.contact().isBlank())
                .map(b -> "如有问题请联系教育局" + b.contactLine() + "。").orElse("");
        for (Owing o : chosen) {
            String message = o.state().school().name() + "：“" + c.title() + "”的截止日期为 "
                    + c.deadline() + "，贵校目前的状态是“" + o.state().status().label()
                    + "”，请尽快处理并报送。" + contact;
            notifier.remind(s.username(), o.state().school(), o.contact(), message);
        }
        return Reply.redirect("/collections/" + c.id() + "/chase?reminded=" + chosen.size());
    }
}

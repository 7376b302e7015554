package org.huizong.server.staff;

import static io.javalin.http.HandlerType.POST;

import java.util.List;
import org.huizong.server.store.AccountStore.User;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.web.Guard;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/**
 * Approves many clean returns at once (批量通过): only schools whose latest upload has no errors,
 * every warning explained, and that wait for this user's decision ({@link ReviewLevels#awaits}:
 * a reviewer's 待初审, which it passes as 初审; the county's 已报送待审核 or 已初审待终审, which
 * it approves finally). The first request shows what will be approved; only the confirmed second
 * one approves, each school audited on its own. Anything already approved, sent back, reopened
 * or replaced since is left alone, as the review page would; a reviewer's batch holds only its
 * own townships' schools, whatever codes the form sends.
 */
final class BatchApproval implements RouteGroup {
    private final CollectionStore collections;
    private final ReturnStore returns;

    BatchApproval(CollectionStore collections, ReturnStore returns) {
        this.collections = collections;
        this.returns = returns;
    }

    @Override
    public void register(Routes r) {
        r.collection(POST, "/collections/{id}/approve-batch", Guard.REVIEWER, this::approve);
    }

    /** Whether {@code user} may approve a school's return in a batch: it awaits them, clean. */
    static boolean clean(User user, SchoolState st) {
        return ReviewLevels.awaits(user, st)
                && st.latest().equals(st.latestAccepted())
                && st.latest().map(v -> v.errors() == 0).orElse(false);
    }

    private Reply approve(StaffRequest s, CollectionRow c) {
        boolean all = "1".equals(s.ctx().formParam("all"));
        List<String> codes = s.ctx().formParams("code");
        User user = s.session().user();
        List<SchoolState> chosen = ReviewLevels.visible(user,
                        returns.states(c.id(), collections.schools(c.id()))).stream()
                .filter(st -> clean(user, st))
                .filter(st -> all || codes.contains(st.school().code())).toList();
        if (chosen.isEmpty()) {
            throw new HttpProblem(422, "没有可批量通过的报表：只能通过无错误、警告均已说明、等待您审核的报表；"
                    + "请勾选状态为“" + (user.scoped() ? "待初审" : "已报送待审核”或“已初审待终审")
                    + "”的学校");
        }
        if (!"1".equals(s.ctx().formParam("confirmed"))) {
            return confirm(s, c, chosen);
        }
        for (SchoolState st : chosen) {
            VersionRow v = st.latestAccepted().orElseThrow();
            returns.review(s.username(), st.school(), v,
                    user.scoped() ? ReturnStore.FIRST_APPROVE : ReturnStore.APPROVE, "");
        }
        return Reply.redirect("/collections/" + c.id() + "?approved=" + chosen.size());
    }

    private Reply confirm(StaffRequest s, CollectionRow c, List<SchoolState> chosen) {
        boolean first = s.session().user().scoped();
        Html items = Html.each(chosen, st -> Html.of("""
                <li>{}（{}）第 {} 版，警告 {} 条均已说明
                <input type="hidden" name="code" value="{}"></li>""", st.school().name(),
                st.school().township(), st.latestAccepted().orElseThrow().no(),
                st.latestAccepted().orElseThrow().warnings(), st.school().code()));
        Html body = Html.of("""
                <p class="noprint"><a href="/collections/{}">← 返回看板</a></p>
                <h1>批量{}：{} 所学校</h1>
                <p>以下报表没有错误，警告均已说明，等待您审核。{}每所学校的通过都记入操作日志。</p>
                <form method="post" action="/collections/{}/approve-batch" id="batch-confirm">
                  {}<input type="hidden" name="confirmed" value="1">
                  <ol id="batch-list">{}</ol>
                  <div class="actions"><button type="submit" id="batch-confirm-button">
                    确认{}这 {} 所学校</button>
                  <a class="button secondary" href="/collections/{}">取消</a></div>
                </form>""", c.id(), first ? "初审通过" : "审核通过", chosen.size(),
                first ? "初审通过后由县教育局终审。"
                        : "通过后学校不能再上传新版本，如需修改须由教育局撤销通过。",
                c.id(), s.csrfField(), items, first ? "初审通过" : "通过", chosen.size(), c.id());
        return s.page(first ? "批量初审通过" : "批量审核通过", body);
    }
}

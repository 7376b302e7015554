package org.huizong.server.staff;

import static io.javalin.http.HandlerType.POST;

import java.util.List;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CollectionStore.CollectionRow;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.web.Html;
import org.huizong.server.web.HttpProblem;
import org.huizong.server.web.Reply;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffRequest;

/**
 * Approves many clean returns at once (批量通过): only schools whose latest upload has no errors,
 * every warning explained, and no review yet (已报送待审核). The first request shows what will
 * be approved; only the confirmed second one approves, each school audited on its own. Anything
 * already approved, sent back, reopened or replaced since is left alone, as the review page would.
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
        r.collection(POST, "/collections/{id}/approve-batch", this::approve);
    }

    /** Whether a school's return may be approved in a batch: 已报送待审核, its latest accepted. */
    static boolean clean(SchoolState st) {
        return st.status() == ReportStatus.SUBMITTED
                && st.latest().equals(st.latestAccepted())
                && st.latest().map(v -> v.errors() == 0).orElse(false);
    }

    private Reply approve(StaffRequest s, CollectionRow c) {
        boolean all = "1".equals(s.ctx().formParam("all"));
        List<String> codes = s.ctx().formParams("code");
        List<SchoolState> chosen = returns.states(c.id(), collections.schools(c.id())).stream()
                .filter(BatchApproval::clean)
                .filter(st -> all || codes.contains(st.school().code())).toList();
        if (chosen.isEmpty()) {
            throw new HttpProblem(422, "没有可批量通过的报表：只能通过无错误、警告均已说明、尚未审核的报表；"
                    + "请勾选状态为“已报送待审核”的学校");
        }
        if (!"1".equals(s.ctx().formParam("confirmed"))) {
            return confirm(s, c, chosen);
        }
        for (SchoolState st : chosen) {
            VersionRow v = st.latestAccepted().orElseThrow();
            returns.review(s.username(), st.school(), v, ReturnStore.APPROVE, "");
        }
        return Reply.redirect("/collections/" + c.id() + "?approved=" + chosen.size());
    }

    private Reply confirm(StaffRequest s, CollectionRow c, List<SchoolState> chosen) {
        Html items = Html.each(chosen, st -> Html.of("""
                <li>{}（{}）第 {} 版，警告 {} 条均已说明
                <input type="hidden" name="code" value="{}"></li>""", st.school().name(),
                st.school().township(), st.latestAccepted().orElseThrow().no(),
                st.latestAccepted().orElseThrow().warnings(), st.school().code()));
        Html body = Html.of("""
                <p class="noprint"><a href="/collections/{}">← 返回看板</a></p>
                <h1>批量审核通过：{} 所学校</h1>
                <p>以下报表没有错误，警告均已说明，尚未审核。通过后学校不能再上传新版本，\
                如需修改须由教育局撤销通过。每所学校的通过都记入操作日志。</p>
                <form method="post" action="/collections/{}/approve-batch" id="batch-confirm">
                  {}<input type="hidden" name="confirmed" value="1">
                  <ol id="batch-list">{}</ol>
                  <div class="actions"><button type="submit" id="batch-confirm-button">
                    确认通过这 {} 所学校</button>
                  <a class="button secondary" href="/collections/{}">取消</a></div>
                </form>""", c.id(), chosen.size(), c.id(), s.csrfField(), items, chosen.size(),
                c.id());
        return s.page("批量审核通过", body);
    }
}

package org.huizong.server.staff;

import java.util.List;
import org.huizong.server.store.AccountStore.User;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.ReturnStore.SchoolState;
import org.huizong.server.web.HttpProblem;

/**
 * Two-level review (学校 → 学区/乡镇 → 县, as DHIS2's approval levels): who may decide what on a
 * return. A reviewer (审核员) is scoped to townships: it sees only their schools, passes a clean
 * return at the first level (初审通过) or sends it back (退回), and can neither approve finally
 * nor reopen. County staff approve finally (终审); in a township with an active reviewer only
 * after the reviewer's 初审, though they may send back at any time. A township without a reviewer
 * keeps the single level: the county's 通过 is final at once. Only the county's approval counts
 * in the approved-only book.
 *
 * <p>撤销通过 stays the county's: it reopens a finally approved return for the school. The
 * reopened version, or the school's next upload, goes through both levels again, because the
 * county's approval needs the reviewer's 初审 to be the latest word on that version.
 */
final class ReviewLevels {
    private ReviewLevels() {
    }

    /** The schools {@code user} may see: a reviewer's townships, or all for county staff. */
    static List<SchoolState> visible(User user, List<SchoolState> states) {
        return states.stream().filter(st -> user.sees(st.school().township())).toList();
    }

    /**
     * Whether the return waits for {@code user}'s decision: a reviewer's 待初审, the county's
     * 已报送待审核 (single level) or 已初审待终审.
     */
    static boolean awaits(User user, SchoolState st) {
        return user.scoped() ? st.status() == ReportStatus.AWAITING_FIRST
                : st.status() == ReportStatus.SUBMITTED
                        || st.status() == ReportStatus.FIRST_APPROVED;
    }

    /** The word for {@code user}'s approval on the page: 初审通过, 终审通过 or 通过. */
    static String approveWord(User user, SchoolState st) {
        return user.scoped() ? "初审通过" : st.twoLevel() ? "终审通过" : "通过";
    }

    /**
     * The decision to record when {@code user} asks for {@code requested} ({@code approve},
     * {@code return} or {@code reopen}, as the review form sends it) on the latest accepted
     * version {@code versionNo} of a school in state {@code st}.
     *
     * @throws HttpProblem 403 or 409 with the reason in the clerk's words when not allowed
     */
    static String decide(User user, SchoolState st, String requested, int versionNo) {
        ReportStatus status = st.status();
        String version = "第 " + versionNo + " 版";
        if (ReturnStore.REOPEN.equals(requested)) {
            if (user.scoped()) {
                throw new HttpProblem(403, "撤销通过只能由县教育局操作");
            }
            if (status != ReportStatus.APPROVED) {
                throw new HttpProblem(409, version + "没有审核通过，无需撤销；请刷新页面");
            }
            return ReturnStore.REOPEN;
        }
        if (status == ReportStatus.APPROVED) {
            throw new HttpProblem(409, user.scoped() ? version + "已由县教育局终审通过，审核员不能再更改"
                    : version + "已审核通过；如需退回，请先撤销通过");
        }
        if (ReturnStore.RETURN.equals(requested)) {
            return ReturnStore.RETURN;
        }
        if (user.scoped()) {
            if (status == ReportStatus.FIRST_APPROVED) {
                throw new HttpProblem(409, version + "已初审通过，正等待县教育局终审");
            }
            return ReturnStore.FIRST_APPROVE;
        }
        if (st.twoLevel() && status != ReportStatus.FIRST_APPROVED) {
            throw new HttpProblem(409, "该学校须先经学区（乡镇）初审，初审通过后县教育局才能终审；"
                    + "如有问题可以退回");
        }
        return ReturnStore.APPROVE;
    }

    /** The status as one sentence for the review page: where the return is and who acts next. */
    static String statusLine(SchoolState st) {
        return switch (st.status()) {
            case AWAITING_FIRST -> "等待学区（乡镇）审核员初审，初审通过后由县教育局终审";
            case FIRST_APPROVED -> "学区已初审，等待县教育局终审";
            case APPROVED -> st.twoLevel() ? "县教育局已终审通过，计入汇总" : "已审核通过，计入汇总";
            case SUBMITTED -> "已报送，等待县教育局审核";
            case RETURNED -> "已退回学校，等待学校修改后重新上传";
            case REOPENED -> "县教育局已撤销通过，等待学校重新上传";
            case NOT_REPORTED -> "尚未报送";
            case ERRORS -> "最新上传有错误，等待学校修改";
            case NEEDS_EXPLANATION -> "有警告尚未说明，等待学校填写说明";
        };
    }
}

package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.huizong.engine.model.Value;
import org.huizong.server.WebClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two-level review over real HTTP, once per database (subclasses say which): a reviewer (审核员)
 * scoped to 东城镇 sees and first-approves (初审) only its schools, is refused every other
 * school and the county's pages with a Chinese 403, and the county approves finally (终审) only
 * after it; 西河镇, without a reviewer, keeps the single level. Each test makes its own
 * collection and reviewer, so tests do not depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoLevelReviewTest {
    static final String TOWN = "东城镇";
    private static final String REVIEWER_PASSWORD = "shenhe-2024-pass";
    private HuizongServer.Handle server;
    private String adminPassword;
    private int reviewers;
    /** The link secrets of the last collection made, by school code. */
    private Map<String, String> secrets = Map.of();

    abstract ServerConfig config(Path dataDir) throws Exception;

    void stopDatabase() throws Exception {
    }

    @BeforeAll
    void start() throws Exception {
        server = HuizongServer.start(config(Files.createTempDirectory("huizong-levels")));
        adminPassword = server.initialAdminPassword().orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
        stopDatabase();
    }

    private WebClient signIn(String user, String password) {
        WebClient c = new WebClient(server.baseUrl());
        Response login = c.get("/login");
        Response r = c.postForm("/login", Map.of("username", user, "password", password,
                "_csrf", login.csrf()));
        assertThat(r.status()).as("sign-in of " + user).isEqualTo(303);
        return c;
    }

    /** A collection of the four fixture schools (three in 东城镇, one in 西河镇), all uploaded. */
    private long collectionWithUploads(WebClient admin) {
        long id = ServerFlowTest.createCollection(admin, "2024H1");
        assertThat(ServerFlowTest.importRoster(admin, id, "schools.csv", Fixtures.rosterCsv())
                .status()).isEqualTo(303);
        secrets = ServerFlowTest.issueLinks(admin, id);
        WebClient school = new WebClient(server.baseUrl());
        for (String code : Fixtures.CODES) {
            assertThat(ServerFlowTest.upload(school, secrets.get(code), code + ".xlsx",
                    Fixtures.validReturn(code)).status()).isEqualTo(303);
        }
        return id;
    }

    /** The admin creates a reviewer for 东城镇 on 账号管理; returns its user name. */
    private String createReviewer(WebClient admin) {
        String name = "dongcheng" + (++reviewers);
        String csrf = admin.get("/users").csrf();
        Response created = admin.postForm("/users", Map.of("_csrf", csrf, "username", name,
                "display", "东城学区审核员", "password", REVIEWER_PASSWORD, "township", TOWN));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(admin.get("/users").body()).contains("审核员（东城镇）");
        return name;
    }

    private static Response review(WebClient c, long id, String code, String decision,
            String reason) {
        Response page = c.get("/collections/" + id + "/schools/" + code);
        assertThat(page.status()).isEqualTo(200);
        return c.postForm("/collections/" + id + "/schools/" + code + "/review", Map.of(
                "_csrf", page.csrf(), "version", "1", "decision", decision, "reason", reason));
    }

    private static String status(WebClient c, long id, String code) {
        String body = c.get("/collections/" + id + "/schools/" + code).body();
        int at = body.indexOf("id=\"status\">");
        return body.substring(at, body.indexOf("</p>", at));
    }

    @Test
    void aReviewerSeesAndFirstApprovesOnlyItsTownshipAndTheCountyApprovesAfterIt() {
        WebClient admin = signIn("admin", adminPassword);
        long id = collectionWithUploads(admin);
        String csrf = admin.get("/users").csrf();
        Response unknown = admin.postForm("/users", Map.of("_csrf", csrf, "username",
                "nowhere", "display", "某审核员", "password", REVIEWER_PASSWORD, "township",
                "不存在乡"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("名单中没有乡镇“不存在乡”");
        WebClient reviewer = signIn(createReviewer(admin), REVIEWER_PASSWORD);

        Response dash = reviewer.get("/collections/" + id);
        assertThat(dash.status()).isEqualTo(200);
        assertThat(dash.body()).contains("data-code=\"" + Fixtures.KINDERGARTEN + "\"")
                .contains("data-code=\"" + Fixtures.PRIMARY + "\"")
                .doesNotContain(Fixtures.MIDDLE).doesNotContain("西河镇初级中学")
                .contains("id=\"stat-first-pending\"").contains("待初审")
                .doesNotContain("下载汇总工作簿");

        Response early = review(admin, id, Fixtures.KINDERGARTEN, "approve", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("该学校须先经学区（乡镇）初审");

        assertThat(review(reviewer, id, Fixtures.KINDERGARTEN, "approve", "").status())
                .isEqualTo(303);
        assertThat(status(reviewer, id, Fixtures.KINDERGARTEN)).contains("已初审待终审")
                .contains("学区已初审，等待县教育局终审");
        assertThat(admin.get("/collections/" + id + "/schools/" + Fixtures.KINDERGARTEN).body())
                .as("the versions table names the 初审").contains("已初审（dongcheng")
                .doesNotContain("已退回（");
        String schoolPage = new WebClient(server.baseUrl())
                .get("/s/" + secrets.get(Fixtures.KINDERGARTEN)).body();
        assertThat(schoolPage).as("the school's own page").contains("已初审待终审")
                .contains("学区已初审，等待县教育局终审").contains("初审通过第 1 版")
                .doesNotContain("退回了");
        assertThat(new WebClient(server.baseUrl()).get("/s/" + secrets.get(Fixtures.MIDDLE))
                .body()).contains("等待教育局审核").doesNotContain("初审");
        Response again = review(reviewer, id, Fixtures.KINDERGARTEN, "approve", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("已初审通过，正等待县教育局终审");
        assertThat(review(reviewer, id, Fixtures.PRIMARY, "return", "").status())
                .as("退回 needs a reason").isEqualTo(422);
        assertThat(review(reviewer, id, Fixtures.PRIMARY, "return", "在校生数与上年差别太大，请核实")
                .status()).isEqualTo(303);
        assertThat(status(admin, id, Fixtures.PRIMARY)).contains("已退回");
        Response reopen = review(reviewer, id, Fixtures.KINDERGARTEN, "reopen", "试试");
        assertThat(reopen.status()).isEqualTo(403);
        assertThat(reopen.body()).contains("撤销通过只能由县教育局操作");

        Response county = admin.get("/collections/" + id);
        assertThat(county.body()).contains("id=\"stat-first-approved\"")
                .contains(Fixtures.MIDDLE);
        assertThat(status(admin, id, Fixtures.KINDERGARTEN)).contains("已初审待终审");
        assertThat(review(admin, id, Fixtures.KINDERGARTEN, "approve", "").status())
                .isEqualTo(303);
        assertThat(status(admin, id, Fixtures.KINDERGARTEN)).contains("已通过")
                .contains("县教育局已终审通过");
        Response late = review(reviewer, id, Fixtures.KINDERGARTEN, "return", "再看看");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("已由县教育局终审通过");
        assertThat(review(admin, id, Fixtures.MIDDLE, "approve", "").status())
                .as("西河镇 has no reviewer: one level").isEqualTo(303);
        assertThat(status(admin, id, Fixtures.MIDDLE)).contains("已通过");

        String audit = admin.get("/collections/" + id + "/audit").body();
        assertThat(audit).contains("初审通过（学区、乡镇）").contains("终审通过（县教育局）")
                .contains("退回").contains("在校生数与上年差别太大")
                .doesNotContain("return.first_approve").doesNotContain("return.final_approve");
        assertThat(admin.get("/audit").body()).contains("审核员，负责 东城镇");
    }

    @Test
    void aReviewerIsRefusedOtherSchoolsAndTheCountysPagesInChinese() throws IOException {
        WebClient admin = signIn("admin", adminPassword);
        long id = collectionWithUploads(admin);
        WebClient reviewer = signIn(createReviewer(admin), REVIEWER_PASSWORD);
        String base = "/collections/" + id;
        for (String path : List.of(base + "/schools/" + Fixtures.MIDDLE,
                base + "/schools/" + Fixtures.MIDDLE + "/versions/1/file")) {
            Response r = reviewer.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).contains("无权查看该学校").doesNotContain("西河镇初级中学")
                    .doesNotContain("Forbidden");
        }
        String csrf = reviewer.get(base).csrf();
        Response tampered = reviewer.postForm(base + "/schools/" + Fixtures.MIDDLE + "/review",
                Map.of("_csrf", csrf, "version", "1", "decision", "approve", "reason", ""));
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.body()).contains("无权查看该学校");
        for (String path : List.of(base + "/consolidated.xlsx?scope=accepted", base + "/audit",
                "/audit", base + "/links", base + "/status.xlsx", "/collections/new")) {
            Response r = reviewer.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).contains("审核员只能查看和审核所负责学区（乡镇）的学校");
        }
        assertThat(reviewer.get("/users").status()).isEqualTo(403);
        assertThat(reviewer.postForm(base + "/close", Map.of("_csrf", csrf)).status())
                .isEqualTo(403);

        // Batch 初审 takes only the reviewer's schools, whatever codes the form sends.
        Response batch = reviewer.postForm(base + "/approve-batch", Map.of("_csrf", csrf,
                "all", "1", "confirmed", "1", "code", Fixtures.MIDDLE));
        assertThat(batch.status()).as(batch.body()).isEqualTo(303);
        assertThat(status(admin, id, Fixtures.MIDDLE)).contains("已报送待审核");
        assertThat(status(admin, id, Fixtures.KINDERGARTEN)).contains("已初审待终审");

        Response zip = reviewer.get(base + "/returns.zip");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(entries(zip.bytes())).isNotEmpty()
                .allMatch(e -> e.startsWith("3134000001") || e.startsWith("3134000025")
                        || e.startsWith("3134000026"));
        Response chase = reviewer.get(base + "/chase");
        assertThat(chase.status()).isEqualTo(200);
        assertThat(chase.body()).doesNotContain(Fixtures.MIDDLE);
        assertThat(reviewer.get("/account").status()).isEqualTo(200);
        assertThat(reviewer.get("/collections").body()).contains("您是审核员，负责 东城镇")
                .doesNotContain("新建任务");
    }

    @Test
    void onlyTheCountysFinalApprovalCountsAndANewUploadGoesBackToTheFirstLevel() {
        WebClient admin = signIn("admin", adminPassword);
        long id = collectionWithUploads(admin);
        WebClient reviewer = signIn(createReviewer(admin), REVIEWER_PASSWORD);
        String base = "/collections/" + id;
        String csrf = reviewer.get(base).csrf();
        assertThat(reviewer.postForm(base + "/approve-batch", Map.of("_csrf", csrf, "all", "1",
                "confirmed", "1")).status()).isEqualTo(303);
        for (String code : List.of(Fixtures.KINDERGARTEN, Fixtures.WARNING_SCHOOL,
                Fixtures.PRIMARY)) {
            assertThat(status(admin, id, code)).as(code).contains("已初审待终审");
        }
        // The county finalises two of them; the third stays 已初审 and is not counted.
        for (String code : List.of(Fixtures.KINDERGARTEN, Fixtures.PRIMARY, Fixtures.MIDDLE)) {
            assertThat(review(admin, id, code, "approve", "").status()).as(code)
                    .isEqualTo(303);
        }
        Response book = admin.get(base + "/consolidated.xlsx?scope=approved");
        assertThat(book.status()).isEqualTo(200);
        BigDecimal counted = students(Fixtures.KINDERGARTEN).add(students(Fixtures.PRIMARY))
                .add(students(Fixtures.MIDDLE));
        assertThat(Books.named(book.bytes(), "F_info_students")).isEqualByComparingTo(counted);
        assertThat(Books.text(book.bytes())).contains("已报送待审核，未计入");

        // A new upload after 初审 starts again at 待初审.
        assertThat(ServerFlowTest.upload(new WebClient(server.baseUrl()),
                secrets.get(Fixtures.WARNING_SCHOOL), "v2.xlsx",
                Fixtures.variant(Fixtures.WARNING_SCHOOL, 3)).status()).isEqualTo(303);
        assertThat(status(admin, id, Fixtures.WARNING_SCHOOL)).contains("待初审")
                .doesNotContain("已初审待终审");

        // 撤销通过 is the county's; the reopened return needs 初审 again before 终审.
        assertThat(review(admin, id, Fixtures.KINDERGARTEN, "reopen", "人数填错").status())
                .isEqualTo(303);
        Response noFinal = review(admin, id, Fixtures.KINDERGARTEN, "approve", "");
        assertThat(noFinal.status()).isEqualTo(409);
        assertThat(noFinal.body()).contains("该学校须先经学区（乡镇）初审");
    }

    @Test
    void aDisabledReviewerLeavesItsTownshipWithTheSingleLevel() {
        WebClient admin = signIn("admin", adminPassword);
        long id = collectionWithUploads(admin);
        String name = createReviewer(admin);
        assertThat(status(admin, id, Fixtures.KINDERGARTEN)).contains("待初审");
        String users = admin.get("/users").body();
        int at = users.indexOf("<td>" + name + "</td>");
        String uid = users.substring(users.indexOf("/users/", at) + "/users/".length(),
                users.indexOf("/", users.indexOf("/users/", at) + "/users/".length()));
        Response off = admin.postForm("/users/" + uid + "/disable",
                Map.of("_csrf", admin.get("/users").csrf()));
        assertThat(off.status()).isEqualTo(200);
        // Other tests' reviewers for 东城镇 may still be active; disable them all.
        for (String other : List.of("dongcheng1", "dongcheng2", "dongcheng3", "dongcheng4")) {
            String page = admin.get("/users").body();
            int row = page.indexOf("<td>" + other + "</td>");
            if (row >= 0 && page.indexOf("/disable\"", row) > 0
                    && page.indexOf("/disable\"", row) < page.indexOf("</tr>", row)) {
                int u = page.indexOf("/users/", row) + "/users/".length();
                admin.postForm("/users/" + page.substring(u, page.indexOf("/", u))
                        + "/disable", Map.of("_csrf", admin.get("/users").csrf()));
            }
        }
        assertThat(status(admin, id, Fixtures.KINDERGARTEN)).contains("已报送待审核")
                .doesNotContain("待初审");
        assertThat(review(admin, id, Fixtures.KINDERGARTEN, "approve", "").status())
                .isEqualTo(303);
    }

    @Test
    void theAdminMovesAReviewerToAnotherTownshipAndItsViewFollows() {
        WebClient admin = signIn("admin", adminPassword);
        long id = collectionWithUploads(admin);
        String name = createReviewer(admin);
        WebClient reviewer = signIn(name, REVIEWER_PASSWORD);
        String base = "/collections/" + id + "/schools/";
        assertThat(reviewer.get(base + Fixtures.MIDDLE).status()).isEqualTo(403);
        String users = admin.get("/users").body();
        int row = users.indexOf("<td>" + name + "</td>");
        int at = users.indexOf("/users/", row) + "/users/".length();
        String scope = "/users/" + users.substring(at, users.indexOf("/", at)) + "/townships";
        assertThat(users.substring(row, users.indexOf("</tr>", row))).contains(scope)
                .contains("value=\"" + TOWN + "\" checked");

        Response none = admin.postForm(scope, Map.of("_csrf", admin.get("/users").csrf()));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("请至少勾选一个乡镇");
        Response unknown = admin.postForm(scope, Map.of("_csrf", admin.get("/users").csrf(),
                "township", "不存在镇"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("名单中没有乡镇“不存在镇”");
        assertThat(reviewer.get(base + Fixtures.KINDERGARTEN).status()).isEqualTo(200);

        Response moved = admin.postForm(scope, Map.of("_csrf", admin.get("/users").csrf(),
                "township", "西河镇"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body()).contains("已修改 " + name + " 负责的乡镇：西河镇")
                .contains("审核员（西河镇）");
        // The reviewer's next request sees the new scope: no sign-in again, no stale view.
        assertThat(reviewer.get(base + Fixtures.MIDDLE).status()).isEqualTo(200);
        assertThat(reviewer.get(base + Fixtures.KINDERGARTEN).status()).isEqualTo(403);
        assertThat(status(admin, id, Fixtures.MIDDLE)).contains("待初审");
        assertThat(admin.get("/audit").body()).contains("修改审核员负责的乡镇")
                .contains("用户 " + name + "（审核员，负责 西河镇）");
        // The other tests expect 西河镇 at one level: this reviewer leaves with the test.
        assertThat(admin.postForm(scope.replace("/townships", "/disable"),
                Map.of("_csrf", admin.get("/users").csrf())).status()).isEqualTo(200);
    }

    private static BigDecimal students(String code) {
        return ((Value.Num) Fixtures.data(code).values().get("info.students")).value();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.add(e.getName());
            }
        }
        return out;
    }
}

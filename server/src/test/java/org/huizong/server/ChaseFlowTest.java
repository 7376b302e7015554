package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.server.WebClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Chasing and review at volume over real HTTP (SQLite): the roster's contact columns, the 催报
 * page, its xlsx and notice, reminders, batch approval, paging, search and sorting, and the
 * review page's neighbours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaseFlowTest {
    private HuizongServer.Handle server;
    private String password;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("huizong-chase");
        server = HuizongServer.start(ServerConfig.defaults(dir).withHost("127.0.0.1")
                .withPort(0));
        password = server.initialAdminPassword().orElseThrow();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private WebClient staff() {
        WebClient c = new WebClient(server.baseUrl());
        Response login = c.get("/login");
        c.postForm("/login", Map.of("username", "admin", "password", password, "_csrf",
                login.csrf()));
        return c;
    }

    /** The four-school roster with 联系人 and 联系电话 for all but the middle school. */
    static byte[] rosterWithContacts() {
        String[] lines = new String(Fixtures.rosterCsv(), StandardCharsets.UTF_8).split("\n");
        StringBuilder sb = new StringBuilder(lines[0]).append(",联系人,联系电话\n");
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i]).append(lines[i].startsWith(Fixtures.MIDDLE) ? ",,"
                    : ",李老师" + i + ",1380000000" + i).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theChasePageListsOwingSchoolsWithContactsExportsThemAndKeepsReminders()
            throws Exception {
        WebClient c = staff();
        long id = ServerFlowTest.createCollection(c, "2024H1");
        assertThat(ServerFlowTest.importRoster(c, id, "schools.csv", rosterWithContacts())
                .status()).isEqualTo(303);
        Map<String, String> secrets = ServerFlowTest.issueLinks(c, id);
        WebClient school = new WebClient(server.baseUrl());
        ServerFlowTest.upload(school, secrets.get(Fixtures.KINDERGARTEN), "k.xlsx",
                Fixtures.validReturn(Fixtures.KINDERGARTEN));
        ServerFlowTest.upload(school, secrets.get(Fixtures.PRIMARY), "p.xlsx",
                Fixtures.returnWithError(Fixtures.PRIMARY));

        Response page = c.get("/collections/" + id + "/chase");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("已过截止日期").contains("id=\"owing-count\">3<")
                .contains("有错误").contains("未报").contains("李老师").contains("13800000002")
                .doesNotContain("data-code=\"" + Fixtures.KINDERGARTEN + "\"");

        Response xlsx = c.get("/collections/" + id + "/chase.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<String>> rows = rows(xlsx.bytes());
        assertThat(rows.get(0).get(0)).contains("催报名单").contains("截止 2024-07-10");
        assertThat(rows.get(1)).containsExactly("学校标识码", "学校名称", "所在乡镇", "学校类型",
                "状态", "最近上传", "逾期", "联系人", "联系电话", "已提醒");
        assertThat(rows.subList(2, rows.size())).extracting(r -> r.get(0))
                .containsExactly(Fixtures.WARNING_SCHOOL, Fixtures.PRIMARY, Fixtures.MIDDLE);
        assertThat(rows.get(3)).contains("有错误", "逾期");
        assertThat(rows.get(4).get(7)).as("the middle school has no contact").isEmpty();

        Response notice = c.get("/collections/" + id + "/chase/notice");
        assertThat(notice.body()).contains("催报通知").contains("截止日期为 2024-07-10")
                .contains("下列 3 所学校");

        Response none = c.postForm("/collections/" + id + "/chase/remind",
                Map.of("_csrf", page.csrf()));
        assertThat(none.status()).isEqualTo(422);
        Response reminded = c.postForm("/collections/" + id + "/chase/remind",
                Map.of("_csrf", page.csrf(), "all", "1"));
        assertThat(reminded.status()).isEqualTo(303);
        assertThat(c.get(reminded.header("Location")).body())
                .contains("已记录 3 所学校的催报提醒").contains("已提醒 ");
        assertThat(c.get("/collections/" + id + "/audit").body()).contains("发送催报提醒")
                .contains("下载催报名单").doesNotContain("school.remind");
    }

    @Test
    void cleanReturnsAreApprovedInABatchAfterAConfirmationEachAudited() {
        WebClient c = staff();
        long id = ServerFlowTest.createCollection(c, "2024H1");
        ServerFlowTest.importRoster(c, id, "schools.csv", Fixtures.rosterCsv());
        Map<String, String> secrets = ServerFlowTest.issueLinks(c, id);
        WebClient school = new WebClient(server.baseUrl());
        for (String code : List.of(Fixtures.KINDERGARTEN, Fixtures.MIDDLE)) {
            ServerFlowTest.upload(school, secrets.get(code), code + ".xlsx",
                    Fixtures.validReturn(code));
        }
        ServerFlowTest.upload(school, secrets.get(Fixtures.PRIMARY), "p.xlsx",
                Fixtures.returnWithError(Fixtures.PRIMARY));
        Response dash = c.get("/collections/" + id);
        assertThat(dash.body()).contains("通过全部无错误且警告均已说明的报表（2 所）")
                .contains("value=\"" + Fixtures.KINDERGARTEN + "\" form=\"batch\"")
                .doesNotContain("value=\"" + Fixtures.PRIMARY + "\" form=\"batch\"");

        Response confirm = c.postForm("/collections/" + id + "/approve-batch",
                Map.of("_csrf", dash.csrf(), "all", "1"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("批量审核通过：2 所学校").contains("确认通过这 2 所学校");
        assertThat(c.get("/collections/" + id + "?status=approved").body())
                .as("nothing approved before the confirmation").contains("显示 0 / 4 所");

        Response done = c.postForm("/collections/" + id + "/approve-batch",
                Map.of("_csrf", dash.csrf(), "code", Fixtures.KINDERGARTEN, "confirmed", "1"));
        assertThat(done.status()).isEqualTo(303);
        assertThat(c.get(done.header("Location")).body()).contains("已批量审核通过 1 所学校的报表");
        assertThat(c.get("/collections/" + id + "?status=approved").body())
                .contains("显示 1 / 4 所").contains("data-code=\"" + Fixtures.KINDERGARTEN);
        Response again = c.postForm("/collections/" + id + "/approve-batch",
                Map.of("_csrf", dash.csrf(), "code", Fixtures.KINDERGARTEN, "confirmed", "1"));
        assertThat(again.status()).as("an approved return is not approved twice").isEqualTo(422);
        assertThat(c.get("/collections/" + id + "/audit").body()).contains("审核通过");
    }

    @Test
    void threeHundredSchoolsArePagedSearchedAndSortedAndTheReviewPageLinksNeighbours() {
        WebClient c = staff();
        long id = ServerFlowTest.createCollection(c, "2024H1");
        StringBuilder csv = new StringBuilder("学校标识码,学校名称,学校类型,所在乡镇,办学性质\n");
        for (int i = 1; i <= 120; i++) {
            csv.append(String.format("3134%06d,第%03d小学,小学,%s,公办%n", i, i,
                    i % 2 == 0 ? "东城镇" : "西河镇"));
        }
        assertThat(ServerFlowTest.importRoster(c, id, "s.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(303);

        String first = c.get("/collections/" + id).body();
        assertThat(first).contains("显示 120 / 120 所").contains("第 1 / 3 页")
                .contains("第001小学").doesNotContain("第051小学");
        assertThat(count(first, "<tr data-code=")).isEqualTo(50);
        String third = c.get("/collections/" + id + "?page=3").body();
        assertThat(count(third, "<tr data-code=")).isEqualTo(20);
        assertThat(third).contains("第120小学").contains("第 3 / 3 页");

        String found = c.get("/collections/" + id + "?q=%E7%AC%AC011").body();
        assertThat(found).contains("显示 1 / 120 所").contains("第011小学");
        assertThat(c.get("/collections/" + id + "?q=3134000012").body())
                .contains("显示 1 / 120 所").contains("第012小学");

        String sorted = c.get("/collections/" + id + "?sort=code&dir=desc").body();
        assertThat(sorted.indexOf("第120小学")).isLessThan(sorted.indexOf("第119小学"))
                .isPositive();
        assertThat(sorted).doesNotContain("第001小学");

        String review = c.get("/collections/" + id + "/schools/3134000002").body();
        assertThat(review).contains("id=\"prev-school\">← 上一所：第001小学")
                .contains("id=\"next-school\">下一所：第003小学");
        assertThat(c.get("/collections/" + id + "/schools/3134000001").body())
                .doesNotContain("prev-school");
    }

    @Test
    void theReviewPagesNeighboursFollowTheDashboardsFilterAndSort() {
        WebClient c = staff();
        long id = ServerFlowTest.createCollection(c, "2024H1");
        StringBuilder csv = new StringBuilder("学校标识码,学校名称,学校类型,所在乡镇,办学性质\n");
        for (int i = 1; i <= 6; i++) {
            csv.append(String.format("3134%06d,第%03d小学,小学,%s,公办%n", i, i,
                    i % 2 == 0 ? "东城镇" : "西河镇"));
        }
        ServerFlowTest.importRoster(c, id, "s.csv", csv.toString()
                .getBytes(StandardCharsets.UTF_8));
        String list = "?township=%E4%B8%9C%E5%9F%8E%E9%95%87&sort=code&dir=desc";
        assertThat(c.get("/collections/" + id + list).body())
                .as("the dashboard's school links carry the list's query")
                .contains("/schools/3134000004" + list.replace("&", "&amp;") + "\"");
        // 东城镇 by code descending: 006, 004, 002.
        String review = c.get("/collections/" + id + "/schools/3134000004" + list).body();
        assertThat(review).contains("id=\"prev-school\">← 上一所：第006小学")
                .contains("id=\"next-school\">下一所：第002小学")
                .contains("/schools/3134000002" + list.replace("&", "&amp;"));
        assertThat(c.get("/collections/" + id + "/schools/3134000006" + list).body())
                .doesNotContain("prev-school");
        // A school outside the list (西河镇) falls back to roster order.
        assertThat(c.get("/collections/" + id + "/schools/3134000003" + list).body())
                .contains("id=\"prev-school\">← 上一所：第002小学")
                .contains("id=\"next-school\">下一所：第004小学");
    }

    @Test
    void theReviewPageShowsLastYearsFigureFromThePreviousCollection() {
        WebClient c = staff();
        long before = ServerFlowTest.createCollection(c, "2023H1");
        ServerFlowTest.importRoster(c, before, "schools.csv", Fixtures.rosterCsv());
        WebClient school = new WebClient(server.baseUrl());
        ServerFlowTest.upload(school, ServerFlowTest.issueLinks(c, before).get(Fixtures.PRIMARY),
                "old.xlsx", Fixtures.lastYearsReturn(Fixtures.PRIMARY));
        String csrf = c.get("/collections/new").csrf();
        Response created = c.postForm("/collections", Map.of("_csrf", csrf, "standard",
                "edu-halfyear", "period", "2024H1", "deadline", "2024-07-10", "title", "",
                "previous", String.valueOf(before)));
        long id = Long.parseLong(created.header("Location").replace("/collections/", ""));
        ServerFlowTest.importRoster(c, id, "schools.csv", Fixtures.rosterCsv());
        ServerFlowTest.upload(school, ServerFlowTest.issueLinks(c, id).get(Fixtures.PRIMARY),
                "new.xlsx", Fixtures.validReturn(Fixtures.PRIMARY));

        String review = c.get("/collections/" + id + "/schools/" + Fixtures.PRIMARY).body();
        String row = review.substring(review.indexOf("data-field=\"info.students\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("class=\"num prev\">"
                + Fixtures.lastYearsStudents(Fixtures.PRIMARY).toPlainString() + "<");
        assertThat(review).contains("上年同期").contains("id=\"approve\"");
    }

    private static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            for (Row r : s) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getLastCellNum(); i++) {
                    cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
                }
                out.add(cells);
            }
        }
        return out;
    }
}

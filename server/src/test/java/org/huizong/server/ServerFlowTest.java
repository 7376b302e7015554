package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.huizong.server.WebClient.Part;
import org.huizong.server.WebClient.Response;
import org.huizong.server.store.AccountStore;
import org.huizong.server.web.ApiRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every flow of the bureau server over real HTTP, run once per database (subclasses say which).
 * One server per class; each test makes its own collection, so tests do not depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerFlowTest {
    static final long MAX_UPLOAD = 1024 * 1024;
    static final String UNIT_NAME = "测试县教育局";
    static final String UNIT_CODE = "330100";
    private static final Pattern LINK = Pattern.compile(
            "data-code=\"(\\d{10})\" href=\"[^\"]*/s/([A-Za-z0-9_-]+)\"");

    HuizongServer.Handle server;
    String adminPassword;
    Path dataDir;

    /** The server's configuration for this database, data under {@code dataDir}. */
    abstract ServerConfig config(Path dataDir) throws Exception;

    void stopDatabase() throws Exception {
    }

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("huizong-flow");
        server = HuizongServer.start(config(dataDir));
        adminPassword = server.initialAdminPassword().orElseThrow();
        nameTheBureauOnFirstStart();
    }

    /**
     * The first sign-in lands on 本单位信息 until the bureau has named itself; every book is
     * headed with what is saved there.
     */
    void nameTheBureauOnFirstStart() {
        WebClient admin = staff();
        Response first = admin.get("/collections");
        assertThat(first.status()).isEqualTo(303);
        assertThat(first.header("Location")).isEqualTo("/settings");
        Response page = admin.get("/settings");
        assertThat(page.body()).contains("首次使用：请先填写本单位信息");
        Response badCode = admin.postForm("/settings", Map.of("_csrf", page.csrf(), "name",
                UNIT_NAME, "code", "31-34", "area", "县", "contact", "王老师", "phone",
                "0571-1234567"));
        assertThat(badCode.status()).isEqualTo(422);
        assertThat(badCode.body()).contains("单位代码“31-34”应为 6 到 12 位数字");
        Response saved = admin.postForm("/settings", Map.of("_csrf", page.csrf(), "name",
                UNIT_NAME, "code", UNIT_CODE, "area", "县", "contact", "王老师", "phone",
                "0571-1234567"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(admin.get("/collections").status()).isEqualTo(200);
        assertThat(admin.get("/audit").body()).contains("设置本单位信息")
                .contains("首次设置：" + UNIT_NAME + "（" + UNIT_CODE + "，县级");
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
        stopDatabase();
    }

    WebClient client() {
        return new WebClient(server.baseUrl());
    }

    WebClient staff() {
        WebClient c = client();
        Response login = c.get("/login");
        Response r = c.postForm("/login", Map.of("username", "admin", "password", adminPassword,
                "_csrf", login.csrf()));
        assertThat(r.status()).as("login").isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/collections");
        return c;
    }

    static long createCollection(WebClient c, String period) {
        String csrf = c.get("/collections/new").csrf();
        Response r = c.postForm("/collections", Map.of("_csrf", csrf, "standard", "edu-halfyear",
                "period", period, "deadline", "2024-07-10", "title", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.header("Location").replace("/collections/", ""));
    }

    static Response importRoster(WebClient c, long id, String name, byte[] roster) {
        String csrf = c.get("/collections/" + id).csrf();
        return c.postMultipart("/collections/" + id + "/roster", List.of(
                Part.field("_csrf", csrf), Part.file("roster", name, roster)));
    }

    /** Issues links for the schools without one; returns secret by school code. */
    static Map<String, String> issueLinks(WebClient c, long id) {
        String csrf = c.get("/collections/" + id + "/links").csrf();
        Response r = c.postForm("/collections/" + id + "/links/issue",
                Map.of("_csrf", csrf, "scope", "missing"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return links(r.body());
    }

    static Map<String, String> links(String page) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** A collection with the four-school roster and a link per school. */
    record Setup(WebClient staff, long id, Map<String, String> secrets) {
    }

    Setup setup() {
        WebClient c = staff();
        long id = createCollection(c, "2024H1");
        assertThat(importRoster(c, id, "schools.csv", Fixtures.rosterCsv()).status())
                .isEqualTo(303);
        return new Setup(c, id, issueLinks(c, id));
    }

    static Response upload(WebClient school, String secret, String name, byte[] file) {
        String csrf = school.get("/s/" + secret).csrf();
        return school.postMultipart("/s/" + secret + "/upload", List.of(
                Part.field("_csrf", csrf), Part.file("file", name, file)));
    }

    String audit(WebClient staff, long id) {
        return staff.get("/collections/" + id + "/audit").body();
    }

    @Test
    void firstAdminSignsInAndAWrongPasswordIsRefused() {
        WebClient c = client();
        assertThat(c.get("/collections").status()).as("no session").isEqualTo(303);
        Response login = c.get("/login");
        Response bad = c.postForm("/login", Map.of("username", "admin", "password", "wrong-pw",
                "_csrf", login.csrf()));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.body()).contains("用户名或密码不正确");
        assertThat(c.get("/collections").status()).isEqualTo(303);
        WebClient ok = staff();
        Response list = ok.get("/collections");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("报表任务").contains("新建任务");
        assertThat(ok.get("/audit").body()).contains("登录失败").contains("登录")
                .as("actions in words, not codes").doesNotContain("login.failed");
    }

    @Test
    void createsCollectionImportsRosterAndDownloadsEveryTemplate() throws Exception {
        Setup s = setup();
        Response dash = s.staff().get("/collections/" + s.id());
        assertThat(dash.body()).contains("2024年上半年教育工作半年报表").contains("东城镇中心小学")
                .contains("西河镇初级中学").contains("未报");
        Response zip = s.staff().get("/collections/" + s.id() + "/templates.zip");
        assertThat(zip.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(
                zip.bytes()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                assertThat(b).as(e.getName()).startsWith('P', 'K', 3, 4);
                names.add(e.getName());
            }
        }
        assertThat(names).hasSize(4).anyMatch(n -> n.contains("3134000025"));
        assertThat(audit(s.staff(), s.id())).contains("导入学校名单").contains("发放上传链接")
                .contains("下载全部模板");
    }

    @Test
    void badRosterIsRefusedLineByLineAndNothingIsStored() {
        WebClient c = staff();
        long id = createCollection(c, "2024H1");
        byte[] bad = ("code,name,type,township,ownership\n"
                + "3134000001,东城镇中心幼儿园,幼儿园,东城镇,公办\n"
                + "3134000002,西河镇中心幼儿园,大学,西河镇,公办\n"
                + "31340,南山镇中心幼儿园,幼儿园,南山镇,公办\n").getBytes(StandardCharsets.UTF_8);
        Response r = importRoster(c, id, "schools.csv", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("第3行").contains("大学").contains("第4行").contains("31340");
        Response dash = c.get("/collections/" + id);
        assertThat(dash.body()).doesNotContain("东城镇中心幼儿园").contains("显示 0 / 0 所");
    }

    @Test
    void formPostsWithoutTheirTokenAreRefused() {
        Setup s = setup();
        Response noToken = s.staff().postForm("/collections", Map.of("standard", "edu-halfyear",
                "period", "2024H1", "deadline", "2024-07-10"));
        assertThat(noToken.status()).isEqualTo(403);
        Response wrongToken = s.staff().postForm("/collections", Map.of("_csrf", "forged",
                "standard", "edu-halfyear", "period", "2024H1", "deadline", "2024-07-10"));
        assertThat(wrongToken.status()).isEqualTo(403);
        String secret = s.secrets().get(Fixtures.PRIMARY);
        WebClient school = client();
        Response upload = school.postMultipart("/s/" + secret + "/upload", List.of(
                Part.file("file", "a.xlsx", Fixtures.validReturn(Fixtures.PRIMARY))));
        assertThat(upload.status()).isEqualTo(403);
        Response login = client().postForm("/login", Map.of("username", "admin",
                "password", adminPassword));
        assertThat(login.status()).isEqualTo(403);
        assertThat(school.get("/s/" + secret).body()).contains("尚未上传");
    }

    @Test
    void oversizeAndNonXlsxUploadsAreRefusedAndNothingIsStored() {
        Setup s = setup();
        String secret = s.secrets().get(Fixtures.PRIMARY);
        WebClient school = client();
        byte[] big = new byte[(int) MAX_UPLOAD + 10];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        Response tooBig = upload(school, secret, "big.xlsx", big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.body()).contains("超过上限");
        Response text = upload(school, secret, "return.xlsx",
                "学校名称,人数\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.body()).contains("不是Excel工作簿");
        assertThat(school.get("/s/" + secret).body()).contains("尚未上传");
        assertThat(audit(s.staff(), s.id())).contains("拒收上传");
    }

    @Test
    void aRefusedUploadIsAnsweredNotCutOffWhileTheClientIsStillSending() {
        setup();
        WebClient addin = client();
        byte[] body = new byte[(int) MAX_UPLOAD - 10];
        // Before the server read refused bodies to the end, one of these in a few dozen was
        // cut off (broken pipe, no answer at all) instead of getting its 401.
        for (int i = 0; i < 200; i++) {
            Response refused = addin.postBytes("/api/v1/submit", body, Map.of());
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).startsWith("{\"error\":\"缺少学校密钥");
        }
    }

    @Test
    void revokedLinkIsRefusedAndTheReissuedOneWorks() {
        Setup s = setup();
        String old = s.secrets().get(Fixtures.MIDDLE);
        WebClient school = client();
        assertThat(school.get("/s/" + old).status()).isEqualTo(200);
        String csrf = s.staff().get("/collections/" + s.id() + "/links").csrf();
        Response revoke = s.staff().postForm("/collections/" + s.id() + "/schools/"
                + Fixtures.MIDDLE + "/link/revoke", Map.of("_csrf", csrf));
        assertThat(revoke.status()).isEqualTo(303);
        assertThat(school.get("/s/" + old).status()).isEqualTo(404);
        assertThat(school.getWithHeaders("/api/v1/status", Map.of(ApiRequest.SECRET_HEADER, old))
                .status()).isEqualTo(401);
        Response reissue = s.staff().postForm("/collections/" + s.id() + "/schools/"
                + Fixtures.MIDDLE + "/link/reissue", Map.of("_csrf", csrf));
        String fresh = links(reissue.body()).get(Fixtures.MIDDLE);
        assertThat(fresh).isNotEqualTo(old).hasSizeGreaterThanOrEqualTo(43);
        assertThat(school.get("/s/" + fresh).body()).contains("西河镇初级中学");
        assertThat(school.get("/s/" + old).status()).isEqualTo(404);
        assertThat(audit(s.staff(), s.id())).contains("作废上传链接");
    }

    @Test
    void aSchoolLinkReachesOnlyItsOwnSchool() {
        Setup s = setup();
        String a = s.secrets().get(Fixtures.PRIMARY);
        WebClient school = client();
        Response other = upload(school, a, "other.xlsx", Fixtures.validReturn(Fixtures.MIDDLE));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body()).contains("3134000048").contains("不是东城镇第二小学");
        Response status = school.getWithHeaders("/api/v1/status",
                Map.of(ApiRequest.SECRET_HEADER, a));
        assertThat(status.body()).contains("\"code\":\"3134000026\"")
                .doesNotContain("3134000048");
        assertThat(school.get("/collections/" + s.id() + "/schools/" + Fixtures.MIDDLE).status())
                .as("staff page without session").isEqualTo(303);
        assertThat(school.get("/s/" + a + "x").status()).isEqualTo(404);
        assertThat(school.get("/s/" + a).body()).contains("尚未上传");
    }

    @Test
    void schoolUploadsAReturnWithErrorsSeesTheCellAndUploadsTheFix() {
        Setup s = setup();
        String secret = s.secrets().get(Fixtures.PRIMARY);
        WebClient school = client();
        Response first = upload(school, secret, "第一次.xlsx",
                Fixtures.returnWithError(Fixtures.PRIMARY));
        assertThat(first.status()).as(first.body()).isEqualTo(303);
        Response page = school.open(first.header("Location"));
        assertThat(page.body()).contains("已收到第 1 版").contains("有错误")
                .contains("学校基本情况!").contains("专任教师");
        assertThat(page.body()).containsPattern("class=\"cell\">学校基本情况![A-Z]+\\d+");
        Response fixed = upload(school, secret, "改正后.xlsx",
                Fixtures.validReturn(Fixtures.PRIMARY));
        assertThat(fixed.status()).isEqualTo(303);
        Response after = school.open(fixed.header("Location"));
        assertThat(after.body()).contains("已收到第 2 版").contains("第 2 版检查无错误")
                .contains("第一次.xlsx").contains("改正后.xlsx");
        Response detail = s.staff().get("/collections/" + s.id() + "/schools/" + Fixtures.PRIMARY);
        assertThat(detail.body()).contains("已报送待审核").contains("改正后.xlsx")
                .contains("在校学生(幼儿)数");
        Response v1 = s.staff().get("/collections/" + s.id() + "/schools/" + Fixtures.PRIMARY
                + "/versions/1/file");
        assertThat(v1.bytes()).isEqualTo(Fixtures.returnWithError(Fixtures.PRIMARY));
        assertThat(audit(s.staff(), s.id())).contains("上传报表").contains("第1版")
                .contains("第2版");
    }

    @Test
    void warningsAreExplainedInTheWorkbookOrOnThePage() {
        Setup s = setup();
        String secret = s.secrets().get(Fixtures.WARNING_SCHOOL);
        WebClient school = client();
        Response up = upload(school, secret, "无说明.xlsx",
                Fixtures.returnWithoutExplanations(Fixtures.WARNING_SCHOOL));
        Response page = school.open(up.header("Location"));
        assertThat(page.body()).contains("待说明").contains("请对以下警告填写说明");
        String rule = "afterschool.teachers_le_teachers";
        Response tooShort = school.postForm("/s/" + secret + "/explain", Map.of("_csrf",
                page.csrf(), "version", "1", "explain." + rule, "外聘"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("说明太短");
        Response ok = school.postForm("/s/" + secret + "/explain", Map.of("_csrf", page.csrf(),
                "version", "1", "explain." + rule, "含外聘退休教师3名参与课后服务"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(school.open("/s/" + secret).body()).contains("第 1 版检查无错误")
                .contains("说明：含外聘退休教师3名参与课后服务");
        Response withNote = upload(school, secret, "有说明.xlsx",
                Fixtures.validReturn(Fixtures.WARNING_SCHOOL));
        assertThat(school.open(withNote.header("Location")).body()).contains("第 2 版检查无错误")
                .contains("说明：含外聘退休教师及校外辅导员3名参与课后服务");
        assertThat(audit(s.staff(), s.id())).contains("填写说明");
    }

    @Test
    void staffApproveOrSendBackWithAReasonTheSchoolSees() {
        Setup s = setup();
        String secret = s.secrets().get(Fixtures.MIDDLE);
        WebClient school = client();
        upload(school, secret, "r.xlsx", Fixtures.validReturn(Fixtures.MIDDLE));
        String path = "/collections/" + s.id() + "/schools/" + Fixtures.MIDDLE;
        String csrf = s.staff().get(path).csrf();
        Response noReason = s.staff().postForm(path + "/review", Map.of("_csrf", csrf,
                "version", "1", "decision", "return", "reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        Response back = s.staff().postForm(path + "/review", Map.of("_csrf", csrf,
                "version", "1", "decision", "return", "reason", "请核对毕业生数<b>"));
        assertThat(back.status()).isEqualTo(303);
        Response seen = school.get("/s/" + secret);
        assertThat(seen.body()).contains("已退回").contains("请核对毕业生数&lt;b&gt;")
                .doesNotContain("请核对毕业生数<b>");
        Response api = school.getWithHeaders("/api/v1/status", Map.of(ApiRequest.SECRET_HEADER,
                secret));
        assertThat(api.body()).contains("\"status\":\"returned\"")
                .contains("请核对毕业生数\\u003cb>");
        Response same = upload(school, secret, "r-again.xlsx",
                Fixtures.validReturn(Fixtures.MIDDLE));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.body()).contains("与教育局退回的第 1 版完全相同");
        assertThat(upload(school, secret, "r2.xlsx", Fixtures.correctedReturn(Fixtures.MIDDLE))
                .status()).isEqualTo(303);
        assertThat(school.get("/s/" + secret).body()).as("the sent-back banner is gone")
                .doesNotContain("id=\"review\"").contains("已报送待审核");
        Response approve = s.staff().postForm(path + "/review", Map.of("_csrf", csrf,
                "version", "2", "decision", "approve", "reason", ""));
        assertThat(approve.status()).isEqualTo(303);
        assertThat(school.get("/s/" + secret).body()).contains("已通过").contains("审核通过第 2 版");
        Response dash = s.staff().get("/collections/" + s.id() + "?status=approved");
        assertThat(dash.body()).contains("data-code=\"3134000048\"")
                .doesNotContain("data-code=\"3134000026\"")
                .contains("显示 1 / 4 所");
        assertThat(audit(s.staff(), s.id())).contains("退回")
                .contains("审核通过");
    }

    @Test
    void theJsonApiValidatesWithoutStoringSubmitsAndReportsStatus() {
        Setup s = setup();
        String secret = s.secrets().get(Fixtures.KINDERGARTEN);
        WebClient addin = client();
        Map<String, String> auth = Map.of(ApiRequest.SECRET_HEADER, secret);
        Response check = addin.postBytes("/api/v1/validate?filename=k.xlsx",
                Fixtures.returnWithError(Fixtures.KINDERGARTEN), auth);
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.body()).contains("\"verdict\":\"REJECTED\"")
                .contains("\"cells\":[\"学校基本情况!");
        Response anonymous = addin.postMultipart("/api/v1/validate", List.of(Part.file("file",
                "k.xlsx", Fixtures.validReturn(Fixtures.KINDERGARTEN))));
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"verdict\":\"ACCEPTED\"");
        Response none = addin.getWithHeaders("/api/v1/status", auth);
        assertThat(none.body()).contains("\"status\":\"none\"").contains("\"latestVersion\":null");
        Response noSecret = addin.postBytes("/api/v1/submit",
                Fixtures.validReturn(Fixtures.KINDERGARTEN), Map.of());
        assertThat(noSecret.status()).isEqualTo(401);
        Response submit = addin.postBytes("/api/v1/submit?filename=k.xlsx",
                Fixtures.validReturn(Fixtures.KINDERGARTEN), auth);
        assertThat(submit.status()).as(submit.body()).isEqualTo(201);
        assertThat(submit.body()).contains("\"version\":1").contains("\"accepted\":true");
        Response status = addin.getWithHeaders("/api/v1/status", auth);
        assertThat(status.body()).contains("\"status\":\"submitted\"")
                .contains("\"version\":1").contains("东城镇中心幼儿园");
        Response garbage = addin.postBytes("/api/v1/validate", "not a workbook".getBytes(
                StandardCharsets.UTF_8), auth);
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.body()).startsWith("{\"error\":");
    }

    @Test
    void allReturnsZipAndTheStatusWorkbookListEverySchool() throws Exception {
        Setup s = setup();
        WebClient school = client();
        upload(school, s.secrets().get(Fixtures.PRIMARY), "p1.xlsx",
                Fixtures.returnWithError(Fixtures.PRIMARY));
        upload(school, s.secrets().get(Fixtures.PRIMARY), "p2.xlsx",
                Fixtures.validReturn(Fixtures.PRIMARY));
        upload(school, s.secrets().get(Fixtures.MIDDLE), "m.xlsx",
                Fixtures.validReturn(Fixtures.MIDDLE));
        Response zip = s.staff().get("/collections/" + s.id() + "/returns.zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(
                zip.bytes()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).hasSize(3).anyMatch(n -> n.contains("v1-有错误-p1.xlsx"))
                .anyMatch(n -> n.contains("v2-已接受-p2.xlsx"));
        Response xlsx = s.staff().get("/collections/" + s.id() + "/status.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .startsWith(UNIT_NAME + " 2024年上半年教育工作半年报表 报送情况");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            Map<String, String> statusByCode = new LinkedHashMap<>();
            for (int r = 2; r <= 5; r++) {
                statusByCode.put(sheet.getRow(r).getCell(0).getStringCellValue(),
                        sheet.getRow(r).getCell(5).getStringCellValue());
            }
            assertThat(statusByCode).containsEntry(Fixtures.PRIMARY, "已报送待审核")
                    .containsEntry(Fixtures.MIDDLE, "已报送待审核")
                    .containsEntry(Fixtures.KINDERGARTEN, "未报");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("学校名称");
        }
        Response detail = s.staff().get("/collections/" + s.id() + "/detail.csv?scope=accepted");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.header("Content-Type")).startsWith("text/csv");
        List<String> lines = new String(detail.bytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFF学校标识码,学校名称,学校类型,所在乡镇,办学性质,")
                .contains("在校学生(幼儿)数(人)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(Fixtures.PRIMARY + ",")
                .contains("," + students(Fixtures.PRIMARY).toPlainString() + ","));
        assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith(Fixtures.KINDERGARTEN));
        totalsForOtherSystems(s);
        Response missing = s.staff().get("/collections/" + s.id() + "/missing.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(missing.bytes()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith(UNIT_NAME)
                    .contains("未报学校");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("学校标识码");
            List<String> codes = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(codes).as("every school without a return, none with one")
                    .contains(Fixtures.KINDERGARTEN)
                    .doesNotContain(Fixtures.PRIMARY, Fixtures.MIDDLE).hasSize(4 - 2);
        }
        Response summary = s.staff().get("/collections/" + s.id() + "/summary.docx?scope=accepted");
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc =
                new org.apache.poi.xwpf.usermodel.XWPFDocument(
                        new java.io.ByteArrayInputStream(summary.bytes()))) {
            assertThat(doc.getParagraphs().get(0).getText())
                    .isEqualTo(UNIT_NAME + "2024年上半年工作总结");
            assertThat(doc.getParagraphs().get(1).getText()).startsWith("（一）数据报送有序开展。");
        }
        assertThat(audit(s.staff(), s.id())).contains("下载工作总结");
    }

    /** 汇总数 as CSV and JSON: every total, exact, over the accepted returns. */
    private void totalsForOtherSystems(Setup s) throws Exception {
        Response totals = s.staff().get("/collections/" + s.id() + "/totals.csv?scope=accepted");
        assertThat(totals.status()).isEqualTo(200);
        List<String> totalLines = new String(totals.bytes(), StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(totalLines.get(0)).isEqualTo("\uFEFF标识,项目,单位,本期,上年同期,本期同口径数,同比口径");
        java.math.BigDecimal counted = students(Fixtures.PRIMARY).add(students(Fixtures.MIDDLE));
        assertThat(totalLines).contains("info.students,在校学生(幼儿)数,人,"
                + counted.stripTrailingZeros().toPlainString() + ",,,");
        Response totalsJson = s.staff().get("/collections/" + s.id()
                + "/totals.json?scope=accepted");
        assertThat(totalsJson.header("Content-Type")).startsWith("application/json");
        assertThat(new String(totalsJson.bytes(), StandardCharsets.UTF_8))
                .contains("\"id\": \"info.students\"");
    }

    static BigDecimal students(String code) {
        return ((org.huizong.engine.model.Value.Num) Fixtures.data(code).values()
                .get("info.students")).value();
    }

    @Test
    void theConsolidatedWorkbookSumsApprovedOrAllAcceptedReturns() {
        Setup s = setup();
        WebClient school = client();
        for (String code : List.of(Fixtures.PRIMARY, Fixtures.MIDDLE, Fixtures.KINDERGARTEN)) {
            Response r = upload(school, s.secrets().get(code), code + ".xlsx",
                    Fixtures.validReturn(code));
            assertThat(r.status()).isEqualTo(303);
        }
        upload(school, s.secrets().get(Fixtures.WARNING_SCHOOL), "e.xlsx",
                Fixtures.returnWithError(Fixtures.WARNING_SCHOOL));
        for (String code : List.of(Fixtures.PRIMARY, Fixtures.MIDDLE)) {
            String path = "/collections/" + s.id() + "/schools/" + code;
            String csrf = s.staff().get(path).csrf();
            assertThat(s.staff().postForm(path + "/review", Map.of("_csrf", csrf, "version", "1",
                    "decision", "approve", "reason", "")).status()).isEqualTo(303);
        }
        Response approved = s.staff().get("/collections/" + s.id()
                + "/consolidated.xlsx?scope=approved");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(Books.named(approved.bytes(), "F_info_students"))
                .isEqualByComparingTo(students(Fixtures.PRIMARY).add(students(Fixtures.MIDDLE)));
        Response all = s.staff().get("/collections/" + s.id()
                + "/consolidated.xlsx?scope=accepted");
        assertThat(Books.named(all.bytes(), "F_info_students"))
                .isEqualByComparingTo(students(Fixtures.PRIMARY).add(students(Fixtures.MIDDLE))
                        .add(students(Fixtures.KINDERGARTEN)));
        assertThat(Books.text(all.bytes())).contains("东城镇第二小学");
        assertThat(audit(s.staff(), s.id())).contains("下载汇总表");
    }

    @Test
    void thePreviousPeriodComesFromAnUploadedBook() {
        Setup s = setup();
        WebClient staff = s.staff();
        // last year's collection, the same half: its book is this year's 上年同期
        long first = createCollection(staff, Fixtures.PERIOD.yearBefore().toString());
        importRoster(staff, first, "schools.csv", Fixtures.rosterCsv());
        upload(client(), issueLinks(staff, first).get(Fixtures.PRIMARY), "p.xlsx",
                Fixtures.lastYearsReturn(Fixtures.PRIMARY));
        byte[] lastYear = staff.get("/collections/" + first
                + "/consolidated.xlsx?scope=accepted").bytes();
        upload(client(), s.secrets().get(Fixtures.PRIMARY), "p.xlsx",
                Fixtures.validReturn(Fixtures.PRIMARY));
        long second = s.id();
        String csrf = staff.get("/collections/" + second).csrf();
        byte[] thisYear = staff.get("/collections/" + second
                + "/consolidated.xlsx?scope=accepted").bytes();
        Response sameYear = staff.postMultipart("/collections/" + second + "/previous",
                List.of(Part.field("_csrf", csrf), Part.file("book", "本期.xlsx", thisYear)));
        assertThat(sameYear.status()).isEqualTo(422);
        assertThat(sameYear.body()).contains("上年同期应为 2023年上半年，所选的是 2024年上半年");
        Response prev = staff.postMultipart("/collections/" + second + "/previous",
                List.of(Part.field("_csrf", csrf), Part.file("book", "上期.xlsx", lastYear)));
        assertThat(prev.status()).as(prev.body()).isEqualTo(303);
        assertThat(staff.get("/collections/" + second).body()).contains("已上传上年同期汇总表");
        Response book = staff.get("/collections/" + second
                + "/consolidated.xlsx?scope=accepted");
        assertThat(book.status()).as(book.body()).isEqualTo(200);
        assertThat(Books.text(book.bytes()))
                .contains(Fixtures.lastYearsStudents(Fixtures.PRIMARY).toPlainString());
        assertThat(audit(s.staff(), second)).contains("上传上年同期汇总表");
        Response notABook = s.staff().postMultipart("/collections/" + second + "/previous",
                List.of(Part.field("_csrf", csrf), Part.file("book", "学校.xlsx",
                        Fixtures.validReturn(Fixtures.PRIMARY))));
        assertThat(notABook.status()).isEqualTo(422);
        assertThat(notABook.body()).contains("不是汇总工作簿");
    }

    @Test
    void theAddinIsServedWithItsManifestAndModuleTypes() {
        WebClient c = client();
        Response manifest = c.get("/addin/manifest.xml");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.body()).contains(server.baseUrl()).doesNotContain("${BASE_URL}");
        String module = org.huizong.addin.AddinResources.staticFiles().stream()
                .filter(f -> f.endsWith(".mjs")).findFirst().orElseThrow();
        Response js = c.get("/addin/" + module);
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(js.header("X-Frame-Options")).as("Excel on the web frames the pane").isNull();
        assertThat(c.get("/addin/" + org.huizong.addin.AddinResources.MANIFEST_TEMPLATE)
                .status()).isEqualTo(404);
        assertThat(c.get("/addin/..%2F..%2Fdb%2Fmigration%2FV1__init.sql").status())
                .isEqualTo(404);
        assertThat(c.get("/login").header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void anAdminCreatesStaffWhoCannotManageAccounts() {
        WebClient admin = staff();
        String name = "staff" + System.nanoTime() % 100_000;
        Response created = admin.postForm("/users", Map.of("_csrf", admin.get("/users").csrf(),
                "username", name, "display", "张老师", "password", "correct-horse-1"));
        assertThat(created.status()).isEqualTo(303);
        Response weak = admin.postForm("/users", Map.of("_csrf", admin.get("/users").csrf(),
                "username", name + "x", "display", "李老师", "password", "short"));
        assertThat(weak.status()).isEqualTo(422);
        WebClient c = client();
        Response login = c.postForm("/login", Map.of("username", name, "password",
                "correct-horse-1", "_csrf", c.get("/login").csrf()));
        assertThat(login.status()).isEqualTo(303);
        assertThat(c.get("/collections").body()).contains("张老师");
        assertThat(c.get("/users").status()).isEqualTo(403);
        assertThat(admin.get("/audit").body()).contains("新建账号").contains(name);
        for (int i = 0; i < AccountStore.MAX_FAILURES; i++) {
            assertThat(c.postForm("/login", Map.of("username", name, "password", "guess" + i,
                    "_csrf", c.get("/login").csrf())).status()).isEqualTo(401);
        }
        Response locked = c.postForm("/login", Map.of("username", name, "password",
                "correct-horse-1", "_csrf", c.get("/login").csrf()));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("暂时锁定");
    }

    @Test
    void anXlsxRosterImportsAndUpdatesSchoolsByCode() {
        WebClient c = staff();
        long id = createCollection(c, "2024H1");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("学校标识码", "学校名称", "学校类型", "所在乡镇", "办学性质"));
        rows.add(List.of("3134000001", "东城镇中心幼儿园", "幼儿园", "东城镇", "公办"));
        rows.add(List.of("3134000026", "东城镇第二小学", "小学", "东城镇", "公办"));
        Response r = importRoster(c, id, "名单.xlsx", Fixtures.xlsx("名单", rows));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        assertThat(c.open(r.header("Location")).body()).contains("已导入名单：2 所学校，其中新增 2 所")
                .contains("显示 2 / 2 所");
        rows.set(2, List.of("3134000026", "东城镇第二小学（新校区）", "小学", "东城镇", "公办"));
        Response again = importRoster(c, id, "名单.xlsx", Fixtures.xlsx("名单", rows));
        assertThat(c.open(again.header("Location")).body()).contains("其中新增 0 所")
                .contains("东城镇第二小学（新校区）").contains("显示 2 / 2 所");
    }

    @Test
    void theReadersRefusalsAreShownAndNothingIsStored() throws Exception {
        Setup s = setup();
        String secret = s.secrets().get(Fixtures.PRIMARY);
        WebClient school = client();
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("不是工作簿".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Response notWorkbook = upload(school, secret, "假的.xlsx", zip.toByteArray());
        assertThat(notWorkbook.status()).isEqualTo(422);
        assertThat(notWorkbook.body()).contains("假的.xlsx");
        DemoCountyData d = new DemoCountyData(Fixtures.data(Fixtures.PRIMARY));
        byte[] lastYear = org.huizong.engine.template.TemplateWriter.of(
                org.huizong.templates.StandardCollections.eduHalfyear(),
                org.huizong.engine.model.Period.parse("2023H1"))
                .toBytes(d.data().school(), d.returnData());
        Response wrongPeriod = upload(school, secret, "去年.xlsx", lastYear);
        assertThat(wrongPeriod.status()).isEqualTo(422);
        assertThat(wrongPeriod.body()).contains("2023年上半年");
        assertThat(school.get("/s/" + secret).body()).contains("尚未上传");
        assertThat(audit(s.staff(), s.id())).contains("拒收上传").contains("去年.xlsx");
    }

    /** A demo school's data as the template writer takes it. */
    record DemoCountyData(org.huizong.templates.demo.DemoCounty.SchoolData data) {
        org.huizong.engine.template.ReturnData returnData() {
            return new org.huizong.engine.template.ReturnData(data.values(),
                    Map.of("projects", data.projects()), data.explanations());
        }
    }

    @Test
    void concurrentUploadsOfOneSchoolGetDistinctVersionNumbers() throws Exception {
        Setup s = setup();
        Map<String, String> auth = Map.of(ApiRequest.SECRET_HEADER,
                s.secrets().get(Fixtures.MIDDLE));
        int n = 8;
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(n);
        List<java.util.concurrent.Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] file = Fixtures.variant(Fixtures.MIDDLE, i);
            results.add(pool.submit(() -> client().postBytes("/api/v1/submit?filename=m.xlsx",
                    file, auth)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        List<Integer> versions = new ArrayList<>();
        for (java.util.concurrent.Future<Response> f : results) {
            Response r = f.get();
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            versions.add(Integer.parseInt(r.body().replaceAll(".*\"version\":(\\d+).*", "$1")));
        }
        assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void copiesOfOneFileRacingAreStoredAsOneVersion() throws Exception {
        Setup s = setup();
        Map<String, String> auth = Map.of(ApiRequest.SECRET_HEADER,
                s.secrets().get(Fixtures.KINDERGARTEN));
        byte[] file = Fixtures.validReturn(Fixtures.KINDERGARTEN);
        int n = 8;
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(n);
        List<java.util.concurrent.Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> client().postBytes("/api/v1/submit?filename=k.xlsx",
                    file, auth)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        List<Integer> statuses = new ArrayList<>();
        for (java.util.concurrent.Future<Response> f : results) {
            Response r = f.get();
            statuses.add(r.status());
            assertThat(r.body()).contains("\"version\":1,");
        }
        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
    }

    @Test
    void concurrentImportsOfOneRosterAddEachSchoolOnce() throws Exception {
        WebClient c = staff();
        long id = createCollection(c, "2024H1");
        int n = 6;
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            WebClient own = staff();
            results.add(pool.submit(() -> {
                start.await();
                return importRoster(own, id, "schools.csv", Fixtures.rosterCsv());
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        for (java.util.concurrent.Future<Response> f : results) {
            Response r = f.get();
            assertThat(r.status()).as(r.body()).isEqualTo(303);
        }
        String audit = audit(c, id);
        assertThat(audit.split("新增 4 所", -1)).as(audit).hasSize(2);
        assertThat(audit.split("新增 0 所", -1)).as(audit).hasSize(n);
    }
}

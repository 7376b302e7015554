package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.pipeline.Pipeline;
import org.huizong.server.WebClient.Response;
import org.huizong.server.web.ApiRequest;
import org.huizong.templates.StandardCollections;
import org.huizong.templates.demo.DemoCounty;
import org.huizong.templates.demo.DemoCounty.SchoolData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection cycle as a bureau runs it, through the real server: the demo county's 61 schools,
 * 5 of them not yet approved. The approved-only book must compare like with like (可比口径 over
 * the 56 approved schools, every 同比 figure equal to a hand computation over those schools'
 * returns of both years), call the 5 已报送待审核 and none 未报送; an approved return is locked
 * until the bureau reopens it; a late upload is 逾期; a closed collection takes only the schools
 * allowed to file late; two server-made county books consolidate into a city.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CycleScenarioTest {
    private HuizongServer.Handle server;
    private Path dataDir;
    private WebClient staff;
    private long current;
    private final Map<String, String> secrets = new LinkedHashMap<>();

    /** The server's configuration for this database, with the demo county loaded. */
    abstract ServerConfig config(Path dataDir) throws Exception;

    void stopDatabase() throws Exception {
    }

    @BeforeAll
    void startTheDemoCounty() throws Exception {
        dataDir = Files.createTempDirectory("huizong-cycle");
        server = HuizongServer.start(config(dataDir));
        staff = signIn(server);
        String list = staff.get("/collections").body();
        current = Long.parseLong(list.replaceAll(
                "(?s).*?href=\"/collections/(\\d+)\">2024.*", "$1"));
        for (String line : Files.readAllLines(dataDir.resolve("demo-links.txt"))) {
            if (line.contains("/s/")) {
                secrets.put(line.substring(0, line.indexOf('\t')),
                        line.replaceAll(".*/s/", "").strip());
            }
        }
        assertThat(secrets).hasSize(61);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        stopDatabase();
    }

    private static WebClient signIn(HuizongServer.Handle h) {
        WebClient c = new WebClient(h.baseUrl());
        Response login = c.get("/login");
        Response r = c.postForm("/login", Map.of("username", "admin", "password",
                h.initialAdminPassword().orElseThrow(), "_csrf", login.csrf()));
        assertThat(r.status()).isEqualTo(303);
        return c;
    }

    private String status(String code) {
        String body = new WebClient(server.baseUrl()).getWithHeaders("/api/v1/status",
                Map.of(ApiRequest.SECRET_HEADER, secrets.get(code))).body();
        return body.replaceAll("(?s).*\"status\":\"([a-z]+)\".*", "$1");
    }

    private Response review(long collection, String code, int version, String decision,
            String reason) {
        String path = "/collections/" + collection + "/schools/" + code;
        String csrf = staff.get(path).csrf();
        return staff.postForm(path + "/review", Map.of("_csrf", csrf, "version",
                String.valueOf(version), "decision", decision, "reason", reason));
    }

    private Response submit(String code, byte[] file) {
        return new WebClient(server.baseUrl()).postBytes("/api/v1/submit?filename=" + code
                + ".xlsx", file, Map.of(ApiRequest.SECRET_HEADER, secrets.get(code)));
    }

    /** The sent-back school fixes its return and is approved: 56 approved, 5 awaiting. */
    private Set<String> approveTheSentBackSchool() {
        Map<String, String> statuses = new LinkedHashMap<>();
        secrets.keySet().forEach(code -> statuses.put(code, status(code)));
        List<String> returned = statuses.entrySet().stream()
                .filter(e -> e.getValue().equals("returned")).map(Map.Entry::getKey).toList();
        assertThat(returned).hasSize(1);
        Response fixed = submit(returned.get(0), Fixtures.correctedReturn(returned.get(0)));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        assertThat(review(current, returned.get(0), 2, "approve", "").status()).isEqualTo(303);
        statuses.put(returned.get(0), status(returned.get(0)));
        Map<String, List<String>> byStatus = statuses.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        assertThat(byStatus.get("approved")).hasSize(56);
        assertThat(byStatus.get("submitted")).hasSize(5);
        return Set.copyOf(byStatus.get("approved"));
    }

    @Test
    @Order(1)
    void theApprovedOnlyBookComparesTheFiftySixApprovedSchoolsWithTheirOwnLastYear()
            throws Exception {
        Set<String> approved = approveTheSentBackSchool();
        List<SchoolData> now = DemoCounty.returns().stream()
                .filter(d -> approved.contains(d.school().code())).toList();
        List<SchoolData> before = DemoCounty.previousReturns().stream()
                .filter(d -> approved.contains(d.school().code())).toList();
        Response book = staff.get("/collections/" + current + "/consolidated.xlsx");
        assertThat(book.status()).as(book.body()).isEqualTo(200);
        // Kept for looking at (LibreOffice to PDF to PNG), as a statistician would print it.
        Files.createDirectories(Path.of("target", "books"));
        Files.write(Path.of("target", "books", getClass().getSimpleName() + ".xlsx"),
                book.bytes());
        Collection edu = StandardCollections.eduHalfyear();
        int checked = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book.bytes()))) {
            for (Field f : edu.fields()) {
                if (!f.type().isNumeric() || !f.isInput()) {
                    continue;
                }
                BigDecimal a = sum(now, f.id());
                BigDecimal b = sum(before, f.id());
                assertThat(cell(wb, f.definedName()).getNumericCellValue())
                        .as(f.id() + " 本期, 56 counted, exact").isCloseTo(a.doubleValue(),
                                within(1e-6));
                Cell total = shownCell(wb, f.definedName());
                Row row = total.getRow();
                int col = total.getColumnIndex();
                // money shows to 2 decimals, balanced: off by less than 0.01 each
                double shown = f.type() == FieldType.MONEY ? 0.01 : 1e-6;
                assertThat(row.getCell(col + 2).getNumericCellValue()).as(f.id() + " 上年同期可比数")
                        .isCloseTo(b.doubleValue(), within(shown));
                assertThat(row.getCell(col + 3).getNumericCellValue()).as(f.id() + " 增减")
                        .isCloseTo(a.subtract(b).doubleValue(), within(2 * shown));
                Cell ratio = row.getCell(col + 4);
                if (b.signum() != 0) {
                    assertThat(ratio.getNumericCellValue()).as(f.id() + " 增幅").isCloseTo(a
                            .subtract(b).divide(b, MathContext.DECIMAL64).doubleValue(),
                            within(1e-9));
                } else {
                    assertThat(ratio.getCellType() == CellType.STRING
                            && ratio.getStringCellValue().equals("—"))
                            .as(f.id() + " 增幅 over 0 reads —").isTrue();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
        String text = Books.text(book.bytes());
        assertThat(text).contains(DemoCounty.UNIT_NAME + "（" + DemoCounty.UNIT_CODE + "）")
                .contains("汇总范围：只汇总教育局审核通过的报表")
                .contains("已报送待审核（未计入）\t5")
                .contains("按可比口径（56所学校）计算")
                .doesNotContain("本县（0000000000）");
        String statusSheet = text.substring(text.indexOf("[报送情况]"),
                text.indexOf('[', text.indexOf("[报送情况]") + 1));
        assertThat(statusSheet).doesNotContain("\t未报送\t");
        assertThat(statusSheet.split("已报送待审核，未计入", -1)).hasSize(6);
    }

    private static BigDecimal sum(List<SchoolData> returns, String field) {
        BigDecimal s = BigDecimal.ZERO;
        for (SchoolData d : returns) {
            if (d.values().get(field) instanceof Value.Num n) {
                s = s.add(n.value());
            }
        }
        return s;
    }

    /** The 全县汇总 cell showing the total under {@code name}, as {@code _totals} records. */
    private static Cell shownCell(XSSFWorkbook wb, String name) {
        CellReference at = new CellReference(cell(wb, name).getRow().getCell(4)
                .getStringCellValue());
        return wb.getSheet(at.getSheetName()).getRow(at.getRow()).getCell(at.getCol());
    }

    private static Cell cell(XSSFWorkbook wb, String name) {
        Name n = wb.getName(name);
        CellReference ref = new AreaReference(n.getRefersToFormula(),
                wb.getSpreadsheetVersion()).getFirstCell();
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }

    @Test
    @Order(2)
    void anApprovedReturnIsLockedUntilTheBureauReopensIt() {
        String code = secrets.keySet().stream().filter(c -> status(c).equals("approved"))
                .findFirst().orElseThrow();
        Response locked = submit(code, Fixtures.correctedReturn(code));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.body()).contains("已审核通过，不能再上传新版本")
                .contains("联系人：王老师（演示）");
        WebClient school = new WebClient(server.baseUrl());
        String page = school.get("/s/" + secrets.get(code)).body();
        assertThat(page).contains("id=\"locked\"").doesNotContain("id=\"upload\"");

        assertThat(review(current, code, 1, "reopen", "").status()).as("a reason is required")
                .isEqualTo(422);
        assertThat(review(current, code, 1, "return", "x").status())
                .as("an approved return is reopened, not sent back").isEqualTo(409);
        assertThat(review(current, code, 1, "reopen", "在校生数与学籍系统不一致").status())
                .isEqualTo(303);
        assertThat(status(code)).isEqualTo("reopened");
        assertThat(school.get("/s/" + secrets.get(code)).body())
                .contains("撤销了第 1 版的审核通过").contains("在校生数与学籍系统不一致")
                .contains("id=\"upload\"");
        Response again = submit(code, Fixtures.correctedReturn(code));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(status(code)).isEqualTo("submitted");
        assertThat(staff.get("/collections/" + current + "/audit").body())
                .contains("撤销通过").contains("拒收上传");
    }

    @Test
    @Order(3)
    void lateUploadsAreMarkedAndAClosedCollectionTakesOnlyLateFilers() throws Exception {
        long late = ServerFlowTest.createCollection(staff, "2024H1");
        assertThat(ServerFlowTest.importRoster(staff, late, "schools.csv",
                Fixtures.rosterCsv()).status()).isEqualTo(303);
        Map<String, String> links = ServerFlowTest.issueLinks(staff, late);
        WebClient school = new WebClient(server.baseUrl());
        assertThat(school.get("/s/" + links.get(Fixtures.PRIMARY)).body())
                .contains("已过截止日期 2024-07-10");
        assertThat(ServerFlowTest.upload(school, links.get(Fixtures.PRIMARY), "p.xlsx",
                Fixtures.validReturn(Fixtures.PRIMARY)).status()).isEqualTo(303);
        String dash = staff.get("/collections/" + late).body();
        assertThat(dash).contains("逾期上传 <b id=\"late-count\">1</b> 所");
        assertThat(dash.substring(dash.indexOf("data-code=\"" + Fixtures.PRIMARY + "\"")))
                .contains("s-late");
        byte[] book = staff.get("/collections/" + late + "/consolidated.xlsx?scope=accepted")
                .bytes();
        assertThat(Books.text(book)).contains("已报送（逾期）").contains("其中：逾期报送\t1")
                .contains("报送截止");
        try (XSSFWorkbook status = new XSSFWorkbook(new ByteArrayInputStream(staff.get(
                "/collections/" + late + "/status.xlsx").bytes()))) {
            List<String> row = new ArrayList<>();
            status.getSheetAt(0).forEach(r -> {
                if (r.getCell(0) != null && Fixtures.PRIMARY.equals(r.getCell(0).toString())) {
                    r.forEach(c -> row.add(c.toString()));
                }
            });
            assertThat(row).contains("逾期");
        }

        String csrf = staff.get("/collections/" + late).csrf();
        // The school's page was open before the bureau closed the collection.
        String middle = "/s/" + links.get(Fixtures.MIDDLE);
        String schoolCsrf = school.get(middle).csrf();
        assertThat(staff.postForm("/collections/" + late + "/close", Map.of("_csrf", csrf))
                .status()).isEqualTo(303);
        assertThat(staff.get("/collections/" + late).body()).contains("截止，不再接收报表")
                .contains("id=\"reopen-collection\"");
        assertThat(school.get(middle).body()).contains("id=\"locked\"")
                .contains("已截止，不再接收报表。如需补报，请联系教育局");
        Response closed = school.postMultipart(middle + "/upload", List.of(
                WebClient.Part.field("_csrf", schoolCsrf), WebClient.Part.file("file", "m.xlsx",
                        Fixtures.validReturn(Fixtures.MIDDLE))));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body()).contains("已截止，不再接收报表");
        String detail = "/collections/" + late + "/schools/" + Fixtures.MIDDLE;
        assertThat(staff.postForm(detail + "/late", Map.of("_csrf", staff.get(detail).csrf(),
                "reason", "网络故障")).status()).isEqualTo(303);
        assertThat(ServerFlowTest.upload(school, links.get(Fixtures.MIDDLE), "m.xlsx",
                Fixtures.validReturn(Fixtures.MIDDLE)).status()).isEqualTo(303);
        assertThat(school.get("/s/" + links.get(Fixtures.KINDERGARTEN)).body())
                .as("only the school allowed to file late").contains("id=\"locked\"");
        assertThat(staff.get("/collections/" + late + "/audit").body())
                .contains("截止收报").contains("允许补报");
    }

    @Test
    @Order(4)
    void aComparisonPeriodMustBeTheSameHalfOfTheYearBefore() {
        long h2 = ServerFlowTest.createCollection(staff, "2024H2");
        String csrf = staff.get("/collections/" + h2).csrf();
        Response wrong = staff.postMultipart("/collections/" + h2 + "/previous", List.of(
                WebClient.Part.field("_csrf", csrf),
                WebClient.Part.field("previous", String.valueOf(current))));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("上年同期应为 2023年下半年，所选的是 2024年上半年");
    }

    @Test
    @Order(5)
    void twoServerMadeCountyBooksConsolidateIntoACity(@TempDir Path dir) throws Exception {
        Path county = dir.resolve("示范县.xlsx");
        Files.write(county, staff.get("/collections/" + current
                + "/consolidated.xlsx?scope=accepted").bytes());
        Path other = dir.resolve("另一县.xlsx");
        try (HuizongServer.Handle second = HuizongServer.start(ServerConfig.defaults(
                dir.resolve("other")).withHost("127.0.0.1").withPort(0))) {
            WebClient admin = signIn(second);
            String csrf = admin.get("/settings").csrf();
            assertThat(admin.postForm("/settings", Map.of("_csrf", csrf, "name", "另一县教育局",
                    "code", "313500", "area", "县", "contact", "李老师", "phone", "0571-7654321"))
                    .status()).isEqualTo(303);
            long id = ServerFlowTest.createCollection(admin, "2024H1");
            ServerFlowTest.importRoster(admin, id, "schools.csv", Fixtures.rosterCsv());
            Map<String, String> links = ServerFlowTest.issueLinks(admin, id);
            WebClient school = new WebClient(second.baseUrl());
            for (String code : List.of(Fixtures.PRIMARY, Fixtures.MIDDLE)) {
                ServerFlowTest.upload(school, links.get(code), code + ".xlsx",
                        Fixtures.validReturn(code));
            }
            Files.write(other, admin.get("/collections/" + id
                    + "/consolidated.xlsx?scope=accepted").bytes());
        }
        Collection edu = StandardCollections.eduHalfyear();
        Intake intake = Intake.of(edu);
        assertThat(intake.read(county).meta().unitCode()).isEqualTo(DemoCounty.UNIT_CODE);
        assertThat(intake.read(other).meta().unitCode()).isEqualTo("313500");
        Roster counties = new Roster(List.of(
                new School(DemoCounty.UNIT_CODE, "示范县", "汇总单位", "示范县", "公办"),
                new School("313500", "另一县教育局", "汇总单位", "另一县", "公办")));
        Pipeline city = Pipeline.of(edu, StandardCollections.narrative(edu), Clock.systemUTC())
                .withArea("市").withUnit(new Pipeline.Unit("341500", "示例市教育局"));
        Consolidation c = city.consolidate(counties, intake.submissions(List.of(county, other),
                counties));
        assertThat(c.completeness().counted()).isEqualTo(2);
        BigDecimal students = ((Value.Num) intake.read(county).values().get("info.students"))
                .value().add(((Value.Num) intake.read(other).values().get("info.students"))
                        .value());
        assertThat(c.totals().get("info.students")).isEqualByComparingTo(students);
        Path book = dir.resolve("city.xlsx");
        city.write(c, book);
        assertThat(Books.text(Files.readAllBytes(book))).contains("示范县").contains("另一县教育局")
                .contains("示例市教育局（341500）");
    }
}

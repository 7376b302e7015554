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
import org.huizong.engine.definition.DefinitionWorkbookWriter;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.spec.DefinitionBook;
import org.huizong.engine.spec.DefinitionExport;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.server.WebClient.Part;
import org.huizong.server.WebClient.Response;
import org.huizong.templates.CollectionDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A bureau's own collection definition through the real server (SQLite): uploaded as a
 * definition workbook, checked, kept per version, offered for new tasks of its period kind
 * only, and last year's task of the older version read by field id as the 上年同期.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefinitionFlowTest {
    private static final School PRIMARY =
            new School("3134000010", "东城镇中心小学", "小学", "东城镇", "公办");
    private static final byte[] ROSTER = ("code,name,type,township,ownership\n"
            + "3134000010,东城镇中心小学,小学,东城镇,公办\n").getBytes(StandardCharsets.UTF_8);

    private HuizongServer.Handle server;
    private String adminPassword;

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("huizong-definitions");
        server = HuizongServer.start(ServerConfig.defaults(data).withHost("127.0.0.1")
                .withPort(0).withMaxUploadBytes(1024 * 1024));
        adminPassword = server.initialAdminPassword().orElseThrow();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anUploadedVersionRunsWithLastYearsOlderVersionAsItsPreviousPeriod() {
        WebClient staff = staff();
        assertThat(staff.get("/definitions").body()).contains("学校安全工作月报", "safety-monthly",
                "教育工作半年报表");

        Response broken = uploadDefinition(staff, "坏.xlsx", definition("整形"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body()).contains("坏.xlsx 字段!E19", "整形", "没有保存");

        byte[] v2 = definition("整数");
        Response ok = uploadDefinition(staff, "安全月报第2版.xlsx", v2);
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        assertThat(staff.get("/definitions").body()).contains("safety-monthly@2");
        Response again = uploadDefinition(staff, "安全月报第2版.xlsx", v2);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("第2版", "版本改为 3");
        Response workbook = staff.get("/definitions/workbook?key=safety-monthly@2");
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.bytes()).startsWith('P', 'K', 3, 4);

        Response halfYear = create(staff, "safety-monthly@2", "2024H1", "");
        assertThat(halfYear.status()).isEqualTo(422);
        assertThat(halfYear.body()).contains("学校安全工作月报是月报，报告期应写作如 2024-05，不能用 2024H1");

        Collection v1 = CollectionDefinition.of("safety-monthly").collection();
        Collection second = CollectionDefinition.parse(v2, "v2.xlsx").collection();
        long lastYear = id(create(staff, "safety-monthly", "2023-05", ""));
        assertThat(importRoster(staff, lastYear).status()).isEqualTo(303);
        assertThat(uploadReturn(staff, lastYear, TemplateWriter.of(v1, Period.parse("2023-05"))
                .toBytes(PRIMARY, figures(4321, null))).status()).isEqualTo(303);

        long thisYear = id(create(staff, "safety-monthly@2", "2024-05", Long.toString(lastYear)));
        assertThat(importRoster(staff, thisYear).status()).isEqualTo(303);
        Response old = uploadReturn(staff, thisYear, TemplateWriter.of(v1,
                Period.parse("2024-05")).toBytes(PRIMARY, figures(6, null)));
        assertThat(old.body()).as("an old template names both versions")
                .contains("第1版", "第2版").contains("新增1项（安全巡查）");
        assertThat(uploadReturn(staff, thisYear, TemplateWriter.of(second,
                Period.parse("2024-05")).toBytes(PRIMARY, figures(6, 7))).status())
                .isEqualTo(303);

        Response book = staff.get("/collections/" + thisYear + "/consolidated.xlsx?scope=accepted");
        assertThat(book.status()).as(book.body()).isEqualTo(200);
        assertThat(Books.named(book.bytes(), "F_patrols")).isEqualByComparingTo("7");
        assertThat(Books.named(book.bytes(), "F_hazards_found")).isEqualByComparingTo("6");
        assertThat(Books.text(book.bytes())).as("last year's figure, read by field id")
                .contains("4321");
    }

    /** safety-monthly as version 2 with a new field 安全巡查 (patrols); {@code type} its type. */
    private static byte[] definition(String type) {
        CollectionDefinition d = CollectionDefinition.of("safety-monthly");
        DefinitionBook book = DefinitionExport.of(d.collection(), d.narrativeText(), "x.xlsx");
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        book.sheets().forEach((k, v) -> {
            List<List<String>> rows = new ArrayList<>();
            v.forEach(r -> rows.add(new ArrayList<>(r)));
            sheets.put(k, rows);
        });
        sheets.get("设置").get(3).set(1, "2");
        sheets.get("字段").add(new ArrayList<>(List.of("safety", "", "patrols", "安全巡查", type,
                "次", "", "是", "", "", "", "", "", "")));
        return DefinitionWorkbookWriter.write(new DefinitionBook("x.xlsx", sheets));
    }

    private static ReturnData figures(int hazards, Integer patrols) {
        ReturnData d = ReturnData.empty().with("info.head", Value.of("王建国"))
                .with("info.phone", Value.of("0555-1234567"));
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("hazards.found", hazards,
                "hazards.fixed", hazards, "hazards.reported", 0, "drills.count", 1,
                "drills.participants", 300, "lessons", 10, "food.checks", 2,
                "guards.on_duty", 2, "incidents.count", 0));
        if (patrols != null) {
            counts.put("patrols", patrols);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            d = d.with(e.getKey(), Value.of(BigDecimal.valueOf(e.getValue())));
        }
        return d;
    }

    private WebClient staff() {
        WebClient c = new WebClient(server.baseUrl());
        Response login = c.get("/login");
        Response r = c.postForm("/login", Map.of("username", "admin", "password", adminPassword,
                "_csrf", login.csrf()));
        assertThat(r.status()).as("login").isEqualTo(303);
        return c;
    }

    private static Response uploadDefinition(WebClient c, String name, byte[] bytes) {
        String csrf = c.get("/definitions").csrf();
        return c.postMultipart("/definitions", List.of(Part.field("_csrf", csrf),
                Part.file("definition", name, bytes)));
    }

    private static Response create(WebClient c, String standard, String period,
            String previous) {
        String csrf = c.get("/collections/new").csrf();
        return c.postForm("/collections", Map.of("_csrf", csrf, "standard", standard,
                "period", period, "deadline", "2024-06-10", "title", "", "previous", previous));
    }

    private static long id(Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        return Long.parseLong(created.header("Location").replace("/collections/", ""));
    }

    private static Response importRoster(WebClient c, long id) {
        return ServerFlowTest.importRoster(c, id, "schools.csv", ROSTER);
    }

    private Response uploadReturn(WebClient staff, long id, byte[] file) {
        String secret = lastSecret.computeIfAbsent(id,
                k -> ServerFlowTest.issueLinks(staff, k).get(PRIMARY.code()));
        return ServerFlowTest.upload(new WebClient(server.baseUrl()), secret, "r.xlsx", file);
    }

    private final Map<Long, String> lastSecret = new LinkedHashMap<>();
}

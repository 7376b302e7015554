package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.huizong.server.WebClient.Response;
import org.huizong.templates.demo.DemoCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --demo}: the demo county is loaded, so the dashboard is full at once. */
class DemoServerTest {
    @Test
    void demoStartShowsAFullDashboardAndTheCountyTotals(@TempDir Path dir) throws Exception {
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withDemo(true);
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            WebClient c = new WebClient(h.baseUrl());
            String csrf = c.get("/login").csrf();
            c.postForm("/login", Map.of("username", "admin", "_csrf", csrf,
                    "password", h.initialAdminPassword().orElseThrow()));
            Response list = c.get("/collections");
            assertThat(list.body()).contains("2024年上半年教育工作半年报表")
                    .contains("2023年上半年教育工作半年报表");
            String id = list.body().replaceAll("(?s).*?href=\"/collections/(\\d+)\">2024.*", "$1");
            Response dash = c.get("/collections/" + id);
            assertThat(dash.body()).contains("显示 61 / 61 所").contains("已通过").contains("已退回")
                    .contains("东城镇中心幼儿园");
            Response book = c.get("/collections/" + id + "/consolidated.xlsx?scope=accepted");
            assertThat(book.status()).as(book.body()).isEqualTo(200);
            Map<String, BigDecimal> totals = DemoCounty.totals(DemoCounty.PERIOD);
            for (String field : new String[] {"enrol.zhongkao", "enrol.gaokao.registered"}) {
                assertThat(Books.named(book.bytes(), "F_" + field.replace('.', '_')))
                        .as(field).isEqualByComparingTo(totals.get(field));
            }
            assertThat(Books.text(book.bytes())).contains("比去年");
            String links = Files.readString(dir.resolve("demo-links.txt"));
            assertThat(links.lines().filter(l -> l.contains("/s/")).count()).isEqualTo(61);
        }
    }
}

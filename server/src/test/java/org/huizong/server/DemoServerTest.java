package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.huizong.server.WebClient.Response;
import org.huizong.templates.demo.DemoCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --demo}: the demo county is loaded, so the dashboard is full at once. */
class DemoServerTest {
    /** What a newcomer sees: the demo dashboard, in the system Chromium. */
    private static void screenshot(HuizongServer.Handle h, String id, Path dataDir)
            throws Exception {
        Path shots = Paths.get("target", "screenshots");
        Files.createDirectories(shots);
        try (Playwright pw = Browsers.playwright();
                Browser browser = Browsers.chromium(pw)) {
            Page page = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900).setLocale("zh-CN")).newPage();
            Browsers.signIn(page, h.baseUrl(), "admin", h.initialAdminPassword().orElseThrow(),
                    "**/collections");
            page.navigate(h.baseUrl() + "/collections/" + id);
            assertThat(page.textContent("#stats")).contains("61");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("10-demo-dashboard.png")).setFullPage(true));
            page.navigate(h.baseUrl() + "/collections/" + id + "/schools/3134000025");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("11-demo-school.png")));
            page.navigate(h.baseUrl() + "/settings");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("12-demo-settings.png")));
            // An approved school's own page: locked, with whom to call.
            String secret = Files.readAllLines(dataDir.resolve("demo-links.txt")).stream()
                    .filter(l -> l.startsWith("3134000025\t")).findFirst().orElseThrow()
                    .replaceAll(".*/s/", "").strip();
            Page school = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(375, 800).setLocale("zh-CN")).newPage();
            school.navigate(h.baseUrl() + "/s/" + secret);
            assertThat(school.textContent("#locked")).contains("已审核通过，不能再上传");
            school.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve("13-demo-school-locked-375.png")).setFullPage(true));
        }
    }

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
            screenshot(h, id, dir);
        }
    }
}

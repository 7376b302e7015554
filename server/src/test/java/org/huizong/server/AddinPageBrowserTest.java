package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huizong.engine.model.School;
import org.huizong.templates.demo.DemoCounty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The add-in's page as a school's upload page, end to end: the real server (demo county), its
 * static files under /addin/ and its /api/v1/, in Debian's Chromium. Screenshots go to
 * {@code addin/target/screenshots/}. Skipped where Chromium is not installed
 * ({@code apt-get install -y chromium fonts-wqy-microhei}).
 */
class AddinPageBrowserTest {
    private static final Path CHROMIUM = Path.of(
            System.getenv().getOrDefault("HUIZONG_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("..", "addin", "target", "screenshots");
    private static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void schoolValidatesAndSubmitsItsTemplateThroughTheUploadPage(@TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withDemo(true);
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            // The demo's last school has reported and awaits review: it may send a new version
            // (an approved school could not; its return is locked until the bureau reopens it).
            School waiting = DemoCounty.roster().schools().get(DemoCounty.roster().size() - 1);
            String secret = secretOf(waiting.code(), dir);
            byte[] template = get(h.baseUrl() + "/s/" + secret + "/template.xlsx");
            Files.createDirectories(SHOTS);
            try (Playwright pw = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                    Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM).setHeadless(true)
                            .setArgs(List.of("--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync")))) {
                Page page = browser.newPage(new Browser.NewPageOptions()
                        .setViewportSize(1000, 900).setLocale("zh-CN"));
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                page.navigate(h.baseUrl() + "/addin/taskpane.html?s=" + secret);
                page.waitForSelector("#status:not([hidden])");
                assertThat(page.textContent("#school-name")).isEqualTo(waiting.name());
                assertThat(page.textContent("#status-label")).isEqualTo("已报送待审核");

                page.setInputFiles("#file", new FilePayload(waiting.name() + ".xlsx", XLSX,
                        template));
                page.waitForSelector("#findings:not([hidden])");
                // the blank template misses every required field of 学校基本情况
                assertThat(page.textContent("#findings-summary")).startsWith("校验发现：错误");
                assertThat(page.textContent("#findings-groups summary")).startsWith("学校基本情况");
                assertThat(page.textContent("#findings-groups li")).contains("D9")
                        .contains("学校负责人");
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(SHOTS.resolve("server-upload-findings.png")).setFullPage(true));

                page.click("#submit");
                page.waitForSelector("#notice:not([hidden])");
                assertThat(page.textContent("#notice")).contains("服务器已收到第 2 版")
                        .contains("还有错误");
                page.waitForFunction(
                        "() => document.querySelector('#status-label').textContent === '有错误'");
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(SHOTS.resolve("server-upload-submitted.png")).setFullPage(true));
                assertThat(errors).isEmpty();
            }
        }
    }

    /** The school's secret from the demo's link list ({@code code <tab> name <tab> link}). */
    private static String secretOf(String code, Path dataDir) throws Exception {
        return Files.readAllLines(dataDir.resolve("demo-links.txt")).stream()
                .filter(l -> l.startsWith(code + "\t")).findFirst().orElseThrow()
                .replaceAll(".*/s/", "").strip();
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }
}

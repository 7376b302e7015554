package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo in the system Chromium at 1366 and 375 px: on a phone neither the dashboard nor a
 * school's page scrolls sideways (tables scroll inside themselves); the Chinese 404 page and a
 * password change in the browser. Screenshots of each page at both widths go to
 * {@code target/screenshots/} as {@code 2x-<page>-<width>.png}.
 */
class PhoneLayoutBrowserTest {
    @Test
    void dashboardAndSchoolPagesFitA375PixelPhone(@TempDir Path dir) throws Exception {
        Files.createDirectories(Browsers.SHOTS);
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withDemo(true);
        try (HuizongServer.Handle h = HuizongServer.start(config);
                Playwright pw = Browsers.playwright();
                Browser browser = Browsers.chromium(pw)) {
            String base = h.baseUrl();
            Map<String, String> links = new LinkedHashMap<>();
            for (String line : Files.readAllLines(dir.resolve("demo-links.txt"))) {
                if (line.contains("/s/")) {
                    links.put(line.substring(0, line.indexOf('\t')),
                            line.replaceAll(".*(/s/.*)", "$1").strip());
                }
            }
            for (int width : new int[] {1366, 375}) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(width, 800).setLocale("zh-CN"));
                Page page = context.newPage();
                Browsers.signIn(page, base, "admin", h.initialAdminPassword().orElseThrow(),
                        "**/collections");
                shot(page, "20-collections", width);
                page.click("a[href^='/collections/']:has-text('2024')");
                page.waitForSelector("#stats");
                String dashboard = page.url();
                Browsers.fitsWidth(page, "dashboard", width);
                shot(page, "21-dashboard", width);
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Browsers.SHOTS.resolve("21-dashboard-top-" + width + ".png")));
                page.navigate(dashboard + "/schools/3134000025");
                Browsers.fitsWidth(page, "review", width);
                shot(page, "22-review", width);
                for (String p : List.of("/users", "/account", "/audit", "/settings")) {
                    page.navigate(base + p);
                    Browsers.fitsWidth(page, p, width);
                    shot(page, "23" + p.replace('/', '-'), width);
                }
                page.navigate(base + "/nope");
                assertThat(page.textContent("main")).contains("找不到这个页面")
                        .doesNotContain("Endpoint");
                shot(page, "24-not-found", width);
                int n = 0;
                for (Map.Entry<String, String> e : links.entrySet()) {
                    if (n++ % 12 != 0) {
                        continue;
                    }
                    page.navigate(base + e.getValue());
                    Browsers.fitsWidth(page, "school " + e.getKey(), width);
                    assertThat(page.textContent("#bureau-contact")).contains("联系");
                    assertThat(page.textContent("#next-step")).startsWith("下一步：");
                    shot(page, "25-school-" + e.getKey(), width);
                }
                context.close();
            }
        }
    }

    @Test
    void aStaffMemberChangesThePasswordInTheBrowser(@TempDir Path dir) throws Exception {
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0);
        try (HuizongServer.Handle h = HuizongServer.start(config);
                Playwright pw = Browsers.playwright();
                Browser browser = Browsers.chromium(pw)) {
            Page page = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(375, 800).setLocale("zh-CN")).newPage();
            // A new server asks for the bureau's details first.
            Browsers.signIn(page, h.baseUrl(), "admin", h.initialAdminPassword().orElseThrow(),
                    "**/settings");
            page.click("header .who a");
            page.fill("#old", h.initialAdminPassword().orElseThrow());
            page.fill("#new", "a-new-password-1");
            page.fill("#again", "a-new-password-1");
            page.click("#change");
            page.waitForSelector(".flash.ok");
            assertThat(page.textContent(".flash.ok")).contains("密码已修改");
            shot(page, "26-password-changed", 375);
            page.click("header .who button");
            page.waitForURL("**/login");
            page.fill("#username", "admin");
            page.fill("#password", "a-new-password-1");
            page.click("button[type=submit]");
            page.waitForURL("**/settings");
        }
    }

    private static void shot(Page page, String name, int width) {
        Browsers.shot(page, name + "-" + width);
    }
}

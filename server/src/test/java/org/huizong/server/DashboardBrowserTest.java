package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard at volume in a real browser (the system Chromium), over the demo county's 61
 * schools: search, sorting by a column, a status card as a filter, batch approval with its
 * confirmation, and the 催报 page and notice. Screenshots at 1366 and 375 px go to
 * {@code target/screenshots/}.
 */
class DashboardBrowserTest {
    @Test
    void searchSortFilterAndBatchApproveOnTheDemoDashboard(@TempDir Path dir) throws Exception {
        Files.createDirectories(Browsers.SHOTS);
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withDemo(true);
        try (HuizongServer.Handle h = HuizongServer.start(config);
                Playwright pw = Browsers.playwright();
                Browser browser = Browsers.chromium(pw)) {
            Page page = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1366, 900).setLocale("zh-CN")).newPage();
            Browsers.signIn(page, h.baseUrl(), "admin", h.initialAdminPassword().orElseThrow(),
                    "**/collections");
            page.click("text=2024年上半年教育工作半年报表");
            page.waitForSelector("#schools");
            String dashboard = page.url();
            assertThat(page.textContent("#on-time-rate")).endsWith("%");
            Browsers.shot(page, "20-dashboard-1366");

            page.fill("#search", "中心小学");
            page.click("#search-submit");
            page.waitForURL("**q=*");
            List<String> names = page.locator("#schools tr[data-code] td:nth-child(3)")
                    .allTextContents();
            assertThat(names).isNotEmpty().allMatch(n -> n.contains("中心小学"));

            page.navigate(dashboard);
            page.click("#sort-code");
            page.waitForURL("**sort=code*");
            page.click("#sort-code");
            page.waitForURL("**dir=desc*");
            List<String> shown = page.locator("#schools tr[data-code] td:nth-child(2)")
                    .allTextContents();
            assertThat(shown).hasSize(50).isSortedAccordingTo(
                    java.util.Comparator.reverseOrder());

            page.click("#stat-submitted");
            page.waitForURL("**status=submitted*");
            int awaiting = page.locator("#schools tr[data-code]").count();
            assertThat(awaiting).isPositive();
            page.click("#batch-all");
            page.waitForSelector("#batch-list");
            assertThat(page.locator("#batch-list li").count()).isEqualTo(awaiting);
            Browsers.shot(page, "21-batch-confirm-1366");
            page.click("#batch-confirm-button");
            page.waitForSelector("text=已批量审核通过 " + awaiting + " 所学校的报表");
            assertThat(page.textContent("#stat-submitted")).startsWith("0");

            page.click("#chase-link");
            page.waitForSelector("#chase");
            assertThat(page.textContent("#owing-count")).isEqualTo("1");
            Browsers.shot(page, "22-chase-1366");
            page.click("#chase-notice");
            page.waitForSelector("#notice");
            Browsers.shot(page, "23-chase-notice-1366");

            Page phone = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(375, 800).setLocale("zh-CN")
                    .setStorageState(page.context().storageState())).newPage();
            phone.navigate(dashboard);
            Browsers.shot(phone, "24-dashboard-375");
            phone.navigate(dashboard + "/chase");
            Browsers.shot(phone, "25-chase-375");
        }
    }
}

package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-level review in a real browser (the system Chromium) on the demo county: the admin
 * creates a reviewer for 东城镇 on 账号管理; the reviewer sees only 东城镇's schools, passes one
 * (初审通过) and sends another back, and is refused a 西河镇 school with a Chinese 403; the
 * county sees 已初审待终审 and approves finally; the audit log names each step in Chinese. The
 * reviewer's dashboard fits 375 px. Screenshots {@code 3x-…} go to {@code target/screenshots/}.
 */
class TwoLevelReviewBrowserTest {
    private static final String TITLE = "2024年上半年教育工作半年报表";
    /** 东城镇's schools awaiting review in the demo: 县第一中学 and 县电子工程学校. */
    private static final String PASSED = "3134000057";
    private static final String SENT_BACK = "3134000060";
    /** 县第二中学, in 西河镇. */
    private static final String OTHER_TOWN = "3134000058";

    @Test
    void aTownshipReviewerFirstApprovesAndTheCountyApprovesFinally(@TempDir Path dir)
            throws Exception {
        Files.createDirectories(Browsers.SHOTS);
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withDemo(true);
        try (HuizongServer.Handle h = HuizongServer.start(config);
                Playwright pw = Browsers.playwright();
                Browser browser = Browsers.chromium(pw)) {
            Page admin = context(browser, 1366).newPage();
            signIn(admin, h.baseUrl(), "admin", h.initialAdminPassword().orElseThrow());
            admin.navigate(h.baseUrl() + "/users");
            admin.fill("#username", "dongcheng");
            admin.fill("#display", "东城学区审核员");
            admin.fill("#password", "dongcheng-2024");
            admin.check("input[name=township][value=东城镇]");
            admin.click("form[action='/users'] button[type=submit]");
            admin.waitForSelector("text=审核员（东城镇）");
            Browsers.shot(admin, "30-users-with-reviewer-1366");

            BrowserContext reviewerContext = context(browser, 1366);
            Page reviewer = reviewerContext.newPage();
            signIn(reviewer, h.baseUrl(), "dongcheng", "dongcheng-2024");
            reviewer.click("text=" + TITLE);
            reviewer.waitForSelector("#schools");
            String dashboard = reviewer.url();
            List<String> towns = reviewer.locator("#schools tr[data-code] td:nth-child(5)")
                    .allTextContents();
            assertThat(towns).hasSize(12).allMatch("东城镇"::equals);
            assertThat(reviewer.textContent("#stat-first-pending")).contains("待初审");
            Browsers.shot(reviewer, "31-reviewer-dashboard-1366");

            reviewer.click("#stat-first-pending");
            reviewer.waitForURL("**status=first-pending*");
            assertThat(reviewer.locator("#schools tr[data-code]").allTextContents())
                    .anyMatch(t -> t.contains(PASSED)).anyMatch(t -> t.contains(SENT_BACK));
            reviewer.click("#schools tr[data-code='" + PASSED + "'] a");
            reviewer.waitForSelector("#approve");
            assertThat(reviewer.textContent("#approve")).contains("初审通过");
            reviewer.click("#approve");
            reviewer.waitForSelector("text=学区已初审，等待县教育局终审");
            top(reviewer, "32-reviewer-first-approved-1366");

            reviewer.navigate(dashboard.replaceAll("\\?.*", "") + "/schools/" + SENT_BACK);
            reviewer.fill("#reason", "专任教师数与上年差别较大，请核实后重新上传");
            reviewer.click("#send-back");
            reviewer.waitForSelector("text=已退回学校，等待学校修改后重新上传");

            Response refused = reviewer.navigate(dashboard.replaceAll("\\?.*", "")
                    + "/schools/" + OTHER_TOWN);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(reviewer.textContent("body")).contains("无权查看该学校")
                    .doesNotContain("县第二中学");
            Browsers.shot(reviewer, "33-reviewer-other-town-403-1366");

            Page phone = context(browser, 375, reviewerContext).newPage();
            phone.navigate(dashboard.replaceAll("\\?.*", ""));
            phone.waitForSelector("#schools");
            Browsers.fitsWidth(phone, "the reviewer's dashboard", 375);
            Browsers.shot(phone, "34-reviewer-dashboard-375");

            countyApprovesFinally(admin, h.baseUrl(), dashboard.replaceAll("\\?.*", ""));
        }
    }

    /** The county sees 已初审待终审, approves finally, and reads each step in the audit log. */
    private static void countyApprovesFinally(Page admin, String base, String dashboard) {
        admin.navigate(dashboard);
        assertThat(admin.textContent("#stat-first-approved")).startsWith("1")
                .contains("已初审待终审");
        admin.navigate(dashboard + "/schools/" + PASSED);
        assertThat(admin.textContent("#status-line")).isEqualTo("学区已初审，等待县教育局终审");
        assertThat(admin.textContent("#approve")).contains("终审通过");
        top(admin, "35-county-final-1366");
        admin.click("#approve");
        admin.waitForSelector("text=县教育局已终审通过，计入汇总");

        admin.navigate(dashboard + "/audit");
        String log = admin.textContent("body");
        assertThat(log).contains("初审通过（学区、乡镇）").contains("终审通过（县教育局）")
                .contains("退回").contains("专任教师数与上年差别较大")
                .doesNotContain("return.first_approve");
        top(admin, "36-audit-two-levels-1366");
        admin.navigate(base + "/audit");
        assertThat(admin.textContent("body")).contains("新建账号")
                .contains("用户 dongcheng（审核员，负责 东城镇）");
    }

    private static BrowserContext context(Browser browser, int width) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900)
                .setLocale("zh-CN"));
    }

    private static BrowserContext context(Browser browser, int width, BrowserContext signedIn) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 800)
                .setLocale("zh-CN").setStorageState(signedIn.storageState()));
    }

    private static void signIn(Page page, String base, String user, String password) {
        Browsers.signIn(page, base, user, password, "**/collections");
    }

    /** The first screen only: the top of a long page (status, actions, the latest entries). */
    private static void top(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Browsers.SHOTS.resolve(name + ".png")));
    }
}

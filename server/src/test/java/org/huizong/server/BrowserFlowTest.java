package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.huizong.engine.model.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collection cycle in a real browser (the system Chromium): staff sign in, create the
 * collection and import the roster; a school uploads a return with errors, sees the cell, uploads
 * the fix; staff approve and download the consolidated workbook, whose totals are checked.
 * Screenshots of the main pages go to {@code target/screenshots/}.
 */
class BrowserFlowTest {
    @Test
    void collectionCycleInChromium(@TempDir Path dir) throws Exception {
        Files.createDirectories(Browsers.SHOTS);
        Path roster = dir.resolve("schools.csv");
        Files.write(roster, Fixtures.rosterCsv());
        Path broken = dir.resolve("东城镇第二小学-有错.xlsx");
        Files.write(broken, Fixtures.returnWithError(Fixtures.PRIMARY));
        Path fixed = dir.resolve("东城镇第二小学.xlsx");
        Files.write(fixed, Fixtures.validReturn(Fixtures.PRIMARY));
        ServerConfig config = ServerConfig.defaults(dir.resolve("data")).withHost("127.0.0.1")
                .withPort(0);
        try (HuizongServer.Handle server = HuizongServer.start(config);
                Playwright pw = Browsers.playwright();
                Browser browser = Browsers.chromium(pw)) {
            String base = server.baseUrl();
            Page staff = browser.newContext(new Browser.NewContextOptions()
                    .setAcceptDownloads(true).setViewportSize(1280, 900).setLocale("zh-CN"))
                    .newPage();
            String dashboard = createCollection(staff, base, server, roster);
            String link = staff.getAttribute("a.school-link[data-code='" + Fixtures.PRIMARY
                    + "']", "href");

            Page school = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900).setLocale("zh-CN")).newPage();
            school.navigate(link);
            assertThat(school.textContent("h1")).isEqualTo("东城镇第二小学");
            school.setInputFiles("#file", broken);
            school.click("#upload");
            school.waitForSelector("#findings");
            String findings = school.textContent("#findings");
            assertThat(findings).contains("错误").containsPattern("学校基本情况![A-Z]+\\d+");
            assertThat(school.textContent("#status")).isEqualTo("有错误");
            Browsers.shot(school, "05-school-errors");
            school.setInputFiles("#file", fixed);
            school.click("#upload");
            school.waitForSelector("text=第 2 版检查无错误");
            assertThat(school.textContent("#status")).isEqualTo("已报送待审核");
            Browsers.shot(school, "06-school-accepted");

            staff.navigate(dashboard);
            staff.click("a[href$='/schools/" + Fixtures.PRIMARY + "']");
            staff.waitForSelector("#approve");
            Browsers.shot(staff, "07-school-detail");
            staff.click("#approve");
            staff.waitForSelector("#status");
            assertThat(staff.textContent("#status")).isEqualTo("已通过");
            staff.navigate(dashboard);
            Browsers.shot(staff, "08-dashboard");
            Download download = staff.waitForDownload(() -> staff.click(
                    "#download-consolidated"));
            Path book = dir.resolve("county.xlsx");
            download.saveAs(book);
            BigDecimal students = ((Value.Num) Fixtures.data(Fixtures.PRIMARY).values()
                    .get("info.students")).value();
            assertThat(Books.named(Files.readAllBytes(book), "F_info_students"))
                    .isEqualByComparingTo(students);
            school.reload();
            assertThat(school.textContent("#status")).isEqualTo("已通过");
        }
    }

    /** Staff sign in, create the collection, import the roster and issue links. */
    private static String createCollection(Page staff, String base, HuizongServer.Handle server,
            Path roster) {
        staff.onDialog(d -> d.accept());
        staff.navigate(base + "/");
        Browsers.shot(staff, "01-login");
        staff.fill("#username", "admin");
        staff.fill("#password", server.initialAdminPassword().orElseThrow());
        staff.click("button[type=submit]");
        staff.waitForURL("**/settings");
        staff.fill("#name", "测试县教育局");
        staff.fill("#code", "330100");
        staff.fill("#contact", "王老师");
        staff.fill("#phone", "0571-1234567");
        Browsers.shot(staff, "01b-first-start-settings");
        staff.click("#save-settings");
        staff.waitForSelector("text=本单位信息已保存");
        staff.navigate(base + "/collections");
        staff.click("text=新建任务");
        staff.fill("#period", "2024H1");
        staff.fill("#deadline", "2024-07-10");
        Browsers.shot(staff, "02-new-collection");
        staff.click("text=创建任务");
        staff.waitForURL("**/collections/*");
        String dashboard = staff.url();
        staff.setInputFiles("#roster-file", roster);
        staff.click("#roster-submit");
        staff.waitForSelector("text=已导入名单");
        assertThat(staff.textContent("#schools")).contains("东城镇第二小学").contains("未报");
        Browsers.shot(staff, "03-dashboard-empty");
        staff.click("text=学校上传链接");
        staff.click("#issue-missing");
        staff.waitForSelector("#links");
        Browsers.shot(staff, "04-links");
        return dashboard;
    }
}

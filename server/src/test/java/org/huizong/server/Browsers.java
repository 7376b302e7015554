package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The browser tests' Chromium: the system's ({@code .ci/run} installs it), never a download,
 * without the background traffic a first run makes.
 */
final class Browsers {
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run");

    /** Where the browser tests' screenshots go, to be looked at. */
    static final Path SHOTS = Paths.get("target", "screenshots");

    private Browsers() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser chromium(Playwright pw) {
        return pw.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setArgs(ARGS));
    }

    /** The whole page as {@code target/screenshots/<name>.png}. */
    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /**
     * Signs {@code user} in on the staff sign-in page and waits for where it lands
     * ({@code lands}: a glob such as {@code **}{@code /collections}, or {@code /settings} on a
     * new server's first sign-in).
     */
    static void signIn(Page page, String base, String user, String password, String lands) {
        page.navigate(base + "/login");
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForURL(lands);
    }

    /** No sideways scroll at {@code width}; on failure, names the elements that stick out. */
    static void fitsWidth(Page page, String what, int width) {
        Object scroll = page.evaluate("document.documentElement.scrollWidth");
        Object wide = page.evaluate("w => [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > w).slice(0, 6)"
                + ".map(e => e.tagName + '.' + e.className + '#' + e.id).join(' ')", width);
        assertThat(((Number) scroll).intValue()).as(what + " at " + width + " px: " + wide)
                .isLessThanOrEqualTo(width);
    }
}

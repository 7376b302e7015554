package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huizong.server.web.ApiRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schools on paper, in the system Chromium: staff issue access codes and download the slips PDF
 * (one page per school, each QR code opening that school's sign-in page); a school opens the QR
 * address, types its code loosely and lands on its page; the add-in's sign-in call gives a
 * secret the API accepts. The first slip is rendered to {@code target/screenshots/}.
 */
class SchoolAccessBrowserTest {
    private static final Pattern CODE = Pattern.compile("([2-9A-Z]{4})-([2-9A-Z]{4})");

    @Test
    void aSchoolSignsInWithTheCodeOnItsSlip(@TempDir Path dir) throws Exception {
        Files.createDirectories(Browsers.SHOTS);
        Path roster = dir.resolve("schools.csv");
        Files.write(roster, Fixtures.rosterCsv());
        ServerConfig config = ServerConfig.defaults(dir.resolve("data")).withHost("127.0.0.1")
                .withPort(0);
        try (HuizongServer.Handle server = HuizongServer.start(config);
                Playwright pw = Browsers.playwright();
                Browser browser = Browsers.chromium(pw)) {
            String base = server.baseUrl();
            Page staff = browser.newContext(new Browser.NewContextOptions()
                    .setAcceptDownloads(true).setViewportSize(1280, 900).setLocale("zh-CN"))
                    .newPage();
            String dashboard = collectionWithRoster(staff, base, server, roster);
            staff.navigate(dashboard + "/access");
            assertThat(staff.textContent("table")).contains("东城镇第二小学").contains("未发放");
            Download download = staff.waitForDownload(() -> staff.click("#issue-codes"));
            Path pdf = dir.resolve("slips.pdf");
            download.saveAs(pdf);
            assertThat(download.suggestedFilename()).endsWith(".pdf");
            Map<String, String> codes = slips(Files.readAllBytes(pdf), base);
            assertThat(codes.keySet()).containsExactlyElementsOf(Fixtures.CODES);
            render(pdf);
            staff.navigate(dashboard + "/access");
            assertThat(staff.textContent("table")).contains("有效，发放于").doesNotContain("未发放");
            Browsers.shot(staff, "access-01-staff");

            Page school = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(375, 800).setLocale("zh-CN")).newPage();
            school.navigate(base + "/school?code=" + Fixtures.PRIMARY);
            assertThat(school.inputValue("#school")).isEqualTo(Fixtures.PRIMARY);
            school.fill("#code", "2345-6789");
            school.click("button[type=submit]");
            school.waitForSelector(".flash");
            assertThat(school.textContent("main")).contains("学校标识码或访问码不正确");
            Browsers.shot(school, "access-02-school-wrong-code");
            String typed = codes.get(Fixtures.PRIMARY).toLowerCase(java.util.Locale.ROOT)
                    .replace("-", " ");
            school.fill("#code", typed);
            school.click("button[type=submit]");
            school.waitForURL("**/s/**");
            assertThat(school.textContent("h1")).isEqualTo("东城镇第二小学");
            Browsers.shot(school, "access-03-school-page");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("school=" + Fixtures.MIDDLE
                            + "&code=" + URLEncoder.encode(codes.get(Fixtures.MIDDLE),
                            StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(session.statusCode()).isEqualTo(200);
            Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(session.body());
            assertThat(secret.find()).isTrue();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/status"))
                    .header(ApiRequest.SECRET_HEADER, secret.group(1)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains(Fixtures.MIDDLE);
        }
    }

    /**
     * Each page's school code and access code, in page order; asserts one page per school and
     * that each page's QR code opens that school's sign-in page.
     */
    private static Map<String, String> slips(byte[] pdf, String base) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        Map<String, String> codes = new LinkedHashMap<>();
        PdfTextExtractor text = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            String qr = qrOf(reader, page);
            assertThat(qr).as("QR code on page %d", page).startsWith(base + "/school?code=");
            String school = qr.substring((base + "/school?code=").length());
            String words = text.getTextFromPage(page);
            assertThat(words).as("page %d", page).contains(school).contains(base + "/school");
            Matcher m = CODE.matcher(words);
            assertThat(m.find()).as("access code on page %d: %s", page, words).isTrue();
            assertThat(codes.put(school, m.group())).as("one page per school").isNull();
        }
        return codes;
    }

    /** Decodes the page's one image, the QR code in 8-bit grey, with ZXing. */
    private static String qrOf(PdfReader reader, int page) throws Exception {
        PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
        PdfDictionary xobjects = resources.getAsDict(PdfName.XOBJECT);
        PdfName name = xobjects.getKeys().iterator().next();
        PRStream image = (PRStream) PdfReader.getPdfObject(xobjects.get(name));
        int w = image.getAsNumber(PdfName.WIDTH).intValue();
        int h = image.getAsNumber(PdfName.HEIGHT).intValue();
        byte[] grey = PdfReader.getStreamBytes(image);
        int scale = 4;
        int[] pixels = new int[w * scale * h * scale];
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                int v = grey[(y / scale) * w + x / scale] & 0xFF;
                pixels[y * w * scale + x] = 0xFF000000 | v << 16 | v << 8 | v;
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(w * scale, h * scale, pixels)))).getText();
    }

    /** The first slip as a PNG to look at, when poppler's pdftoppm is installed. */
    private static void render(Path pdf) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            return;
        }
        Process p = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "60", "-f", "1", "-l",
                "1", "-singlefile", pdf.toString(),
                Browsers.SHOTS.resolve("access-slip").toString())
                .inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    private static String collectionWithRoster(Page staff, String base,
            HuizongServer.Handle server, Path roster) {
        staff.onDialog(d -> d.accept());
        staff.navigate(base + "/");
        staff.fill("#username", "admin");
        staff.fill("#password", server.initialAdminPassword().orElseThrow());
        staff.click("button[type=submit]");
        staff.waitForURL("**/settings");
        staff.fill("#name", "测试县教育局");
        staff.fill("#code", "330100");
        staff.fill("#contact", "王老师");
        staff.fill("#phone", "0571-1234567");
        staff.click("#save-settings");
        staff.waitForSelector("text=本单位信息已保存");
        staff.navigate(base + "/collections");
        staff.click("text=新建任务");
        staff.fill("#period", "2024H1");
        staff.fill("#deadline", "2024-07-10");
        staff.click("text=创建任务");
        staff.waitForURL("**/collections/*");
        String dashboard = staff.url();
        staff.setInputFiles("#roster-file", roster);
        staff.click("#roster-submit");
        staff.waitForSelector("text=已导入名单");
        return dashboard;
    }
}

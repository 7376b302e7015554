package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.server.WebClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No English sentence and no raw rule or field id reaches a user: every staff page reachable from
 * the demo's collection list, every school page, the error pages, and the visible sheets of the
 * exports a clerk downloads are scanned as the user reads them (tags, scripts and URLs removed).
 */
class UserTextScanTest {
    /** Three English words in a row. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\\b");
    /** A rule or field id such as afterschool.teachers_le_teachers or enrol.zhongkao. */
    private static final Pattern CODE = Pattern.compile("\\b[a-z]+(?:\\.[a-z_]+)+\\b");
    /** File names and host names a page may show on purpose. */
    private static final Pattern ALLOWED = Pattern.compile(
            "[\\w\\u4e00-\\u9fff.-]*\\.(xlsx|xls|docx|csv|zip|pdf|txt|json|db|p12)\\b"
                    + "|\\b[\\w-]+(\\.[\\w-]+)*\\.(cn|com|org|local)\\b|https?://\\S+");
    private static final int MAX_PAGES = 400;

    @Test
    void noPageOrExportShowsEnglishOrRawIds(@TempDir Path dir) {
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withDemo(true);
        List<String> finds = new ArrayList<>();
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            WebClient c = new WebClient(h.baseUrl());
            scan("/login", c.get("/login").body(), finds);
            c.postForm("/login", Map.of("username", "admin", "_csrf", c.get("/login").csrf(),
                    "password", h.initialAdminPassword().orElseThrow()));
            Set<String> seen = walk(c, "/collections", finds);
            for (String path : List.of("/nope", "/collections/999999", "/s/not-a-secret")) {
                scan(path, c.get(path).body(), finds);
            }
            scan("POST /collections/new", c.postForm("/collections/new", Map.of()).body(),
                    finds);
            for (String page : seen) {
                if (page.matches("/collections/\\d+")) {
                    for (String export : List.of("/status.xlsx", "/missing.xlsx",
                            "/consolidated.xlsx?scope=accepted")) {
                        Response r = c.get(page + export);
                        if (r.status() == 200) {
                            scan(page + export, visibleSheets(r.bytes()), finds);
                        }
                    }
                }
            }
            // A township reviewer's pages too (two-level review): its own walk, and its 403.
            Response users = c.get("/users");
            assertThat(c.postForm("/users", Map.of("_csrf", users.csrf(), "username",
                    "dongcheng", "display", "东城学区审核员", "password", "dongcheng-2024",
                    "township", "东城镇")).status()).isEqualTo(303);
            WebClient reviewer = new WebClient(h.baseUrl());
            reviewer.postForm("/login", Map.of("username", "dongcheng", "_csrf",
                    reviewer.get("/login").csrf(), "password", "dongcheng-2024"));
            Set<String> reviewed = walk(reviewer, "/collections", finds);
            assertThat(reviewed.size()).as("pages a reviewer walked").isGreaterThan(10);
            for (String page : reviewed) {
                if (page.matches("/collections/\\d+")) {
                    scan("审核员 " + page, reviewer.get(page + "/schools/3134000058").body(),
                            finds);
                    scan("审核员 " + page, reviewer.get(page + "/audit").body(), finds);
                }
            }
            WebClient school = new WebClient(h.baseUrl());
            for (String link : schoolLinks(dir)) {
                String path = link.replaceAll(".*(/s/.*)", "$1").strip();
                scan("学校页 " + path.substring(0, 8), school.open(path).body(), finds);
            }
            assertThat(seen.size()).as("pages walked").isGreaterThan(60);
        }
        assertThat(finds).as("English or raw ids shown to users").isEmpty();
    }

    /** Every GET page reachable from {@code start} within the site, downloads left out. */
    private static Set<String> walk(WebClient c, String start, List<String> finds) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Pattern href = Pattern.compile("href=\"(/[^\"#]*)\"");
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            String path = queue.poll().replace("&amp;", "&");
            if (!seen.add(path)) {
                continue;
            }
            Response r = c.get(path);
            if (!String.valueOf(r.header("Content-Type")).startsWith("text/html")) {
                continue;
            }
            scan(path, r.body(), finds);
            Matcher m = href.matcher(r.body());
            while (m.find()) {
                String next = m.group(1);
                if (!next.startsWith("/static") && !next.contains("/versions/")
                        && !next.matches(".*\\.(xlsx|zip|docx|csv|pdf)(\\?.*)?")
                        && !next.startsWith("/logout")) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    private static List<String> schoolLinks(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("demo-links.txt")).stream()
                    .filter(l -> l.contains("/s/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a reader of the page sees: text outside tags, scripts and styles. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("<!DOCTYPE[^>]*>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static void scan(String where, String html, List<String> finds) {
        String text = ALLOWED.matcher(visibleText(html)).replaceAll(" ");
        for (Pattern p : List.of(ENGLISH, CODE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                finds.add(where + ": " + m.group());
            }
        }
    }

    /** The cell texts of the sheets a reader sees (hidden sheets hold the machine's data). */
    private static String visibleSheets(byte[] book) {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
                    continue;
                }
                Sheet sheet = wb.getSheetAt(i);
                sb.append(sheet.getSheetName()).append('\n');
                // Rule ids may stand in a 规则编号 column, a detail for staff.
                Set<Integer> details = new LinkedHashSet<>();
                sheet.forEach(row -> row.forEach(cell -> {
                    String text = cell.toString();
                    if (text.equals("规则编号")) {
                        details.add(cell.getColumnIndex());
                    } else if (!details.contains(cell.getColumnIndex())) {
                        sb.append(text).append('\n');
                    }
                }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString().replace("<", "&lt;");
    }
}

package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huizong.server.WebClient.Response;
import org.huizong.server.web.ApiRequest;
import org.huizong.server.web.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's limits over real HTTP (docs/server.md, "Limits"): a busy server's 503, a repeated
 * upload, roster names in zips, long 说明, private files.
 */
class ServerLimitsTest {
    private static HuizongServer.Handle start(Path dir, Limits limits) {
        return HuizongServer.start(ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0),
                Clock.systemUTC(), limits);
    }

    private static WebClient staff(HuizongServer.Handle h) {
        WebClient c = new WebClient(h.baseUrl());
        Response r = c.postForm("/login", Map.of("username", "admin", "password",
                h.initialAdminPassword().orElseThrow(), "_csrf", c.get("/login").csrf()));
        assertThat(r.status()).isEqualTo(303);
        return c;
    }

    /** A collection with the four-school roster (or {@code roster}); secrets by school code. */
    private static Map<String, String> collection(WebClient staff, byte[] roster) {
        long id = ServerFlowTest.createCollection(staff, "2024H1");
        assertThat(ServerFlowTest.importRoster(staff, id, "schools.csv", roster).status())
                .isEqualTo(303);
        return ServerFlowTest.issueLinks(staff, id);
    }

    @Test
    void beyondItsReadersTheServerAnswers503WithRetryAfter(@TempDir Path dir) throws Exception {
        try (HuizongServer.Handle h = start(dir, Limits.defaults().withReaders(1, 0,
                Duration.ZERO))) {
            String secret = collection(staff(h), Fixtures.rosterCsv()).get(Fixtures.PRIMARY);
            byte[] file = Fixtures.validReturn(Fixtures.PRIMARY);
            int n = 16;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    WebClient c = new WebClient(h.baseUrl());
                    go.await();
                    return c.postBytes("/api/v1/validate?filename=r.xlsx", file,
                            Map.of(ApiRequest.SECRET_HEADER, secret));
                }));
            }
            go.countDown();
            List<Response> busy = new ArrayList<>();
            int ok = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertThat(r.status()).as(r.body()).isIn(200, 503);
                if (r.status() == 503) {
                    busy.add(r);
                } else {
                    ok++;
                }
            }
            pool.shutdown();
            assertThat(ok).isPositive();
            assertThat(busy).isNotEmpty().allSatisfy(r -> {
                assertThat(r.header("Retry-After")).isEqualTo("30");
                assertThat(r.header("Content-Type")).startsWith("application/json");
                assertThat(r.body()).contains("服务器正忙");
            });
        }
    }

    @Test
    void checksWithoutASecretAreCountedByAddress(@TempDir Path dir) {
        try (HuizongServer.Handle h = start(dir, Limits.defaults().withAnonymousPerMinute(3))) {
            String secret = collection(staff(h), Fixtures.rosterCsv()).get(Fixtures.PRIMARY);
            byte[] file = Fixtures.validReturn(Fixtures.PRIMARY);
            WebClient c = new WebClient(h.baseUrl());
            List<Response> anonymous = new ArrayList<>();
            // 8 in a row: at most 3 a minute, 6 if a minute ends in between.
            for (int i = 0; i < 8; i++) {
                anonymous.add(c.postBytes("/api/v1/validate?filename=r.xlsx", file, Map.of()));
            }
            assertThat(anonymous).extracting(Response::status).containsOnly(200, 429)
                    .filteredOn(s -> s == 429).hasSizeGreaterThanOrEqualTo(2);
            Response refused = anonymous.stream().filter(r -> r.status() == 429).findFirst()
                    .orElseThrow();
            assertThat(refused.header("Retry-After")).isEqualTo("60");
            assertThat(refused.body()).contains("未带学校密钥的检查已达 3 次");
            assertThat(c.postBytes("/api/v1/validate?filename=r.xlsx", file,
                    Map.of(ApiRequest.SECRET_HEADER, secret)).status())
                    .as("a school's own check is not counted").isEqualTo(200);
        }
    }

    @Test
    void theSameFileSentAgainIsAnsweredWithTheVersionStored(@TempDir Path dir) {
        try (HuizongServer.Handle h = start(dir, Limits.defaults())) {
            WebClient staff = staff(h);
            String secret = collection(staff, Fixtures.rosterCsv()).get(Fixtures.PRIMARY);
            WebClient api = new WebClient(h.baseUrl());
            Map<String, String> key = Map.of(ApiRequest.SECRET_HEADER, secret);
            byte[] file = Fixtures.validReturn(Fixtures.PRIMARY);
            Response first = api.postBytes("/api/v1/submit?filename=r.xlsx", file, key);
            Response again = api.postBytes("/api/v1/submit?filename=r.xlsx", file, key);
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.body()).contains("\"version\":1").contains("\"repeated\":false");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).contains("\"version\":1").contains("\"repeated\":true");
            Response other = api.postBytes("/api/v1/submit?filename=r.xlsx",
                    Fixtures.returnWithError(Fixtures.PRIMARY), key);
            assertThat(other.body()).contains("\"version\":2");
            // Only the latest version is compared: going back to the first file is an upload.
            assertThat(api.postBytes("/api/v1/submit?filename=r.xlsx", file, key).body())
                    .contains("\"version\":3");
            WebClient page = new WebClient(h.baseUrl());
            Response web = ServerFlowTest.upload(page, secret, "r.xlsx", file);
            assertThat(web.header("Location")).endsWith("?uploaded=3");
            long id = 1;
            assertThat(staff.get("/collections/" + id + "/audit").body())
                    .contains("重复上传");
        }
    }

    @Test
    void rosterNamesNeverBecomePathsInReturnsZip(@TempDir Path dir) throws Exception {
        String roster = new String(Fixtures.rosterCsv(), StandardCharsets.UTF_8)
                .replaceAll("(?m)^" + Fixtures.PRIMARY + ",[^,]*,", Fixtures.PRIMARY
                        + ",../../x/..\\\\\u0007坏名,");
        assertThat(roster).contains("../../x");
        try (HuizongServer.Handle h = start(dir, Limits.defaults())) {
            WebClient staff = staff(h);
            String secret = collection(staff, roster.getBytes(StandardCharsets.UTF_8))
                    .get(Fixtures.PRIMARY);
            assertThat(ServerFlowTest.upload(new WebClient(h.baseUrl()), secret, "..\\r.xlsx",
                    Fixtures.validReturn(Fixtures.PRIMARY)).status()).isEqualTo(303);
            List<String> names = zipEntries(staff.get("/collections/1/returns.zip").bytes());
            assertThat(names).hasSize(1).allSatisfy(n -> {
                assertThat(n.chars().filter(c -> c == '/').count()).as(n).isEqualTo(1);
                assertThat(n).doesNotContain("..").doesNotContain("\\").doesNotContain("\u0007")
                        .startsWith(Fixtures.PRIMARY + "-").contains("坏名");
            });
        }
    }

    @Test
    void aTooLongExplanationIsRefusedWithItsLength(@TempDir Path dir) {
        try (HuizongServer.Handle h = start(dir, Limits.defaults())) {
            String secret = collection(staff(h), Fixtures.rosterCsv())
                    .get(Fixtures.WARNING_SCHOOL);
            WebClient school = new WebClient(h.baseUrl());
            Response up = ServerFlowTest.upload(school, secret, "r.xlsx",
                    Fixtures.returnWithoutExplanations(Fixtures.WARNING_SCHOOL));
            Response page = school.open(up.header("Location"));
            String rule = "afterschool.teachers_le_teachers";
            Response tooLong = school.postForm("/s/" + secret + "/explain", Map.of("_csrf",
                    page.csrf(), "version", "1", "explain." + rule, "外聘".repeat(1001)));
            assertThat(tooLong.status()).isEqualTo(422);
            assertThat(tooLong.body()).contains("2002 个字，超过上限 2000 个字");
            Response ok = school.postForm("/s/" + secret + "/explain", Map.of("_csrf",
                    page.csrf(), "version", "1", "explain." + rule, "外聘".repeat(1000)));
            assertThat(ok.status()).isEqualTo(303);
        }
    }

    @Test
    void theDataFolderDatabaseAndReturnsAreTheServersAlone(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (HuizongServer.Handle h = start(data, Limits.defaults())) {
            String secret = collection(staff(h), Fixtures.rosterCsv()).get(Fixtures.PRIMARY);
            assertThat(ServerFlowTest.upload(new WebClient(h.baseUrl()), secret, "r.xlsx",
                    Fixtures.validReturn(Fixtures.PRIMARY)).status()).isEqualTo(303);
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("huizong.db"))).isEqualTo("rw-------");
        assertThat(mode(data.resolve("files"))).isEqualTo("rwx------");
        try (var files = Files.list(data.resolve("files"))) {
            assertThat(files.toList()).isNotEmpty()
                    .allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
        }
    }

    static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> zipEntries(byte[] zip) throws Exception {
        List<String> out = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.add(e.getName());
            }
        }
        return out;
    }
}

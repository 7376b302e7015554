package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.huizong.server.WebClient.Response;
import org.huizong.server.store.AccountStore;
import org.huizong.server.store.Crypto;
import org.huizong.server.web.ApiRequest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL and one shared data folder, as a bureau runs them behind a
 * reverse proxy: uploads spread over both are numbered once each and readable from either; a
 * session opened on one works on the other; failed sign-ins on one lock out on the other.
 */
class TwoServersTest {
    private static final int ROUNDS = 6;

    @Test
    void twoServersShareUploadsSessionsAndLockouts(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                    .withJdbcUrl(url);
            try (HuizongServer.Handle a = HuizongServer.start(config);
                    HuizongServer.Handle b = HuizongServer.start(config)) {
                assertThat(b.initialAdminPassword()).as("one first admin").isEmpty();
                WebClient staffA = new WebClient(a.baseUrl());
                Response login = staffA.postForm("/login", Map.of("username", "admin",
                        "password", a.initialAdminPassword().orElseThrow(), "_csrf",
                        staffA.get("/login").csrf()));
                String cookie = login.headers().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                        .flatMap(e -> e.getValue().stream())
                        .filter(c -> c.startsWith("hz_session=")).findFirst().orElseThrow()
                        .replaceAll(";.*", "");
                Map<String, String> session = Map.of("Cookie", cookie);
                WebClient onB = new WebClient(b.baseUrl());
                assertThat(onB.getWithHeaders("/audit", session).status())
                        .as("A's session on B").isEqualTo(200);

                long id = ServerFlowTest.createCollection(staffA, "2024H1");
                ServerFlowTest.importRoster(staffA, id, "schools.csv", Fixtures.rosterCsv());
                Map<String, String> secrets = ServerFlowTest.issueLinks(staffA, id);
                uploadOverBoth(List.of(a, b), secrets);

                Jdbi jdbi = Jdbi.create(url);
                List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(
                        "SELECT s.code, v.version_no, v.file_sha256 FROM return_versions v"
                                + " JOIN schools s ON s.id = v.school_id"
                                + " ORDER BY s.code, v.version_no").mapToMap().list());
                assertThat(rows).hasSize(secrets.size() * ROUNDS * 2);
                Map<String, Integer> last = new java.util.HashMap<>();
                WebClient[] readers = {new WebClient(a.baseUrl()), onB};
                for (Map<String, Object> r : rows) {
                    String code = (String) r.get("code");
                    int no = ((Number) r.get("version_no")).intValue();
                    assertThat(no).as(code + " numbered once, no gap")
                            .isEqualTo(last.getOrDefault(code, 0) + 1);
                    last.put(code, no);
                    for (WebClient reader : readers) {
                        Response f = reader.getWithHeaders("/collections/" + id + "/schools/"
                                + code + "/versions/" + no + "/file", session);
                        assertThat(f.status()).isEqualTo(200);
                        assertThat(Crypto.sha256Hex(f.bytes())).isEqualTo(r.get("file_sha256"));
                    }
                }

                String csrf = staffA.get("/users").csrf();
                staffA.postForm("/users", Map.of("_csrf", csrf, "username", "zhang",
                        "display", "张老师", "password", "correct-horse-1"));
                for (int i = 0; i < AccountStore.MAX_FAILURES; i++) {
                    WebClient c = new WebClient((i % 2 == 0 ? a : b).baseUrl());
                    assertThat(c.postForm("/login", Map.of("username", "zhang", "password",
                            "guess" + i, "_csrf", c.get("/login").csrf())).status())
                            .isEqualTo(401);
                }
                WebClient late = new WebClient(b.baseUrl());
                assertThat(late.postForm("/login", Map.of("username", "zhang", "password",
                        "correct-horse-1", "_csrf", late.get("/login").csrf())).status())
                        .as("locked on both after failures spread over both").isEqualTo(429);
            }
        }
    }

    /**
     * Every school stores {@code ROUNDS} versions through each server at once, alternating two
     * different files.
     */
    private static void uploadOverBoth(List<HuizongServer.Handle> servers,
            Map<String, String> secrets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(secrets.size() * servers.size());
        List<Future<?>> done = new ArrayList<>();
        for (String code : secrets.keySet()) {
            List<byte[]> files = List.of(Fixtures.validReturn(code),
                    Fixtures.returnWithError(code));
            for (int s = 0; s < servers.size(); s++) {
                int first = s;
                WebClient c = new WebClient(servers.get(s).baseUrl());
                done.add(pool.submit(() -> {
                    for (int k = 0; k < ROUNDS; k++) {
                        // The same file as this school's latest version (through either
                        // server) is answered 200 and stored no more: send the other one.
                        Response r = null;
                        for (int t = k + first; r == null || r.status() == 200; t++) {
                            assertThat(t).as("attempts").isLessThan(k + first + 10);
                            r = c.postBytes("/api/v1/submit?filename=r.xlsx", files.get(t % 2),
                                    Map.of(ApiRequest.SECRET_HEADER, secrets.get(code)));
                        }
                        assertThat(r.status()).as(r.body()).isEqualTo(201);
                    }
                    return null;
                }));
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        for (Future<?> f : done) {
            f.get();
        }
    }
}

package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.huizong.server.WebClient.Response;
import org.huizong.server.store.Crypto;
import org.huizong.server.web.ApiRequest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server process (SIGKILL) while schools are uploading, restarts it on the same data
 * and checks that no version is half-stored: every version row names a complete file with its
 * hash, version numbers have no gaps, and every upload the server acknowledged is there.
 */
class CrashSafetyTest {
    private static final int KILL_AFTER_ACKS = 25;
    private static final int MAX_REQUESTS = 400;

    /** A server in its own process, with a collection of the four-school roster. */
    record Child(Process process, String base, Map<String, String> secrets) {
        static Child start(Path dir) throws Exception {
            Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin",
                    "java").toString(), "-cp", System.getProperty("java.class.path"),
                    ChildServer.class.getName(), dir.toString()).redirectErrorStream(true)
                    .start();
            String password = null;
            int port = -1;
            BufferedReader out = new BufferedReader(new InputStreamReader(
                    child.getInputStream(), StandardCharsets.UTF_8));
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                if (line.startsWith("ADMIN ")) {
                    password = line.substring(6);
                } else if (line.startsWith("PORT ")) {
                    port = Integer.parseInt(line.substring(5));
                }
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            assertThat(port).isPositive();
            String base = "http://127.0.0.1:" + port;
            WebClient staff = new WebClient(base);
            staff.postForm("/login", Map.of("username", "admin", "password", password, "_csrf",
                    staff.get("/login").csrf()));
            long id = ServerFlowTest.createCollection(staff, "2024H1");
            ServerFlowTest.importRoster(staff, id, "schools.csv", Fixtures.rosterCsv());
            return new Child(child, base, ServerFlowTest.issueLinks(staff, id));
        }
    }

    @Test
    void killDuringUploadsLeavesOnlyCompleteVersions(@TempDir Path dir) throws Exception {
        Child started = Child.start(dir);
        Process child = started.process();
        String base = started.base();
        Map<String, String> secrets = started.secrets();
        // Two different files per school, sent in turn, so that most uploads are new versions
        // (the same file again within minutes is answered with the version stored, 200).
        Map<String, List<byte[]>> files = new ConcurrentHashMap<>();
        secrets.keySet().forEach(code -> files.put(code, List.of(Fixtures.validReturn(code),
                Fixtures.returnWithError(code))));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        // The upload each school was sending when the server died: its client sends it again.
        Map<String, byte[]> unanswered = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(secrets.size() * 2);
        for (String code : secrets.keySet()) {
            for (int t = 0; t < 2; t++) {
                int first = t;
                pool.submit(() -> {
                    WebClient c = new WebClient(base);
                    for (int k = first; sent.incrementAndGet() <= MAX_REQUESTS && child.isAlive();
                            k++) {
                        byte[] file = files.get(code).get(k % 2);
                        try {
                            Response r = c.postBytes("/api/v1/submit?filename=r.xlsx",
                                    file, Map.of(ApiRequest.SECRET_HEADER, secrets.get(code)));
                            if (r.status() == 201 || r.status() == 200) {
                                String v = r.body().replaceAll(".*\"version\":(\\d+).*", "$1");
                                acknowledged.add(code + "/" + v);
                                if (acks.incrementAndGet() == KILL_AFTER_ACKS) {
                                    child.destroyForcibly();
                                }
                            }
                        } catch (RuntimeException e) {
                            unanswered.put(code + "#" + first, file);
                            return;
                        }
                    }
                });
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acks.get()).isGreaterThanOrEqualTo(KILL_AFTER_ACKS);

        assertEverythingStoredIsWhole(dir, acknowledged);
        retriesAreAnsweredOnceStored(dir, secrets, unanswered);
    }

    /**
     * The clients whose upload got no answer send it again to the restarted server: each is
     * answered, and one that was stored before the kill is answered with that version, never
     * stored twice in a row (0 duplicated).
     */
    private static void retriesAreAnsweredOnceStored(Path dir, Map<String, String> secrets,
            Map<String, byte[]> unanswered) throws Exception {
        try (HuizongServer.Handle h = HuizongServer.start(ServerConfig.defaults(dir)
                .withHost("127.0.0.1").withPort(0))) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(unanswered).entrySet()) {
                String code = e.getKey().substring(0, e.getKey().indexOf('#'));
                Response r = new WebClient(h.baseUrl()).postBytes("/api/v1/submit?filename=r.xlsx",
                        e.getValue(), Map.of(ApiRequest.SECRET_HEADER, secrets.get(code)));
                assertThat(r.status()).as(r.body()).isIn(200, 201);
            }
            Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("huizong.db"));
            List<Map<String, Object>> rows = jdbi.withHandle(x -> x.createQuery(
                    "SELECT s.code, v.file_sha256 FROM return_versions v"
                            + " JOIN schools s ON s.id = v.school_id ORDER BY s.code, v.version_no")
                    .mapToMap().list());
            for (int i = 1; i < rows.size(); i++) {
                boolean sameSchool = rows.get(i).get("code").equals(rows.get(i - 1).get("code"));
                assertThat(sameSchool && rows.get(i).get("file_sha256")
                        .equals(rows.get(i - 1).get("file_sha256")))
                        .as("version after version of " + rows.get(i).get("code")
                                + " the same file: a retry stored twice").isFalse();
            }
        }
    }

    /** The server starts again on the same data, and everything stored is whole. */
    static void assertEverythingStoredIsWhole(Path dir, Set<String> acknowledged)
            throws Exception {
        try (HuizongServer.Handle h = HuizongServer.start(ServerConfig.defaults(dir)
                .withHost("127.0.0.1").withPort(0))) {
            assertThat(h.initialAdminPassword()).isEmpty();
            Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("huizong.db"));
            List<Map<String, Object>> rows = jdbi.withHandle(x -> x.createQuery(
                    "SELECT s.code, v.version_no, v.file_sha256, v.file_size FROM return_versions v"
                            + " JOIN schools s ON s.id = v.school_id ORDER BY s.code, v.version_no")
                    .mapToMap().list());
            assertThat(rows).hasSizeGreaterThanOrEqualTo(acknowledged.size());
            List<String> stored = new ArrayList<>();
            Map<String, Integer> lastNo = new java.util.HashMap<>();
            for (Map<String, Object> r : rows) {
                String code = (String) r.get("code");
                int no = ((Number) r.get("version_no")).intValue();
                assertThat(no).as("no gap for " + code).isEqualTo(lastNo.getOrDefault(code, 0) + 1);
                lastNo.put(code, no);
                Path file = dir.resolve("files").resolve((String) r.get("file_sha256"));
                assertThat(file).exists();
                byte[] b = Files.readAllBytes(file);
                assertThat((long) b.length).isEqualTo(((Number) r.get("file_size")).longValue());
                assertThat(Crypto.sha256Hex(b)).isEqualTo(r.get("file_sha256"));
                stored.add(code + "/" + no);
            }
            assertThat(stored).containsAll(acknowledged);
        }
    }
}

package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.huizong.engine.model.School;
import org.huizong.server.WebClient.Response;
import org.huizong.server.web.ApiRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300 schools upload at once near the deadline, over loopback, against the SQLite default. The
 * run is bounded: 300 requests, each with a 120 s timeout, all done or failed within 5 minutes.
 * Every upload must be stored exactly once and the dashboard must show 300 已报送待审核 afterwards.
 * Throughput and latency percentiles go to {@code target/load-report.txt}.
 */
@Tag("load")
class LoadTest {
    static final int SCHOOLS = 300;

    @Test
    void threeHundredSchoolsUploadAtOnce(@TempDir Path dir) throws Exception {
        List<School> schools = IntStream.rangeClosed(1, SCHOOLS).mapToObj(i -> new School(
                String.format("31990%05d", i), "负载测试第" + i + "小学", "小学",
                "乡镇" + (i % 12 + 1), i % 10 == 0 ? "民办" : "公办")).toList();
        StringBuilder csv = new StringBuilder("code,name,type,township,ownership\n");
        schools.forEach(s -> csv.append(String.join(",", s.code(), s.name(), s.type(),
                s.township(), s.ownership())).append('\n'));
        var data = Fixtures.data(Fixtures.PRIMARY);
        // Each school's own workbook (its identity and _meta), written on every core up front.
        List<byte[]> files = schools.parallelStream().map(s -> Fixtures.write(s, data.values(),
                data.projects(), data.explanations())).toList();
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0);
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            WebClient staff = new WebClient(h.baseUrl());
            String csrf = staff.get("/login").csrf();
            staff.postForm("/login", Map.of("username", "admin", "_csrf", csrf,
                    "password", h.initialAdminPassword().orElseThrow()));
            long id = ServerFlowTest.createCollection(staff, "2024H1");
            assertThat(ServerFlowTest.importRoster(staff, id, "schools.csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(303);
            Map<String, String> secrets = ServerFlowTest.issueLinks(staff, id);
            assertThat(secrets).hasSize(SCHOOLS);

            long[] latencies = new long[SCHOOLS];
            int[] statuses = new int[SCHOOLS];
            CountDownLatch ready = new CountDownLatch(SCHOOLS);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(SCHOOLS);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < SCHOOLS; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    WebClient c = new WebClient(h.baseUrl());
                    ready.countDown();
                    go.await();
                    long t0 = System.nanoTime();
                    Response r = c.postBytes("/api/v1/submit?filename=return.xlsx", files.get(n),
                            Map.of(ApiRequest.SECRET_HEADER, secrets.get(schools.get(n).code())));
                    latencies[n] = System.nanoTime() - t0;
                    statuses[n] = r.status();
                    return null;
                }));
            }
            ready.await(60, TimeUnit.SECONDS);
            long start = System.nanoTime();
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("bounded run").isTrue();
            long wall = System.nanoTime() - start;
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(Arrays.stream(statuses).distinct().toArray()).containsExactly(201);

            Response dash = staff.get("/collections/" + id + "?status=submitted");
            assertThat(dash.body()).contains("显示 " + SCHOOLS + " / " + SCHOOLS + " 所")
                    .contains("尚未报送（无已接受版本）的学校：0 所");
            Response xlsx = staff.get("/collections/" + id + "/returns.zip");
            assertThat(zipEntries(xlsx.bytes())).as("one stored version per school")
                    .hasSize(SCHOOLS).allMatch(n -> n.contains("/v1-"));
            report(latencies, wall);
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

    private static void report(long[] nanos, long wallNanos) throws Exception {
        long[] ms = Arrays.stream(nanos).map(n -> n / 1_000_000).sorted().toArray();
        String text = String.format("uploads=%d wall=%.1fs throughput=%.1f/s p50=%dms p95=%dms"
                + " p99=%dms max=%dms cores=%d%n", ms.length, wallNanos / 1e9,
                ms.length / (wallNanos / 1e9), pct(ms, 50), pct(ms, 95), pct(ms, 99),
                ms[ms.length - 1], Runtime.getRuntime().availableProcessors());
        System.out.print("LOAD " + text);
        Path out = Paths.get("target", "load-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }
}

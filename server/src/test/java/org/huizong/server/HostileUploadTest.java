package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huizong.engine.fixtures.HostileFiles;
import org.huizong.server.WebClient.Response;
import org.huizong.server.web.ApiRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus (over a hundred bad files, the same the CLI test reads) sent to the
 * server the two ways a school can: uploaded on its page and checked through the JSON API. Each
 * file is refused with the reader's own Chinese words, as the CLI says them, or read with the
 * findings the corpus expects; a refused file is never stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUploadTest {
    /** The corpus's school, 城关第一中学 (完全中学), on a one-school roster. */
    private static final String CODE = "3134000050";
    private HuizongServer.Handle server;
    private String secret;
    private List<HostileFiles.Case> cases;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cases = HostileFiles.write(Files.createDirectories(dir.resolve("corpus")));
        server = HuizongServer.start(ServerConfig.defaults(dir.resolve("data"))
                .withHost("127.0.0.1").withPort(0).withMaxUploadBytes(30L * 1024 * 1024));
        WebClient staff = new WebClient(server.baseUrl());
        staff.postForm("/login", Map.of("username", "admin", "password",
                server.initialAdminPassword().orElseThrow(), "_csrf", staff.get("/login").csrf()));
        long id = ServerFlowTest.createCollection(staff, "2024H1");
        String roster = "学校标识码,学校名称,学校类型,所在乡镇,办学性质\n" + CODE
                + ",城关第一中学,完全中学,城关镇,公办\n";
        assertThat(ServerFlowTest.importRoster(staff, id, "schools.csv",
                roster.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(303);
        secret = ServerFlowTest.issueLinks(staff, id).get(CODE);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyFileOfTheCorpusIsRefusedInTheReadersWordsOrReadWithItsFindings() throws Exception {
        assertThat(cases).hasSizeGreaterThan(100);
        WebClient school = new WebClient(server.baseUrl());
        List<String> wrong = new ArrayList<>();
        int stored = 0;
        for (HostileFiles.Case x : cases) {
            if (!Files.isRegularFile(x.file()) || Files.size(x.file()) > 30L * 1024 * 1024) {
                continue; // devices, pipes and folders cannot be uploaded; nor can 30 MB
            }
            byte[] bytes = Files.readAllBytes(x.file());
            String name = x.file().getFileName().toString();
            Response api = school.postBytes("/api/v1/validate?filename=" + java.net.URLEncoder
                    .encode(name, StandardCharsets.UTF_8), bytes,
                    Map.of(ApiRequest.SECRET_HEADER, secret));
            Response web = ServerFlowTest.upload(school, secret, name, bytes);
            if (x.outcome() instanceof HostileFiles.Refused r) {
                if (api.status() < 400 || !api.body().contains(r.part())) {
                    wrong.add(x + " API " + api.status() + ": " + api.body());
                }
                if (web.status() < 400 || !web.body().contains(r.part())) {
                    wrong.add(x + " web " + web.status() + ": " + excerpt(web.body()));
                }
                continue;
            }
            HostileFiles.Read read = (HostileFiles.Read) x.outcome();
            if (api.status() != 200) {
                wrong.add(x + " API " + api.status() + ": " + api.body());
                continue;
            }
            for (String expected : read.present()) {
                String rule = expected.substring(0, expected.indexOf(':'));
                if (!api.body().contains("\"rule\":\"" + rule + "\"")) {
                    wrong.add(x + " API lacks " + rule + ": " + api.body());
                }
            }
            if (web.status() == 303) {
                stored++;
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
        String page = school.get("/s/" + secret).body();
        assertThat(page).as("only the readable returns are versions").contains("第 " + stored
                + " 版");
    }

    private static String excerpt(String html) {
        int i = html.indexOf("flash error");
        return i < 0 ? html.substring(0, Math.min(200, html.length()))
                : html.substring(i, Math.min(html.length(), i + 300));
    }
}

package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's configuration: checks, defaults, and the public address in links. */
class ServerConfigTest {
    @Test
    void defaultsAreSqliteInTheDataFolderOnPort8080(@TempDir Path dir) {
        ServerConfig c = ServerConfig.defaults(dir);
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.isSqlite()).isTrue();
        assertThat(c.effectiveJdbcUrl()).isEqualTo("jdbc:sqlite:"
                + dir.resolve("huizong.db").toAbsolutePath());
        assertThat(c.withJdbcUrl("jdbc:postgresql://db/huizong").isSqlite()).isFalse();
        assertThat(c.withPublicUrl("https://jyj.example.cn/huizong/").publicUrl())
                .contains("https://jyj.example.cn/huizong");
    }

    @Test
    void badValuesAreRefusedWithTheValue(@TempDir Path dir) {
        ServerConfig c = ServerConfig.defaults(dir);
        assertThatThrownBy(() -> c.withPort(70_000)).hasMessageContaining("70000");
        assertThatThrownBy(() -> c.withJdbcUrl("jdbc:mysql://x/y"))
                .hasMessageContaining("jdbc:mysql://x/y");
        assertThatThrownBy(() -> c.withMaxUploadBytes(10)).hasMessageContaining("10");
        assertThatThrownBy(() -> c.withPublicUrl("jyj.example.cn"))
                .hasMessageContaining("jyj.example.cn");
    }

    @Test
    void printedLinksAndTheManifestUseThePublicAddress(@TempDir Path dir) {
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withPublicUrl("https://jyj.example.cn");
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            WebClient c = new WebClient(h.baseUrl());
            c.postForm("/login", Map.of("username", "admin", "_csrf", c.get("/login").csrf(),
                    "password", h.initialAdminPassword().orElseThrow()));
            long id = ServerFlowTest.createCollection(c, "2024H1");
            ServerFlowTest.importRoster(c, id, "schools.csv", Fixtures.rosterCsv());
            String csrf = c.get("/collections/" + id + "/links").csrf();
            String page = c.postForm("/collections/" + id + "/links/issue",
                    Map.of("_csrf", csrf, "scope", "missing")).body();
            assertThat(page).contains("href=\"https://jyj.example.cn/s/");
            assertThat(ServerFlowTest.links(page)).hasSize(4);
            assertThat(c.get("/addin/manifest.xml").body()).contains("https://jyj.example.cn/addin/");
        }
    }
}

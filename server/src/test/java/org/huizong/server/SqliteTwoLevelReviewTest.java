package org.huizong.server;

import java.nio.file.Path;

/** Two-level review on the embedded default: SQLite in the data folder. */
class SqliteTwoLevelReviewTest extends TwoLevelReviewTest {
    @Override
    ServerConfig config(Path dataDir) {
        return ServerConfig.defaults(dataDir).withHost("127.0.0.1").withPort(0);
    }
}

package org.huizong.server;

import java.nio.file.Path;

/** The flows on the embedded default: SQLite in the data folder. */
class SqliteFlowTest extends ServerFlowTest {
    @Override
    ServerConfig config(Path dataDir) {
        return ServerConfig.defaults(dataDir).withHost("127.0.0.1").withPort(0)
                .withMaxUploadBytes(MAX_UPLOAD);
    }
}
